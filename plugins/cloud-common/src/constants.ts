/**
 * The API version of the portal's own catalog kinds.
 *
 * @public
 */
export const CLOUD_API_VERSION = 'cloud.amue.fr/v1alpha1';

/**
 * Annotation holding an establishment's UAI code (Unité Administrative
 * Immatriculée), e.g. `0331766R`.
 *
 * @public
 */
export const UAI_ANNOTATION = 'cloud.amue.fr/uai';

/**
 * `spec.type` of the catalog Groups that represent establishments.
 *
 * @public
 */
export const ESTABLISHMENT_GROUP_TYPE = 'establishment';

/**
 * Name of the catalog Group whose members administer the whole portal.
 *
 * @public
 */
export const AMUE_ADMINS_GROUP = 'amue-admins';
