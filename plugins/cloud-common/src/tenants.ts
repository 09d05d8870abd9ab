import type { Environment, SsoProtocol, TenantStatus } from './constants';
import type { OnboardingSide, OnboardingStepId } from './onboarding/steps';
import type {
  OnboardingAction,
  OnboardingStepStatus,
} from './onboarding/transitions';

/*
 * The tenants of the onboarding service as its REST API returns them. The
 * cloud backend stores them, the catalog's tenant provider turns them into
 * Tenant entities and the frontend shows them: one definition for all.
 */

/**
 * A contact of the establishment given with a request.
 *
 * @public
 */
export interface TenantRequestContact {
  name: string;
  email: string;
  role?: string;
}

/**
 * The request that created a tenant, stored as submitted.
 *
 * @public
 */
export interface TenantRequest {
  /** Wished go-live date (ISO date). */
  wishedGoLiveDate?: string;
  /** Expected number of users. */
  expectedUsers?: number;
  /** True when the data comes from an on-premise installation. */
  migration: boolean;
  contacts?: TenantRequestContact[];
  comment?: string;
  [key: string]: unknown;
}

/**
 * One onboarding step of a tenant.
 *
 * @public
 */
export interface TenantStep {
  id: OnboardingStepId;
  status: OnboardingStepStatus;
  reason?: string | null;
  side: OnboardingSide;
  order: number;
  dueDate: string | null;
  updatedBy: string;
  updatedAt: string;
  rowVersion: number;
}

/**
 * Incentive funding of a tenant, in whole euros.
 *
 * @public
 */
export interface TenantFunding {
  grantedEur: number;
  paidEur: number;
  updatedBy: string;
  updatedAt: string;
  rowVersion: number;
}

/**
 * Training figures of a tenant.
 *
 * @public
 */
export interface TenantTraining {
  sessionsHeld: number;
  staffTrained: number;
  updatedBy: string;
  updatedAt: string;
  rowVersion: number;
}

/**
 * A tenant as listed.
 *
 * @public
 */
export interface Tenant {
  id: string;
  /** `<application>-<uai>-<environment>`, lowercase. */
  name: string;
  application: string;
  /** Name of the establishment Group, `etab-<uai>`. */
  establishment: string;
  uai: string;
  environment: Environment;
  version: string;
  status: TenantStatus;
  /** First step neither done nor skipped; null once all are. */
  currentStep: OnboardingStepId | null;
  url: string | null;
  ssoProtocol: SsoProtocol | null;
  ssoIdpEntityId: string | null;
  suspended: boolean;
  decommissioned: boolean;
  request: TenantRequest;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  rowVersion: number;
}

/**
 * A tenant of a list (`GET /tenants`), with its steps when the list was
 * asked for them (`include=steps`).
 *
 * @public
 */
export interface TenantListItem extends Tenant {
  steps?: TenantStep[];
}

/**
 * A tenant with its steps, funding and training figures.
 *
 * @public
 */
export interface TenantDetails extends Tenant {
  steps: TenantStep[];
  funding: TenantFunding;
  training: TenantTraining;
}

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
  'comment.added',
  'funding.recorded',
  'training.recorded',
  'request.approved',
  'request.rejected',
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
export interface TenantEvent {
  id: number;
  tenantId: string;
  at: string;
  /** User entity ref of who acted. */
  actor: string;
  type: TenantEventType;
  stepId: OnboardingStepId | null;
  comment: string | null;
  before: unknown;
  after: unknown;
}

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
