import {
  DeploymentNotification,
  isOnboardingStepId,
  OnboardingAction,
  OnboardingStepId,
  StepTargetDays,
} from '@amue/plugin-cloud-common';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { DeploymentOutcome } from '../database/DatabaseDeploymentStore';
import type {
  CreateTenantInput,
  ListTenantsOptions,
  RequestDecision,
  StepActionInput,
  StepDueDateInput,
  TenantChangeInput,
  TenantOperations,
  TenantPage,
  VersionedWriteOptions,
} from './TenantOperations';
import type {
  CreateTenantResult,
  TenantDetails,
  TenantEvent,
  TenantFunding,
  TenantStore,
  TenantTraining,
} from '../database/TenantStore';
import {
  checkListOptions,
  checkOptionalReason,
  checkTenantInput,
  cursorAfter,
  requireCount,
  requireReason,
  requireText,
  requireVersion,
} from '../rules/inputs';
import {
  deploymentChange,
  dueDateChange,
  figuresChange,
  newTenant,
  requestDecisionChange,
  stepActionChange,
  tenantChange,
  undoDecisionChange,
} from '../rules/onboarding';

/**
 * {@link TenantOperations} on a {@link TenantStore}: the validation and the
 * business rules of the cloud plugin, once (`rules/inputs.ts`,
 * `rules/onboarding.ts`), run under the store's lock.
 *
 * @public
 */
export class TenantWorkflow implements TenantOperations {
  constructor(private readonly store: TenantStore) {}

  /** The tenant as written, after a change. */
  private async reread(tenantId: string): Promise<TenantDetails> {
    return (await this.store.getTenant(tenantId))!;
  }

  async createTenant(
    input: CreateTenantInput,
    options: {
      actor: string;
      idempotencyKey?: string;
      targetDays?: StepTargetDays;
    },
  ): Promise<CreateTenantResult> {
    const checked = checkTenantInput(input, options);
    const now = this.store.now();
    return this.store.insertTenant(
      newTenant(checked, now, options.targetDays),
      {
        actor: checked.actor,
        idempotencyKey: checked.idempotencyKey,
        fingerprint: checked.fingerprint,
        at: now,
      },
    );
  }

  getTenant(idOrName: string): Promise<TenantDetails | undefined> {
    return this.store.getTenant(idOrName);
  }

  getTenantWithEvents(
    idOrName: string,
  ): Promise<(TenantDetails & { events: TenantEvent[] }) | undefined> {
    return this.store.getTenantWithEvents(idOrName);
  }

  listEvents(tenantId: string): Promise<TenantEvent[]> {
    return this.store.listEvents(tenantId);
  }

  async listTenants(options: ListTenantsOptions = {}): Promise<TenantPage> {
    const { limit, orderBy, after } = checkListOptions(options);
    const { items, hasMore } = await this.store.listTenants({
      filters: options.filters,
      condition: options.condition,
      includeSteps: options.includeSteps,
      limit,
      orderBy,
      after,
    });
    const last = items[items.length - 1];
    return {
      items,
      ...(hasMore && last ? { nextCursor: cursorAfter(last, orderBy) } : {}),
    };
  }

  async applyStepAction(
    tenantId: string,
    stepId: OnboardingStepId,
    action: OnboardingAction,
    options: StepActionInput,
  ): Promise<TenantDetails> {
    const actor = requireText(options?.actor, 'actor');
    const expectedVersion = requireVersion(options.expectedVersion);
    checkOptionalReason(options.reason);
    await this.store.updateTenant({ id: tenantId }, actor, current => ({
      write: stepActionChange(current, stepId, action, {
        reason: options.reason,
        actorSide: options.actorSide,
        expectedVersion,
        targetDays: options.targetDays,
      }),
      result: undefined,
    }));
    return this.reread(tenantId);
  }

  async decideRequest(
    tenantId: string,
    decision: RequestDecision,
    options: {
      actor: string;
      expectedVersion: number;
      reason?: string | null;
      targetDays?: StepTargetDays;
    },
  ): Promise<TenantDetails> {
    const actor = requireText(options?.actor, 'actor');
    const expectedVersion = requireVersion(options.expectedVersion);
    if (decision !== 'approve' && decision !== 'reject') {
      throw new InputError(
        `decision "${String(decision)}" is not one of approve, reject`,
      );
    }
    checkOptionalReason(options.reason);
    await this.store.updateTenant({ id: tenantId }, actor, current => ({
      write: requestDecisionChange(current, decision, {
        reason: options.reason,
        expectedVersion,
        targetDays: options.targetDays,
      }),
      result: undefined,
    }));
    return this.reread(tenantId);
  }

  async undoDecision(
    tenantId: string,
    options: { actor: string; expectedVersion: number },
  ): Promise<{ tenant: TenantDetails; decision: RequestDecision }> {
    const actor = requireText(options?.actor, 'actor');
    const expectedVersion = requireVersion(options.expectedVersion);
    const { result: decision } = await this.store.updateTenant(
      { id: tenantId },
      actor,
      async current => {
        const undo = undoDecisionChange(
          current,
          await current.events(),
          expectedVersion,
        );
        return { write: undo.write, result: undo.decision };
      },
    );
    return { tenant: await this.reread(tenantId), decision };
  }

  async setStepDueDate(
    tenantId: string,
    stepId: OnboardingStepId,
    input: StepDueDateInput,
  ): Promise<TenantDetails> {
    const actor = requireText(input?.actor, 'actor');
    const expectedVersion = requireVersion(input.expectedVersion);
    const reason = requireReason(input.reason, 'reason');
    if (!isOnboardingStepId(stepId)) {
      throw new InputError(`"${String(stepId)}" is not an onboarding step`);
    }
    const dueDate = input.dueDate;
    if (!(dueDate instanceof Date) || Number.isNaN(dueDate.getTime())) {
      throw new InputError('dueDate must be a date');
    }
    await this.store.updateTenant({ id: tenantId }, actor, current => ({
      write: dueDateChange(current, stepId, {
        dueDate,
        reason,
        expectedVersion,
      }),
      result: undefined,
    }));
    return this.reread(tenantId);
  }

  async changeTenant(
    tenantId: string,
    change: TenantChangeInput,
    options: VersionedWriteOptions,
  ): Promise<TenantDetails> {
    const actor = requireText(options?.actor, 'actor');
    const expectedVersion = requireVersion(options.expectedVersion);
    const isVersion = change && 'version' in change;
    const isDecommission =
      change && 'decommission' in change && change.decommission === true;
    if (isVersion === isDecommission) {
      throw new InputError('give either a version or decommission: true');
    }
    const checked = isVersion
      ? {
          version: requireText(
            (change as { version: string }).version,
            'version',
            64,
          ),
        }
      : {
          reason: requireReason(
            (change as { reason: string }).reason,
            'reason',
          ),
        };
    await this.store.updateTenant({ id: tenantId }, actor, current => ({
      write: tenantChange(current, checked, expectedVersion),
      result: undefined,
    }));
    return this.reread(tenantId);
  }

  async addComment(
    tenantId: string,
    comment: string,
    options: { actor: string; stepId?: OnboardingStepId },
  ): Promise<TenantEvent> {
    const actor = requireText(options?.actor, 'actor');
    const text = requireReason(comment, 'comment');
    if (options.stepId !== undefined && !isOnboardingStepId(options.stepId)) {
      throw new InputError(
        `stepId "${String(options.stepId)}" is not an onboarding step`,
      );
    }
    const { events } = await this.store.updateTenant(
      { id: tenantId },
      actor,
      () => ({
        write: {
          events: [
            {
              type: 'comment.added',
              stepId: options.stepId ?? null,
              comment: text,
              before: null,
              after: null,
            },
          ],
        },
        result: undefined,
      }),
    );
    return events[0];
  }

  async recordFunding(
    tenantId: string,
    funding: { grantedEur: number; paidEur: number },
    options: VersionedWriteOptions,
  ): Promise<TenantFunding> {
    const grantedEur = requireCount(funding?.grantedEur, 'grantedEur');
    const paidEur = requireCount(funding?.paidEur, 'paidEur');
    if (paidEur > grantedEur) {
      throw new InputError(
        `paidEur (${paidEur}) may not exceed grantedEur (${grantedEur}): funding cannot be paid beyond what was granted`,
      );
    }
    const tenant = await this.recordFigures(
      tenantId,
      { kind: 'funding', values: { grantedEur, paidEur } },
      options,
    );
    return tenant.funding;
  }

  async recordTraining(
    tenantId: string,
    training: { sessionsHeld: number; staffTrained: number },
    options: VersionedWriteOptions,
  ): Promise<TenantTraining> {
    const sessionsHeld = requireCount(training?.sessionsHeld, 'sessionsHeld');
    const staffTrained = requireCount(training?.staffTrained, 'staffTrained');
    const tenant = await this.recordFigures(
      tenantId,
      { kind: 'training', values: { sessionsHeld, staffTrained } },
      options,
    );
    return tenant.training;
  }

  private async recordFigures(
    tenantId: string,
    figures: Parameters<typeof figuresChange>[1],
    options: VersionedWriteOptions,
  ): Promise<TenantDetails> {
    const actor = requireText(options?.actor, 'actor');
    const expectedVersion = requireVersion(options.expectedVersion);
    await this.store.updateTenant({ id: tenantId }, actor, current => ({
      write: figuresChange(current, figures, expectedVersion),
      result: undefined,
    }));
    return this.reread(tenantId);
  }

  recordGitopsRevision(names: string[], revision: string): Promise<number> {
    return this.store.recordGitopsRevision(names, revision);
  }

  async applyDeploymentNotification(
    notification: DeploymentNotification,
    actor: string,
    targetDays?: StepTargetDays,
  ): Promise<DeploymentOutcome> {
    try {
      const { result } = await this.store.updateTenant(
        { name: notification.app },
        actor,
        current => deploymentChange(current, notification, targetDays),
      );
      return result;
    } catch (error) {
      if (error instanceof NotFoundError) {
        return { applied: false, ignored: 'no tenant of that name' };
      }
      if (error instanceof ConflictError) {
        return {
          applied: false,
          ignored: 'the provisioning step changed meanwhile',
        };
      }
      throw error;
    }
  }
}
