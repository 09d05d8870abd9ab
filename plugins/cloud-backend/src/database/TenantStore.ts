import type {
  Environment,
  OnboardingAction,
  OnboardingActorSide,
  OnboardingSide,
  OnboardingStepId,
  OnboardingStepStatus,
  SsoProtocol,
  TenantStatus,
} from '@amue/plugin-cloud-common';
import type { Knex } from 'knex';

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
export type TenantEventType =
  | 'request.created'
  | `step.${
      | 'started'
      | 'completed'
      | 'blocked'
      | 'unblocked'
      | 'skipped'
      | 'reopened'}`
  | 'comment.added'
  | 'funding.recorded'
  | 'training.recorded';

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
 * What a request gives to create a tenant.
 *
 * @public
 */
export interface CreateTenantInput {
  /** Name of the application entity (or its entity ref). */
  application: string;
  uai: string;
  environment: Environment;
  version: string;
  url?: string | null;
  ssoProtocol?: SsoProtocol | null;
  ssoIdpEntityId?: string | null;
  request: TenantRequest;
}

/**
 * Result of {@link TenantStore.createTenant}.
 *
 * @public
 */
export interface CreateTenantResult {
  tenant: TenantDetails;
  /** False when the idempotency key was already used: the existing tenant. */
  created: boolean;
}

/**
 * Who writes, and the version of the row they saw.
 *
 * @public
 */
export interface VersionedWriteOptions {
  actor: string;
  expectedVersion: number;
}

/**
 * Sort orders of the list of tenants.
 *
 * @public
 */
export interface TenantOrder {
  field: 'name' | 'createdAt' | 'updatedAt';
  direction: 'asc' | 'desc';
}

/**
 * Filters of the list of tenants: each array is "any of", the arrays are
 * combined with "and"; empty or absent arrays do not filter.
 *
 * @public
 */
export interface TenantFilters {
  establishment?: string[];
  application?: string[];
  environment?: string[];
  status?: string[];
  currentStep?: string;
  /** True: only tenants with a blocked step; false: only without. */
  blocked?: boolean;
}

/**
 * A condition added to the SQL query of the list (e.g. the permission
 * framework's conditional decision turned into a where clause), applied on
 * the `cloud_tenants` table.
 *
 * @public
 */
export type TenantQueryCondition = (query: Knex.QueryBuilder) => void;

/**
 * Options of {@link TenantStore.listTenants}.
 *
 * @public
 */
export interface ListTenantsOptions {
  filters?: TenantFilters;
  /** Page size, 1 to 500; 50 by default. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  /** `name` ascending by default; ties are broken by id. */
  orderBy?: TenantOrder;
  condition?: TenantQueryCondition;
}

/**
 * A page of tenants.
 *
 * @public
 */
export interface TenantPage {
  items: Tenant[];
  /** Opaque cursor of the next page; absent on the last page. */
  nextCursor?: string;
}

/**
 * Who applies a step action, with which reason, on which row version.
 *
 * @public
 */
export interface StepActionInput {
  reason?: string | null;
  actorSide: OnboardingActorSide;
  actor: string;
  expectedVersion: number;
}

/**
 * Storage of tenants and their onboarding. Every write is one transaction;
 * every mutable row is checked against the version the caller saw.
 *
 * @public
 */
export interface TenantStore {
  /**
   * Creates a tenant from a request, with its nine steps and a
   * `request.created` event. The same idempotency key returns the existing
   * tenant; an existing tenant of the same name is a `ConflictError`.
   */
  createTenant(
    input: CreateTenantInput,
    options: { actor: string; idempotencyKey?: string },
  ): Promise<CreateTenantResult>;

  /** A tenant by id or name, with its steps; undefined when absent. */
  getTenant(idOrName: string): Promise<TenantDetails | undefined>;

  /** The events of a tenant, oldest first. */
  listEvents(tenantId: string): Promise<TenantEvent[]>;

  listTenants(options?: ListTenantsOptions): Promise<TenantPage>;

  /**
   * Applies an action to a step with the rules of cloud-common. A stale
   * `expectedVersion` (of the step row) is a `ConflictError`; a refused
   * action an `InputError`; either way nothing is written.
   */
  applyStepAction(
    tenantId: string,
    stepId: OnboardingStepId,
    action: OnboardingAction,
    options: StepActionInput,
  ): Promise<TenantDetails>;

  addComment(
    tenantId: string,
    comment: string,
    options: { actor: string; stepId?: OnboardingStepId },
  ): Promise<TenantEvent>;

  recordFunding(
    tenantId: string,
    funding: { grantedEur: number; paidEur: number },
    options: VersionedWriteOptions,
  ): Promise<TenantFunding>;

  recordTraining(
    tenantId: string,
    training: { sessionsHeld: number; staffTrained: number },
    options: VersionedWriteOptions,
  ): Promise<TenantTraining>;
}
