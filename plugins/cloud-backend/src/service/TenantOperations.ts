import type {
  DeploymentNotification,
  OnboardingAction,
  OnboardingActorSide,
  OnboardingStepId,
  StepTargetDays,
  TenantDetails,
  TenantEvent,
} from '@amue/plugin-cloud-common';
import type { ListTenants200Response } from '@amue/plugin-cloud-common/client';
import type {
  CloudSeedStore,
  CloudSeedVersionedWrite,
} from '@amue/plugin-cloud-node';
import type { DeploymentOutcome } from '../database/DatabaseDeploymentStore';
import type {
  CreateTenantResult,
  TenantFilters,
  TenantOrder,
  TenantQueryCondition,
} from '../database/TenantStore';

/*
 * The contract of the tenants' operations (validation and rules, then
 * persistence): what the service, the actions and the demo data call.
 */

/**
 * What a request gives to create a tenant (`application`: the name of the
 * application entity, or its entity ref): the same input as the seeders'
 * (plugins/cloud-node).
 *
 * @public
 */
export type CreateTenantInput = Parameters<CloudSeedStore['createTenant']>[0];

/**
 * Who writes, and the version of the row they saw.
 *
 * @public
 */
/** The actor and the row version expected by a write. */
export type VersionedWriteOptions = CloudSeedVersionedWrite;

/**
 * Options of the list of tenants.
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
  /** Each tenant with its steps, read in one query for the page. */
  includeSteps?: boolean;
}

/**
 * A page of tenants.
 *
 * @public
 */
export type TenantPage = ListTenants200Response;

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
  /** Target durations of the tenant's steps (defaults when absent). */
  targetDays?: StepTargetDays;
}

/**
 * Setting or moving the due date of a step.
 *
 * @public
 */
export interface StepDueDateInput {
  /** The new due date. */
  dueDate: Date;
  /** Why (required: kept in the timeline). */
  reason: string;
  actor: string;
  /** Row version of the step. */
  expectedVersion: number;
}

/**
 * A day-2 change of a tenant: exactly one of the fields.
 *
 * @public
 */
export type TenantChangeInput =
  | { version: string }
  | { decommission: true; reason: string };

/**
 * A decision on a request.
 *
 * @public
 */
export type RequestDecision = 'approve' | 'reject';

/**
 * The tenants and their onboarding, for any caller that is allowed to act
 * (the permission checks, audit and notifications are
 * {@link DefaultTenantService}'s): every input checked, every change
 * computed from the current state with the rules of cloud-common, then
 * written by the {@link TenantStore}. A stale row version is a
 * `ConflictError`, a refused input or action an `InputError`; either way
 * nothing is written.
 *
 * @public
 */
export interface TenantOperations
  // comments and figures: the same writes as the seeders' (plugins/cloud-node)
  extends Pick<
    CloudSeedStore,
    'addComment' | 'recordFunding' | 'recordTraining'
  > {
  /**
   * Creates a tenant from a request, with its nine steps and a
   * `request.created` event. The same idempotency key returns the existing
   * tenant; an existing tenant of the same name is a `ConflictError`.
   */
  createTenant(
    input: CreateTenantInput,
    options: {
      actor: string;
      idempotencyKey?: string;
      targetDays?: StepTargetDays;
    },
  ): Promise<CreateTenantResult>;

  /** A tenant by id or name, with its steps; undefined when absent. */
  getTenant(idOrName: string): Promise<TenantDetails | undefined>;

  /** A tenant by id or name, with its steps and events (oldest first). */
  getTenantWithEvents(
    idOrName: string,
  ): Promise<(TenantDetails & { events: TenantEvent[] }) | undefined>;

  /** The events of a tenant, oldest first. */
  listEvents(tenantId: string): Promise<TenantEvent[]>;

  listTenants(options?: ListTenantsOptions): Promise<TenantPage>;

  /** Applies an action to a step with the rules of cloud-common. */
  applyStepAction(
    tenantId: string,
    stepId: OnboardingStepId,
    action: OnboardingAction,
    options: StepActionInput,
  ): Promise<TenantDetails>;

  /**
   * Approves (the `qualification` step becomes done) or rejects (the step
   * is blocked with the reason and the tenant closed: `decommissioned`) a
   * request. `expectedVersion` is the row version of the `qualification`
   * step; a reason is required to reject.
   */
  decideRequest(
    tenantId: string,
    decision: RequestDecision,
    options: {
      actor: string;
      expectedVersion: number;
      reason?: string | null;
      targetDays?: StepTargetDays;
    },
  ): Promise<TenantDetails>;

  /**
   * Undoes the last decision on a request while nothing but comments
   * happened since: the `qualification` step gets back the status and
   * reason it had before the decision, a rejected tenant is open again
   * (`request.decision-undone`). No decision to undo: `InputError`; the
   * onboarding went on since, or a stale version: `ConflictError`.
   */
  undoDecision(
    tenantId: string,
    options: { actor: string; expectedVersion: number },
  ): Promise<{ tenant: TenantDetails; decision: RequestDecision }>;

  /**
   * Sets or moves the due date of a step neither done nor skipped
   * (`step.due-date-changed`, with the reason).
   */
  setStepDueDate(
    tenantId: string,
    stepId: OnboardingStepId,
    input: StepDueDateInput,
  ): Promise<TenantDetails>;

  /**
   * Day-2 changes of a tenant: a new version (`tenant.version-changed`) or
   * its decommissioning (`tenant.decommissioned`, reason required; final).
   * `expectedVersion` is the tenant's row version.
   */
  changeTenant(
    tenantId: string,
    change: TenantChangeInput,
    options: VersionedWriteOptions,
  ): Promise<TenantDetails>;

  /**
   * Records the GitOps commit of tenants' descriptors (not decommissioned
   * ones); the count of tenants recorded.
   */
  recordGitopsRevision(names: string[], revision: string): Promise<number>;

  /**
   * Applies a notification of the deployment engine to the provisioning
   * step of the tenant named like its application; ignored, with the
   * reason, when it changes nothing.
   */
  applyDeploymentNotification(
    notification: DeploymentNotification,
    actor: string,
    /** Target durations of the tenant's steps (defaults when absent). */
    targetDays?: StepTargetDays,
  ): Promise<DeploymentOutcome>;
}
