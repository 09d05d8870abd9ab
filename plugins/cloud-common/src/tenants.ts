import type { TenantEventType } from './generated/models';
import type { OnboardingAction } from './onboarding/transitions';

/*
 * The tenants of the onboarding service as its REST API returns them. The
 * cloud backend stores them, the catalog's tenant provider turns them into
 * Tenant entities and the frontend shows them: one definition for all, the
 * API's (the types generated from its OpenAPI document, under the names
 * the packages know them by).
 */

export type {
  Contact as TenantRequestContact,
  TenantRequest,
  Step as TenantStep,
  Funding as TenantFunding,
  Training as TenantTraining,
  Tenant,
  TenantListItem,
  TenantDetails,
  TenantEvent,
} from './generated/models';

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
] as const satisfies readonly TenantEventType[];

// The API's `TenantEventType` (its OpenAPI document), whose values TENANT_EVENT_TYPES
// lists: a test checks that they agree.
export type { TenantEventType };

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
