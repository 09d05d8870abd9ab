import {
  ApplicationEntityV1alpha1,
  resolveStepTargetDays,
  StepTargetDays,
  cloudRequestApprovePermission,
  cloudRequestCreatePermission,
  cloudTenantReadPermission,
  cloudTenantUpdatePermission,
  DEPLOYMENT_ACTOR,
  DeploymentNotification,
  GitopsCommittedEvent,
  establishmentGroupName,
  isApplicationEntity,
  OnboardingAction,
  OnboardingActorSide,
  OnboardingStepId,
  refName,
  STEP_ACTION_EVENT_TYPES,
  tenantName,
  Tenant,
  TenantDetails,
  TenantEvent,
  TenantFunding,
  TenantTraining,
} from '@amue/plugin-cloud-common';
import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import type {
  TenantFilters,
  TenantOrder,
  TenantQueryCondition,
} from '../database/TenantStore';
import type {
  CreateTenantInput,
  RequestDecision,
  TenantChangeInput,
  TenantPage,
} from './TenantOperations';
import type { TenantOperations } from './TenantOperations';
import type { TenantPermissionFilters } from '../permissions/rules';
import type {
  Caller,
  TenantChange,
  TenantChangeListener,
  TenantService,
  TenantWithEvents,
  WriteContext,
} from './types';
import type { DeploymentOutcome } from '../database/DatabaseDeploymentStore';
import { checkDueDay, requireUai } from '../rules/inputs';
import {
  checkOffered,
  checkWishedGoLiveDate,
  requireVersionOf,
} from '../rules/requests';

/**
 * The access a caller has to tenants for one permission: none, all, or
 * those a condition lets through.
 */
type Access =
  | { kind: 'none' }
  | { kind: 'all' }
  | {
      kind: 'some';
      decision: ConditionalPolicyDecision;
      condition: TenantQueryCondition;
    };

/**
 * How long a user's decision for `cloud.tenant.read` is reused: the reads
 * (lists, details, reports) are the hot path, and each decision is a round
 * trip to the permission backend. The decision depends on the user's
 * ownership claims, fixed in their token until it is refreshed, and on the
 * application owners the permission policy itself caches for 30 s
 * (`ApplicationOwnership`): reusing it for as long delays no change of
 * rights more than that cache already does. Writes always ask the
 * permission backend. 5 s before: with 200 people over 50 establishments
 * one in five reads then asked again (docs/benchmarks.md).
 */
const READ_DECISION_TTL_MS = 30_000;
/**
 * A decision older than this is asked again in the background by the read
 * that finds it, which the cached decision still answers: a user who keeps
 * reading never waits for the permission backend (under load its round
 * trip took a second, and every read of that user waited for it, the p95
 * of the API benchmark with 200 people). A decision is never used beyond
 * {@link READ_DECISION_TTL_MS}: the refresh changes when a new decision is
 * asked, not how long an old one may answer.
 */
const READ_DECISION_REFRESH_AFTER_MS = 20_000;
const READ_DECISIONS_MAX = 10_000;

interface CachedReadDecision {
  decision: Promise<PolicyDecision>;
  expiresAt: number;
  refreshAt: number;
  /** A refresh of this entry is under way. */
  refreshing?: boolean;
}

/**
 * {@link TenantService} on the {@link TenantOperations} (validation and
 * rules, on the stores), with the permission framework, the auditor and
 * the change listeners.
 *
 * @internal
 */
export class DefaultTenantService implements TenantService {
  private readonly readDecisions = new Map<string, CachedReadDecision>();

  constructor(
    private readonly options: {
      /** Validation, rules and persistence of the tenants. */
      workflow: TenantOperations;
      permissions: PermissionsService;
      auth: AuthService;
      auditor: AuditorService;
      catalog: CatalogService;
      logger: LoggerService;
      listeners?: TenantChangeListener[];
      filters: TenantPermissionFilters;
      /**
       * Target durations of steps from the configuration
       * (`cloud.onboarding.targetDays`), already checked.
       */
      targetDays?: Partial<Record<OnboardingStepId, number>>;
      /** The current time (the system clock by default). */
      clock?: () => Date;
      /**
       * Called for each read decision of a user: `true` when the cached
       * decision answered, `false` when the permission backend was asked
       * (the `cloud_permission_read_decisions` metric, and the hit rate the
       * API benchmark reports).
       */
      onReadDecision?: (cached: boolean) => void;
    },
  ) {}

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }

  /**
   * Target durations of the steps of an application's tenants: the
   * defaults, the configuration, then the application entity. When the
   * catalog cannot tell, the configuration applies.
   */
  private async targetDaysOf(application: string): Promise<StepTargetDays> {
    let override: Partial<Record<string, number>> | undefined;
    try {
      const entity = await this.options.catalog.getEntityByRef(
        { kind: 'Application', namespace: 'default', name: application },
        { credentials: await this.catalogCredentials() },
      );
      if (entity && isApplicationEntity(entity)) {
        override = entity.spec.onboarding?.targetDays;
      }
    } catch (error) {
      this.options.logger.warn(
        `could not read the target durations of application "${application}" from the catalog; the configured ones apply: ${error}`,
      );
    }
    return resolveStepTargetDays(this.options.targetDays, override);
  }

  /** Adds a listener of committed changes. */
  addListener(listener: TenantChangeListener): void {
    (this.options.listeners ??= []).push(listener);
  }

  // ---------------------------------------------------------------- access

  /**
   * What the caller may do with tenants for a resource permission, as a
   * database condition.
   */
  async access(
    permission: ResourcePermission<'cloud-tenant'>,
    credentials: BackstageCredentials,
  ): Promise<Access> {
    const cacheKey =
      permission === cloudTenantReadPermission &&
      this.options.auth.isPrincipal(credentials, 'user')
        ? credentials.principal.userEntityRef
        : undefined;
    const cached = cacheKey ? this.readDecisions.get(cacheKey) : undefined;
    const now = Date.now();
    const hit = cached !== undefined && cached.expiresAt > now;
    if (cacheKey) {
      this.options.onReadDecision?.(hit);
    }
    let decision: PolicyDecision;
    if (hit) {
      if (now >= cached.refreshAt && !cached.refreshing) {
        cached.refreshing = true;
        this.askReadDecision(permission, credentials, cacheKey!).catch(() => {
          // kept until it expires; the next read past refreshAt asks again
          cached.refreshing = false;
        });
      }
      decision = await cached.decision;
    } else {
      decision = await this.askReadDecision(permission, credentials, cacheKey);
    }
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return {
        kind: 'some',
        decision,
        condition: this.options.filters.toQuery(decision.conditions),
      };
    }
    return decision.result === AuthorizeResult.ALLOW
      ? { kind: 'all' }
      : { kind: 'none' };
  }

  /**
   * Asks the permission backend, and caches the pending decision for the
   * user (when `cacheKey` is set): the requests of one user that arrive
   * while it is asked wait for it instead of asking again; a failed
   * decision is not kept, the next request asks again.
   */
  private askReadDecision(
    permission: ResourcePermission<'cloud-tenant'>,
    credentials: BackstageCredentials,
    cacheKey: string | undefined,
  ): Promise<PolicyDecision> {
    const pending = this.options.permissions
      .authorizeConditional([{ permission }], { credentials })
      .then(([answer]) => answer);
    if (!cacheKey) {
      return pending;
    }
    const entry: CachedReadDecision = {
      decision: pending,
      // While unanswered, the reads of this user wait for it, for 30 s at
      // most: a question that never answers is asked again after that.
      expiresAt: Date.now() + READ_DECISION_TTL_MS,
      refreshAt: Number.POSITIVE_INFINITY,
    };
    const previous = this.readDecisions.get(cacheKey);
    if (previous === undefined || previous.expiresAt <= Date.now()) {
      // Nothing usable: the reads of this user wait for this decision.
      if (this.readDecisions.size >= READ_DECISIONS_MAX) {
        this.readDecisions.clear();
      }
      this.readDecisions.set(cacheKey, entry);
    }
    return pending.then(
      answer => {
        // Its lifetime counts from the answer, and a refresh replaces the
        // previous decision only once it has one.
        const asked = Date.now();
        entry.expiresAt = asked + READ_DECISION_TTL_MS;
        entry.refreshAt = asked + READ_DECISION_REFRESH_AFTER_MS;
        this.readDecisions.set(cacheKey, entry);
        return answer;
      },
      error => {
        if (this.readDecisions.get(cacheKey) === entry) {
          this.readDecisions.delete(cacheKey);
        }
        throw error;
      },
    );
  }

  private allows(
    access: Access,
    tenant: Pick<Tenant, 'application' | 'establishment'>,
  ) {
    if (access.kind === 'all') {
      return true;
    }
    if (access.kind === 'none') {
      return false;
    }
    return this.options.filters.allows(access.decision, tenant as Tenant);
  }

  /** The read condition for lists and reports; undefined: everything. */
  async readCondition(
    credentials: BackstageCredentials,
  ): Promise<TenantQueryCondition | 'none' | undefined> {
    const access = await this.access(cloudTenantReadPermission, credentials);
    if (access.kind === 'none') {
      return 'none';
    }
    return access.kind === 'some' ? access.condition : undefined;
  }

  /**
   * What the caller may report on: the condition of the tenants it may
   * read (as {@link DefaultTenantService.readCondition}) and, when it reads
   * them by rule, the applications its decision names (a product owner's
   * applications); `applications` is undefined when it reads every tenant.
   */
  async reportScope(credentials: BackstageCredentials): Promise<{
    condition: TenantQueryCondition | 'none' | undefined;
    applications?: string[];
    /** Set when the condition lets through exactly these applications' tenants. */
    exactApplications?: string[];
  }> {
    const access = await this.access(cloudTenantReadPermission, credentials);
    switch (access.kind) {
      case 'all':
        return { condition: undefined };
      case 'none':
        return { condition: 'none', applications: [] };
      default:
        return {
          condition: access.condition,
          applications: this.options.filters.applicationScope(
            access.decision.conditions,
          ),
          exactApplications: this.options.filters.exactApplicationScope(
            access.decision.conditions,
          ),
        };
    }
  }

  /** A tenant the caller may read; 404 otherwise, whichever the reason. */
  private async readable(
    name: string,
    credentials: BackstageCredentials,
  ): Promise<TenantDetails> {
    return this.readableOf(
      await this.options.workflow.getTenant(name),
      name,
      credentials,
    );
  }

  /** The tenant read as `name` if the caller may read it; 404 otherwise. */
  private async readableOf<T extends TenantDetails>(
    tenant: T | undefined,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<T> {
    if (tenant) {
      const access = await this.access(cloudTenantReadPermission, credentials);
      if (this.allows(access, tenant)) {
        return tenant;
      }
    }
    throw new NotFoundError(`tenant "${name}" was not found`);
  }

  /**
   * A tenant the caller may change (404 if not readable, 403 if read-only).
   * `refusal` says what was refused, for the 403 message.
   */
  private async changeable(
    name: string,
    credentials: BackstageCredentials,
    permission: ResourcePermission<'cloud-tenant'> = cloudTenantUpdatePermission,
    refusal?: (tenant: TenantDetails) => string,
  ): Promise<TenantDetails> {
    const tenant = await this.readable(name, credentials);
    const access = await this.access(permission, credentials);
    if (!this.allows(access, tenant)) {
      throw new NotAllowedError(
        refusal?.(tenant) ??
          (permission === cloudRequestApprovePermission
            ? `only Amue (the owner of application "${tenant.application}") may approve or reject the request of tenant "${tenant.name}"`
            : `you may not change tenant "${tenant.name}"`),
      );
    }
    return tenant;
  }

  /**
   * The side of the caller on a tenant: whoever may approve its request
   * acts for Amue (`any` when allowed unconditionally: an administrator);
   * everyone else for the establishment.
   */
  private async actorSide(
    tenant: Tenant,
    credentials: BackstageCredentials,
  ): Promise<OnboardingActorSide> {
    const access = await this.access(
      cloudRequestApprovePermission,
      credentials,
    );
    if (access.kind === 'all') {
      return 'any';
    }
    return this.allows(access, tenant) ? 'amue' : 'establishment';
  }

  private actorOf(credentials: BackstageCredentials): string {
    if (this.options.auth.isPrincipal(credentials, 'user')) {
      return credentials.principal.userEntityRef;
    }
    throw new NotAllowedError('only a signed-in user may change tenants');
  }

  // --------------------------------------------------------------- helpers

  /** Runs a write with an audit event (success or failure) around it. */
  private async audited<T>(
    eventId: string,
    context: WriteContext,
    meta: Record<string, string | number | boolean | null | undefined>,
    write: () => Promise<T>,
  ): Promise<T> {
    const cleanMeta = Object.fromEntries(
      Object.entries(meta).filter(([, v]) => v !== undefined),
    ) as Record<string, string | number | boolean | null>;
    const event = await this.options.auditor.createEvent({
      eventId,
      severityLevel: 'medium',
      request: context.request,
      meta: cleanMeta,
    });
    try {
      const result = await write();
      await event.success();
      return result;
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
  }

  private async notify(change: TenantChange): Promise<void> {
    for (const listener of this.options.listeners ?? []) {
      try {
        await listener(change);
      } catch (error) {
        this.options.logger.warn(
          `a listener of tenant changes failed for ${change.tenant.name} (${change.type}): ${error}`,
        );
      }
    }
  }

  private async catalogCredentials() {
    return this.options.auth.getOwnServiceCredentials();
  }

  /** The Application entity a request names; InputError when unusable. */
  private async requireApplication(
    name: string,
  ): Promise<ApplicationEntityV1alpha1> {
    const entity = await this.options.catalog.getEntityByRef(
      { kind: 'Application', namespace: 'default', name },
      { credentials: await this.catalogCredentials() },
    );
    if (!entity || !isApplicationEntity(entity)) {
      throw new InputError(
        `application "${name}" is not an application of the catalog`,
      );
    }
    return entity;
  }

  private async validateRequest(input: CreateTenantInput): Promise<void> {
    requireUai(input.uai);
    const application = await this.requireApplication(input.application);
    checkOffered(application, input);
    const establishment = establishmentGroupName(input.uai);
    const group = await this.options.catalog.getEntityByRef(
      { kind: 'Group', namespace: 'default', name: establishment },
      { credentials: await this.catalogCredentials() },
    );
    if (!group) {
      throw new InputError(
        `uai "${input.uai}" is not an establishment of the catalog`,
      );
    }
    checkWishedGoLiveDate(input.request?.wishedGoLiveDate, new Date());
  }

  // ----------------------------------------------------------------- reads

  async listTenants(options: {
    credentials: Caller;
    filters?: TenantFilters;
    limit?: number;
    cursor?: string;
    orderBy?: TenantOrder;
    includeSteps?: boolean;
  }): Promise<TenantPage> {
    const condition = await this.readCondition(options.credentials);
    if (condition === 'none') {
      return { items: [] };
    }
    return this.options.workflow.listTenants({
      filters: options.filters,
      limit: options.limit,
      cursor: options.cursor,
      orderBy: options.orderBy,
      includeSteps: options.includeSteps,
      condition,
    });
  }

  async getTenant(
    name: string,
    options: { credentials: Caller },
  ): Promise<TenantWithEvents> {
    // the tenant and its events are read together (one round trip on
    // PostgreSQL), then checked: an unreadable tenant is a 404 either way
    return this.readableOf(
      await this.options.workflow.getTenantWithEvents(name),
      name,
      options.credentials,
    );
  }

  // ---------------------------------------------------------------- writes

  async createRequest(
    input: CreateTenantInput,
    options: WriteContext & { idempotencyKey?: string },
  ): Promise<{ tenant: TenantDetails; created: boolean }> {
    return this.audited(
      'tenant-request',
      options,
      {
        application: input?.application,
        uai: input?.uai,
        environment: input?.environment,
        idempotencyKey: options.idempotencyKey,
      },
      async () => {
        const actor = await this.admitRequest(input, options.credentials);
        const result = await this.options.workflow.createTenant(input, {
          actor,
          idempotencyKey: options.idempotencyKey,
          targetDays: await this.targetDaysOf(refName(input.application)),
        });
        if (result.created) {
          await this.notify({
            type: 'request.created',
            tenant: result.tenant,
            actor,
            stepId: 'request',
            comment: input.request?.comment ?? null,
          });
        }
        return result;
      },
    );
  }

  /**
   * The checks of a request before anything is written: a signed-in user
   * allowed to request, valid input, an establishment the user may act for.
   * Returns the actor.
   */
  private async admitRequest(
    input: CreateTenantInput,
    credentials: Caller,
  ): Promise<string> {
    const actor = this.actorOf(credentials);
    const [decision] = await this.options.permissions.authorize(
      [{ permission: cloudRequestCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('you may not request hosted instances');
    }
    await this.validateRequest(input);
    const candidate = {
      application: input.application,
      establishment: establishmentGroupName(input.uai),
    };
    const access = await this.access(cloudTenantUpdatePermission, credentials);
    if (!this.allows(access, candidate)) {
      throw new NotAllowedError(
        `you may only request instances for your own establishment, not for "${candidate.establishment}"`,
      );
    }
    return actor;
  }

  async checkRequest(
    input: CreateTenantInput,
    options: WriteContext & { idempotencyKey?: string },
  ): Promise<{ name: string; establishment: string; exists: boolean }> {
    await this.admitRequest(input, options.credentials);
    const name = tenantName(
      refName(input.application),
      input.uai.trim(),
      input.environment,
    );
    const existing = await this.options.workflow.getTenant(name);
    return {
      name,
      establishment: establishmentGroupName(input.uai),
      exists: Boolean(existing),
    };
  }

  async applyStepAction(
    name: string,
    stepId: OnboardingStepId,
    action: OnboardingAction,
    options: WriteContext & { reason?: string; rowVersion: number },
  ): Promise<TenantDetails> {
    return this.audited(
      'tenant-step-change',
      options,
      { tenant: name, step: stepId, action, rowVersion: options.rowVersion },
      async () => {
        const actor = this.actorOf(options.credentials);
        const tenant = await this.changeable(name, options.credentials);
        const actorSide = await this.actorSide(tenant, options.credentials);
        const updated = await this.options.workflow.applyStepAction(
          tenant.id,
          stepId,
          action,
          {
            actor,
            actorSide,
            reason: options.reason,
            expectedVersion: options.rowVersion,
            targetDays: await this.targetDaysOf(tenant.application),
          },
        );
        await this.notify({
          type: STEP_ACTION_EVENT_TYPES[action],
          tenant: updated,
          actor,
          stepId,
          comment: options.reason ?? null,
        });
        return updated;
      },
    );
  }

  async decideRequest(
    name: string,
    decision: RequestDecision,
    options: WriteContext & { reason?: string; rowVersion: number },
  ): Promise<TenantDetails> {
    return this.audited(
      'tenant-request-decision',
      options,
      { tenant: name, decision, rowVersion: options.rowVersion },
      async () => {
        const actor = this.actorOf(options.credentials);
        const tenant = await this.changeable(
          name,
          options.credentials,
          cloudRequestApprovePermission,
        );
        const updated = await this.options.workflow.decideRequest(
          tenant.id,
          decision,
          {
            actor,
            reason: options.reason,
            expectedVersion: options.rowVersion,
            targetDays: await this.targetDaysOf(tenant.application),
          },
        );
        await this.notify({
          type:
            decision === 'approve' ? 'request.approved' : 'request.rejected',
          tenant: updated,
          actor,
          stepId: 'qualification',
          comment: options.reason ?? null,
        });
        return updated;
      },
    );
  }

  async undoDecision(
    name: string,
    options: WriteContext & { rowVersion: number },
  ): Promise<TenantDetails> {
    return this.audited(
      'tenant-request-decision-undo',
      options,
      { tenant: name, rowVersion: options.rowVersion },
      async () => {
        const actor = this.actorOf(options.credentials);
        const tenant = await this.changeable(
          name,
          options.credentials,
          cloudRequestApprovePermission,
          t =>
            `only Amue (the owner of application "${t.application}", the administrators) may undo the decision on the request of tenant "${t.name}"`,
        );
        const { tenant: updated, decision } =
          await this.options.workflow.undoDecision(tenant.id, {
            actor,
            expectedVersion: options.rowVersion,
          });
        await this.notify({
          type: 'request.decision-undone',
          tenant: updated,
          actor,
          stepId: 'qualification',
          comment: null,
          undone: decision,
        });
        return updated;
      },
    );
  }

  async setStepDueDate(
    name: string,
    stepId: OnboardingStepId,
    input: { dueDate: string; reason: string },
    options: WriteContext & { rowVersion: number },
  ): Promise<TenantDetails> {
    return this.audited(
      'tenant-step-due-date',
      options,
      {
        tenant: name,
        step: stepId,
        dueDate: input?.dueDate,
        rowVersion: options.rowVersion,
      },
      async () => {
        const actor = this.actorOf(options.credentials);
        const tenant = await this.changeable(
          name,
          options.credentials,
          cloudRequestApprovePermission,
          t =>
            `only Amue (the owner of application "${t.application}", the administrators) may set the due dates of tenant "${t.name}"`,
        );
        const dueDate = checkDueDay(input?.dueDate, this.now());
        const updated = await this.options.workflow.setStepDueDate(
          tenant.id,
          stepId,
          {
            dueDate,
            reason: input.reason,
            actor,
            expectedVersion: options.rowVersion,
          },
        );
        await this.notify({
          type: 'step.due-date-changed',
          tenant: updated,
          actor,
          stepId,
          comment: input.reason,
        });
        return updated;
      },
    );
  }

  async changeTenant(
    name: string,
    change: TenantChangeInput,
    options: WriteContext & { rowVersion: number },
  ): Promise<TenantDetails> {
    const isVersion = Boolean(change && 'version' in change);
    return this.audited(
      isVersion ? 'tenant-version-change' : 'tenant-decommission',
      options,
      {
        tenant: name,
        version: isVersion
          ? (change as { version: string }).version
          : undefined,
        rowVersion: options.rowVersion,
      },
      async () => {
        const actor = this.actorOf(options.credentials);
        const tenant = await this.changeable(name, options.credentials);
        if (isVersion) {
          requireVersionOf(
            await this.requireApplication(tenant.application),
            (change as { version: string }).version,
          );
        }
        const updated = await this.options.workflow.changeTenant(
          tenant.id,
          change,
          { actor, expectedVersion: options.rowVersion },
        );
        await this.notify({
          type: isVersion ? 'tenant.version-changed' : 'tenant.decommissioned',
          tenant: updated,
          actor,
          comment: isVersion ? null : (change as { reason: string }).reason,
        });
        return updated;
      },
    );
  }

  async addComment(
    name: string,
    comment: string,
    options: WriteContext & { stepId?: OnboardingStepId },
  ): Promise<TenantEvent> {
    return this.audited(
      'tenant-comment',
      options,
      { tenant: name, step: options.stepId },
      async () => {
        const actor = this.actorOf(options.credentials);
        const tenant = await this.changeable(name, options.credentials);
        const event = await this.options.workflow.addComment(
          tenant.id,
          comment,
          {
            actor,
            stepId: options.stepId,
          },
        );
        await this.notify({
          type: 'comment.added',
          tenant,
          actor,
          stepId: options.stepId ?? null,
          comment: event.comment,
        });
        return event;
      },
    );
  }

  async recordFunding(
    name: string,
    funding: { grantedEur: number; paidEur: number },
    options: WriteContext & { rowVersion: number },
  ): Promise<TenantFunding> {
    return this.audited(
      'tenant-funding',
      options,
      {
        tenant: name,
        grantedEur: funding?.grantedEur,
        paidEur: funding?.paidEur,
        rowVersion: options.rowVersion,
      },
      async () => {
        const actor = this.actorOf(options.credentials);
        // Funding is granted by Amue: the same people who approve requests.
        const tenant = await this.changeable(
          name,
          options.credentials,
          cloudRequestApprovePermission,
          t =>
            `only Amue (the owner of application "${t.application}") may record the incentive funding of tenant "${t.name}"`,
        );
        const result = await this.options.workflow.recordFunding(
          tenant.id,
          funding,
          { actor, expectedVersion: options.rowVersion },
        );
        await this.notify({
          type: 'funding.recorded',
          tenant: { ...tenant, funding: result },
          actor,
        });
        return result;
      },
    );
  }

  async recordTraining(
    name: string,
    training: { sessionsHeld: number; staffTrained: number },
    options: WriteContext & { rowVersion: number },
  ): Promise<TenantTraining> {
    return this.audited(
      'tenant-training',
      options,
      {
        tenant: name,
        sessionsHeld: training?.sessionsHeld,
        staffTrained: training?.staffTrained,
        rowVersion: options.rowVersion,
      },
      async () => {
        const actor = this.actorOf(options.credentials);
        const tenant = await this.changeable(name, options.credentials);
        const result = await this.options.workflow.recordTraining(
          tenant.id,
          training,
          { actor, expectedVersion: options.rowVersion },
        );
        await this.notify({
          type: 'training.recorded',
          tenant: { ...tenant, training: result },
          actor,
        });
        return result;
      },
    );
  }

  // ------------------------------------------------ deployment (issue 14)

  async recordGitopsCommit(event: GitopsCommittedEvent): Promise<number> {
    if (event.remove || !/^[0-9a-f]{7,64}$/i.test(event.revision ?? '')) {
      return 0;
    }
    const names = (event.tenants ?? []).filter(
      (n): n is string => typeof n === 'string',
    );
    const count = await this.options.workflow.recordGitopsRevision(
      names,
      event.revision,
    );
    this.options.logger.info(
      `Recorded GitOps revision ${event.revision} for ${count} of ${names.length} tenant(s)`,
      { revision: event.revision, tenants: names.join(',') },
    );
    return count;
  }

  async applyDeploymentNotification(
    notification: DeploymentNotification,
  ): Promise<DeploymentOutcome> {
    const meta = {
      application: notification.app,
      syncStatus: notification.syncStatus,
      healthStatus: notification.healthStatus,
      revision: notification.revision,
    };
    const audit = await this.options.auditor.createEvent({
      eventId: 'tenant-deployment-status',
      severityLevel: 'medium',
      meta,
    });
    try {
      const named = await this.options.workflow.getTenant(notification.app);
      const outcome = await this.options.workflow.applyDeploymentNotification(
        notification,
        DEPLOYMENT_ACTOR,
        named ? await this.targetDaysOf(named.application) : undefined,
      );
      if (!outcome.applied) {
        this.options.logger.info(
          `Deployment notification of ${notification.app} ignored: ${outcome.ignored}`,
          meta,
        );
        await audit.success({ meta: { ignored: outcome.ignored } });
        return outcome;
      }
      const tenant = (await this.options.workflow.getTenant(outcome.tenantId))!;
      await audit.success({
        meta: { tenant: tenant.name, action: outcome.action },
      });
      await this.notify({
        type: STEP_ACTION_EVENT_TYPES[outcome.action],
        tenant,
        actor: DEPLOYMENT_ACTOR,
        stepId: 'provisioning',
        comment: outcome.reason,
      });
      return outcome;
    } catch (error) {
      await audit.fail({ error: error as Error });
      throw error;
    }
  }
}

/** The group entity ref of a tenant's establishment. */
export function establishmentRef(tenant: Pick<Tenant, 'establishment'>) {
  return stringifyEntityRef({
    kind: 'Group',
    namespace: 'default',
    name: tenant.establishment,
  });
}
