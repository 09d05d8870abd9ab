import type {
  DeploymentNotification,
  GitopsCommittedEvent,
  OnboardingAction,
  OnboardingStepId,
  TenantDetails,
  TenantEvent,
  TenantEventType,
  TenantFunding,
  TenantTraining,
} from '@amue/plugin-cloud-common';
import type {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import type { TenantFilters, TenantOrder } from '../database/TenantStore';
import type {
  CreateTenantInput,
  RequestDecision,
  TenantChangeInput,
  TenantPage,
} from './TenantOperations';
import type { TenantWithEvents as ApiTenantWithEvents } from '@amue/plugin-cloud-common/client';
import type { Request } from 'express';
import type { DeploymentOutcome } from '../database/DatabaseDeploymentStore';

/**
 * Who calls the service: a signed-in user, or a backend plugin acting with
 * its own service credentials (the catalog's tenant provider).
 *
 * @internal
 */
export type Caller = BackstageCredentials;

/**
 * A user caller, for the writes (only users act on tenants).
 *
 * @internal
 */
export type UserCaller = BackstageCredentials<BackstageUserPrincipal>;

/**
 * Who writes, and the HTTP request (if any) for the audit event.
 *
 * @internal
 */
export interface WriteContext {
  credentials: Caller;
  request?: Request;
}

/**
 * A tenant with its event log (the timeline, comments included).
 *
 * @internal
 */
export type TenantWithEvents = ApiTenantWithEvents;

/**
 * A committed change of a tenant, handed to the listeners (events service,
 * signals, notifications) after the transaction.
 *
 * @internal
 */
export interface TenantChange {
  type: TenantEventType;
  tenant: TenantDetails;
  /** User entity ref of who acted. */
  actor: string;
  stepId?: OnboardingStepId | null;
  /** Reason or comment given with the change. */
  comment?: string | null;
  /** For `request.decision-undone`: the decision undone. */
  undone?: RequestDecision;
}

/**
 * Something that reacts to committed changes. Listeners never fail the
 * change: their errors are logged.
 *
 * @internal
 */
export type TenantChangeListener = (change: TenantChange) => Promise<void>;

/**
 * The onboarding service: every read and write of tenants, with the
 * permission checks, audit events and change listeners. The REST router and
 * the actions registry both call it, so they enforce the same rules.
 *
 * Errors are Backstage errors: `InputError` (400, names the field),
 * `NotAllowedError` (403), `NotFoundError` (404, also for a tenant the
 * caller may not read), `ConflictError` (409, stale row version).
 *
 * @internal
 */
export interface TenantService {
  createRequest(
    input: CreateTenantInput,
    options: WriteContext & { idempotencyKey?: string },
  ): Promise<{ tenant: TenantDetails; created: boolean }>;

  /**
   * Every check of {@link TenantService.createRequest} (permission, rules,
   * catalog), writing nothing: what a scaffolder dry-run asks. `exists`
   * tells whether a tenant of that name exists already (a new request for
   * it would be a 409).
   */
  checkRequest(
    input: CreateTenantInput,
    options: WriteContext & { idempotencyKey?: string },
  ): Promise<{ name: string; establishment: string; exists: boolean }>;

  listTenants(options: {
    credentials: Caller;
    filters?: TenantFilters;
    limit?: number;
    cursor?: string;
    orderBy?: TenantOrder;
    /** Each tenant with its onboarding steps. */
    includeSteps?: boolean;
  }): Promise<TenantPage>;

  getTenant(
    name: string,
    options: { credentials: Caller },
  ): Promise<TenantWithEvents>;

  applyStepAction(
    name: string,
    stepId: OnboardingStepId,
    action: OnboardingAction,
    options: WriteContext & { reason?: string; rowVersion: number },
  ): Promise<TenantDetails>;

  decideRequest(
    name: string,
    decision: RequestDecision,
    options: WriteContext & { reason?: string; rowVersion: number },
  ): Promise<TenantDetails>;

  /**
   * Undoes the decision on a request while nothing happened since (whoever
   * may decide it); see the store's `undoDecision`.
   */
  undoDecision(
    name: string,
    options: WriteContext & { rowVersion: number },
  ): Promise<TenantDetails>;

  /**
   * Sets or moves the due date of a step (Amue: whoever may approve the
   * tenant's request), with a reason. `dueDate` is a calendar date
   * `YYYY-MM-DD`: the step is due at the end of that day in France.
   */
  setStepDueDate(
    name: string,
    stepId: OnboardingStepId,
    input: { dueDate: string; reason: string },
    options: WriteContext & { rowVersion: number },
  ): Promise<TenantDetails>;

  changeTenant(
    name: string,
    change: TenantChangeInput,
    options: WriteContext & { rowVersion: number },
  ): Promise<TenantDetails>;

  addComment(
    name: string,
    comment: string,
    options: WriteContext & { stepId?: OnboardingStepId },
  ): Promise<TenantEvent>;

  recordFunding(
    name: string,
    funding: { grantedEur: number; paidEur: number },
    options: WriteContext & { rowVersion: number },
  ): Promise<TenantFunding>;

  recordTraining(
    name: string,
    training: { sessionsHeld: number; staffTrained: number },
    options: WriteContext & { rowVersion: number },
  ): Promise<TenantTraining>;

  /**
   * Records which GitOps commit holds tenants' descriptors (a message of
   * the scaffolder on the events service, topic `cloud.gitops`).
   */
  recordGitopsCommit(event: GitopsCommittedEvent): Promise<number>;

  /**
   * Applies a notification of the deployment engine (checked at the
   * ingress): completes or blocks the provisioning step, as the deployment
   * (`DEPLOYMENT_ACTOR`), with the audit event and the change listeners of
   * a user's change.
   */
  applyDeploymentNotification(
    notification: DeploymentNotification,
  ): Promise<DeploymentOutcome>;
}
