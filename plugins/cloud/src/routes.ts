import { createRouteRef } from '@backstage/frontend-plugin-api';

/** @public */
export const homeRouteRef = createRouteRef();

/**
 * The Adoption page (`/cloud/adoption`), for Amue.
 *
 * @public
 */
export const adoptionRouteRef = createRouteRef();

/**
 * "My instances" (`/cloud/instances`): the hosted instances the user may
 * read, with where each onboarding stands.
 *
 * @public
 */
export const instancesRouteRef = createRouteRef();

/**
 * The onboarding page of one tenant (`/cloud/tenants/:name`), where the
 * notifications lead.
 *
 * @public
 */
export const tenantOnboardingRouteRef = createRouteRef({ params: ['name'] });

/**
 * "Requests" (`/cloud/requests`): the requests waiting for qualification
 * and the blocked instances, for Amue's product owners.
 *
 * @public
 */
export const requestsRouteRef = createRouteRef();

/**
 * The offer (`/cloud/offer`): the applications offered as a service, each
 * with "Demander une instance".
 *
 * @public
 */
export const offerRouteRef = createRouteRef();
