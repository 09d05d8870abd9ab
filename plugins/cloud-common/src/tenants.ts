import type * as Api from './generated/models';
import type { OnboardingAction } from './onboarding/transitions';

/*
 * The tenants of the onboarding service as its REST API returns them. The
 * cloud backend stores them, the catalog's tenant provider turns them into
 * Tenant entities and the frontend shows them: one definition for all, the
 * API's (the types generated from its OpenAPI document, under the names
 * the packages know them by).
 */

/**
 * A contact of the establishment given with a request.
 *
 * @public
 */
export type TenantRequestContact = Api.Contact;

/**
 * The request that created a tenant, stored as submitted.
 *
 * @public
 */
export type TenantRequest = Api.TenantRequest;

/**
 * One onboarding step of a tenant.
 *
 * @public
 */
export type TenantStep = Api.Step;

/**
 * Incentive funding of a tenant, in whole euros.
 *
 * @public
 */
export type TenantFunding = Api.Funding;

/**
 * Training figures of a tenant.
 *
 * @public
 */
export type TenantTraining = Api.Training;

/**
 * A tenant as listed.
 *
 * @public
 */
export type Tenant = Api.Tenant;

/**
 * A tenant of a list (`GET /tenants`), with its steps when the list was
 * asked for them (`include=steps`).
 *
 * @public
 */
export type TenantListItem = Api.TenantListItem;

/**
 * A tenant with its steps, funding and training figures.
 *
 * @public
 */
export type TenantDetails = Api.TenantDetails;

/**
 * Types of the events of the log.
 *
 * @public
 */
export const TENANT_EVENT_TYPES = [
  'request.created',
  'step.started',
  'step.completed',
  'step.blocked',
  'step.unblocked',
  'step.skipped',
  'step.reopened',
  'step.due-date-changed',
  'comment.added',
  'funding.recorded',
  'training.recorded',
  'request.approved',
  'request.rejected',
  'request.decision-undone',
  'tenant.version-changed',
  'tenant.decommissioned',
] as const;

/**
 * Types of the events of the log.
 *
 * @public
 */
export type TenantEventType = (typeof TENANT_EVENT_TYPES)[number];

/**
 * One entry of a tenant's append-only event log.
 *
 * @public
 */
export type TenantEvent = Api.TenantEvent;

/**
 * The type of the event log entry an action on a step writes.
 *
 * @public
 */
export const STEP_ACTION_EVENT_TYPES: Readonly<
  Record<OnboardingAction, TenantEventType>
> = Object.freeze({
  start: 'step.started',
  complete: 'step.completed',
  block: 'step.blocked',
  unblock: 'step.unblocked',
  skip: 'step.skipped',
  reopen: 'step.reopened',
});

/**
 * The events service topic on which the cloud backend publishes, after each
 * committed change, which tenant changed.
 *
 * @public
 */
export const CLOUD_TENANT_EVENTS_TOPIC = 'cloud.tenant';

/**
 * Payload of a message on {@link CLOUD_TENANT_EVENTS_TOPIC}.
 *
 * @public
 */
export interface TenantChangedEvent {
  /** Tenant id (uuid). */
  id: string;
  /** Tenant name, `<application>-<uai>-<environment>`. */
  name: string;
  /** What happened, the type of the event log entry. */
  type: TenantEventType;
}
