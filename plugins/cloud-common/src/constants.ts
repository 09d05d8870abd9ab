import type { SsoProtocol } from './generated/models';
import type { TenantStatus } from './generated/models';
import type { Environment } from './generated/models';
/**
 * The API version of the portal's own catalog kinds.
 *
 * @public
 */
export const CLOUD_API_VERSION = 'cloud.amue.fr/v1alpha1';

/**
 * The apiVersion group of the portal's own catalog kinds.
 *
 * @public
 */
export const CLOUD_API_GROUP = 'cloud.amue.fr';

/**
 * Annotation holding an establishment's UAI code (Unité Administrative
 * Immatriculée), e.g. `0331766R`.
 *
 * @public
 */
export const UAI_ANNOTATION = 'cloud.amue.fr/uai';

/**
 * Annotation holding an establishment's former UAI codes, comma-separated.
 *
 * @public
 */
export const FORMER_UAIS_ANNOTATION = 'cloud.amue.fr/former-uais';

/**
 * Annotation of a Tenant entity holding the id (uuid) of its tenant in the
 * cloud backend.
 *
 * @public
 */
export const TENANT_ID_ANNOTATION = 'cloud.amue.fr/tenant-id';

/**
 * Annotation of a Tenant entity holding its current onboarding step (absent
 * once every step is done or skipped), so that the catalog shows where each
 * tenant stands.
 *
 * @public
 */
export const TENANT_CURRENT_STEP_ANNOTATION = 'cloud.amue.fr/current-step';

/**
 * Labels of establishment Groups (slugs of the ministry dataset's values).
 *
 * @public
 */
export const ESTABLISHMENT_LABELS = {
  region: 'cloud.amue.fr/region',
  academie: 'cloud.amue.fr/academie',
  type: 'cloud.amue.fr/establishment-type',
  sector: 'cloud.amue.fr/sector',
} as const;

/**
 * Annotation of establishment Groups holding their location as
 * `<latitude>,<longitude>` in decimal degrees (WGS 84), from the
 * `géolocalisation` column of the ministry's dataset. Absent when the
 * dataset gives none.
 *
 * @public
 */
export const ESTABLISHMENT_LOCATION_ANNOTATION = 'cloud.amue.fr/location';

/**
 * `spec.type` of the catalog Groups that represent establishments.
 *
 * @public
 */
export const ESTABLISHMENT_GROUP_TYPE = 'establishment';

/**
 * Prefix of the entity name of an establishment Group: `etab-<uai>`, UAI in
 * lowercase (e.g. `etab-0333298f`).
 *
 * @public
 */
export const ESTABLISHMENT_NAME_PREFIX = 'etab-';

/**
 * Name of the catalog Group whose members administer the whole portal.
 *
 * @public
 */
export const AMUE_ADMINS_GROUP = 'amue-admins';

/**
 * Relation types of the portal's kinds, beside Backstage's own `ownedBy` /
 * `ownerOf` and `partOf` / `hasPart`.
 *
 * @public
 */
export const RELATION_INSTANCE_OF = 'instanceOf';
/** @public */
export const RELATION_HAS_INSTANCE = 'hasInstance';

/**
 * Environments a tenant can be deployed in.
 *
 * @public
 */
export const ENVIRONMENTS = [
  'production',
  'preproduction',
  'formation',
  'test',
] as const satisfies readonly Environment[];

// The API's `Environment` (its OpenAPI document), whose values ENVIRONMENTS
// lists: a test checks that they agree.
export type { Environment };

/**
 * Statuses of a tenant, from request to decommissioning.
 *
 * @public
 */
export const TENANT_STATUSES = [
  'requested',
  'provisioning',
  'onboarding',
  'live',
  'suspended',
  'decommissioned',
] as const satisfies readonly TenantStatus[];

// The API's `TenantStatus` (its OpenAPI document), whose values TENANT_STATUSES
// lists: a test checks that they agree.
export type { TenantStatus };

/**
 * Lifecycles of an Amue application.
 *
 * @public
 */
export const APPLICATION_LIFECYCLES = [
  'experimental',
  'production',
  'deprecated',
  'end-of-life',
] as const;

/** @public */
export type ApplicationLifecycle = (typeof APPLICATION_LIFECYCLES)[number];

/**
 * Support statuses of an application version.
 *
 * @public
 */
export const VERSION_STATUSES = [
  'supported',
  'deprecated',
  'end-of-life',
] as const;

/** @public */
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/**
 * Availability of an application as a service (SaaS) on Amue's platform.
 *
 * @public
 */
export const SAAS_STATUSES = [
  'available',
  'pilot',
  'planned',
  'unavailable',
] as const;

/** @public */
export type SaasStatus = (typeof SAAS_STATUSES)[number];

/**
 * Single sign-on protocols of a tenant.
 *
 * @public
 */
export const SSO_PROTOCOLS = [
  'saml',
  'oidc',
] as const satisfies readonly SsoProtocol[];

// The API's `SsoProtocol` (its OpenAPI document), whose values SSO_PROTOCOLS
// lists: a test checks that they agree.
export type { SsoProtocol };
