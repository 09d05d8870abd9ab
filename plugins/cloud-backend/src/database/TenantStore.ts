import type {
  Environment,
  OnboardingStepId,
  SsoProtocol,
  Tenant,
  TenantDetails,
  TenantEvent,
  TenantEventType,
  TenantFunding,
  TenantListItem,
  TenantRequest,
  TenantStep,
  TenantTraining,
} from '@amue/plugin-cloud-common';
import type { Knex } from 'knex';

export type {
  Tenant,
  TenantDetails,
  TenantEvent,
  TenantEventType,
  TenantFunding,
  TenantListItem,
  TenantRequest,
  TenantRequestContact,
  TenantStep,
  TenantTraining,
} from '@amue/plugin-cloud-common';

/**
 * Result of a tenant's creation.
 *
 * @public
 */
export interface CreateTenantResult {
  tenant: TenantDetails;
  /** False when the idempotency key was already used: the existing tenant. */
  created: boolean;
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
 * A page of the list of tenants as the store reads it: up to `limit`
 * tenants in the order asked, and whether more follow.
 *
 * @internal
 */
export interface TenantRows {
  items: Array<Tenant | TenantListItem>;
  hasMore: boolean;
}

/**
 * The query of a page of tenants, already checked by the service.
 *
 * @internal
 */
export interface TenantQuery {
  filters?: TenantFilters;
  /** Page size (checked by the caller). */
  limit: number;
  /** `name` ascending when absent; ties are broken by id. */
  orderBy?: TenantOrder;
  /** Where the previous page ended: the order's value and the id. */
  after?: { value: string; id: string };
  condition?: TenantQueryCondition;
  includeSteps?: boolean;
}

/**
 * A tenant as its store holds it, read and locked within the transaction of
 * a change ({@link TenantStore.updateTenant}).
 *
 * @internal
 */
export interface LockedTenant {
  tenant: Tenant;
  /** The steps, in the order of the onboarding. */
  steps: TenantStep[];
  funding: TenantFunding;
  training: TenantTraining;
  /** The GitOps commit recorded for its descriptors, if any. */
  gitopsRevision: string | null;
  /** The time the change is written at. */
  now: Date;
  /** The tenant's event log, oldest first, read within the transaction. */
  events(): Promise<TenantEvent[]>;
  /**
   * True when `revision` is a commit of the portal recorded after the
   * tenant's `gitopsRevision`.
   */
  isLaterCommit(revision: string | null | undefined): Promise<boolean>;
}

/**
 * What a change writes, all in one transaction. Each versioned row is
 * written only if it is still at `expectedVersion` (`ConflictError`
 * otherwise, and nothing is written).
 *
 * @internal
 */
export interface TenantWrite {
  /** Columns of the tenant row; its row version goes up by one. */
  tenant?: {
    expectedVersion?: number;
    set?: Partial<{
      version: string;
      status: Tenant['status'];
      currentStep: OnboardingStepId | null;
      decommissioned: boolean;
      url: string;
    }>;
  };
  /** Changes of steps (status, reason, due date); row version + 1 each. */
  steps?: Array<{
    id: OnboardingStepId;
    expectedVersion: number;
    set: Partial<{
      status: TenantStep['status'];
      reason: string | null;
      dueDate: Date | null;
    }>;
  }>;
  /**
   * Due dates that follow a change (a clock started or stopped): not a
   * change of the step itself, its row version stays.
   */
  clocks?: Array<{ id: OnboardingStepId; dueDate: Date | null }>;
  /** Funding or training figures (their own row version). */
  figures?: {
    kind: 'funding' | 'training';
    values: Record<string, number>;
    expectedVersion: number;
  };
  /** Events appended to the tenant's log (actor and time of the write). */
  events?: Array<{
    type: TenantEventType;
    stepId?: OnboardingStepId | null;
    comment?: string | null;
    before?: unknown;
    after?: unknown;
  }>;
}

/**
 * A new tenant with its steps, as the service computed it.
 *
 * @internal
 */
export interface NewTenant {
  name: string;
  application: string;
  establishment: string;
  uai: string;
  environment: Environment;
  version: string;
  status: Tenant['status'];
  currentStep: OnboardingStepId | null;
  url: string | null;
  ssoProtocol: SsoProtocol | null;
  ssoIdpEntityId: string | null;
  request: TenantRequest;
  steps: Array<{
    id: OnboardingStepId;
    status: TenantStep['status'];
    reason: string | null;
    dueDate: Date | null;
  }>;
  /** The `request.created` event's `after`. */
  createdEvent: unknown;
}

/**
 * Persistence of the tenants and their steps. Database rules only: unique
 * names and idempotency keys, row versions, one transaction per change
 * (with its events, figures and due dates). The validation and the
 * onboarding rules are the service's ({@link TenantWorkflow}).
 *
 * @internal
 */
export interface TenantStore {
  /** The time writes are stamped with. */
  now(): Date;

  /** A tenant by id or name, with its steps and figures. */
  getTenant(idOrName: string): Promise<TenantDetails | undefined>;

  /** A tenant by id or name, with its steps, figures and events. */
  getTenantWithEvents(
    idOrName: string,
  ): Promise<(TenantDetails & { events: TenantEvent[] }) | undefined>;

  /** The events of a tenant, oldest first. */
  listEvents(tenantId: string): Promise<TenantEvent[]>;

  listTenants(query: TenantQuery): Promise<TenantRows>;

  /**
   * Inserts a tenant with its steps, figures and `request.created` event.
   * An idempotency key already used for the same request (`fingerprint`)
   * returns the tenant it created; used for another request, or a name
   * already taken: `ConflictError`.
   */
  insertTenant(
    tenant: NewTenant,
    options: {
      actor: string;
      idempotencyKey?: string;
      fingerprint: Record<string, unknown>;
      /** The time of the creation (the due dates count from it). */
      at: Date;
    },
  ): Promise<CreateTenantResult>;

  /**
   * Reads and locks a tenant (by id, or by name), calls `decide` with its
   * current state and writes what it returns, in one transaction. `decide`
   * may throw to write nothing. `NotFoundError` when there is no such
   * tenant. The events appended are returned with the result of `decide`.
   */
  updateTenant<T>(
    key: { id: string } | { name: string },
    actor: string,
    decide: (
      current: LockedTenant,
    ) =>
      | Promise<{ write?: TenantWrite; result: T }>
      | { write?: TenantWrite; result: T },
  ): Promise<{ result: T; events: TenantEvent[] }>;

  /**
   * Records the GitOps commit of tenants' descriptors (not decommissioned
   * ones); the count of tenants recorded.
   */
  recordGitopsRevision(names: string[], revision: string): Promise<number>;
}
