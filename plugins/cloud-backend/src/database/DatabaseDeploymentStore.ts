import {
  applyStepAction,
  currentStep,
  DeploymentNotification,
  deriveTenantStatus,
  ONBOARDING_REASON_MAX_LENGTH,
  OnboardingAction,
  OnboardingStepState,
  STEP_ACTION_EVENT_TYPES,
  StepTargetDays,
  textProblem,
} from '@amue/plugin-cloud-common';
import type { Knex } from 'knex';
import { DatabaseEventStore } from './DatabaseEventStore';
import { Row, toIsoOrNull } from './rows';

/**
 * Starts the clock of the steps whose turn comes after a change (the due
 * dates of DatabaseTenantStore), in the change's transaction.
 *
 * @internal
 */
export type StartClocks = (
  tx: Knex.Transaction,
  tenantId: string,
  steps: ReadonlyArray<OnboardingStepState & { dueDate?: string | null }>,
  options: { now: Date; targetDays?: StepTargetDays },
) => Promise<void>;

const TENANTS = 'cloud_tenants';
const STEPS = 'cloud_onboarding_steps';
const STEP = 'provisioning';
const COMMITS = 'cloud_gitops_commits';

/**
 * What a notification of the deployment engine did to a tenant: applied
 * (the provisioning step completed or blocked, in one transaction with its
 * event), or ignored with the reason (nothing written).
 *
 * @internal
 */
export type DeploymentOutcome =
  | {
      applied: true;
      tenantId: string;
      action: 'complete' | 'block';
      /** The reason of a block. */
      reason: string | null;
    }
  | { applied: false; tenantId?: string; ignored: string };

type StepRow = OnboardingStepState & {
  rowVersion: number;
  dueDate: string | null;
};

/**
 * Control characters and bidirectional overrides of a message, replaced by
 * spaces: the message of a deployment becomes a step's reason.
 */
function cleanReason(message: string): string {
  const cleaned = message
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .trim()
    .slice(0, ONBOARDING_REASON_MAX_LENGTH);
  return textProblem(cleaned, { multiline: true }) ? 'Degraded' : cleaned;
}

/**
 * The writes of the deployment read back (issue 14): the revision committed
 * for a tenant, and the provisioning step moved by the engine's
 * notifications. Used by {@link DatabaseTenantStore}.
 *
 * @internal
 */
export class DatabaseDeploymentStore {
  constructor(
    private readonly db: Knex,
    private readonly clock: () => Date,
    private readonly events: DatabaseEventStore,
    private readonly startClocks: StartClocks,
  ) {}

  private get isPostgres(): boolean {
    return String(this.db.client.config.client).startsWith('pg');
  }

  /** Records the commit of tenants' descriptors; the count of tenants. */
  async recordRevision(names: string[], revision: string): Promise<number> {
    if (names.length === 0) {
      return 0;
    }
    await this.db(COMMITS)
      .insert({ revision: revision.toLowerCase(), recorded_at: this.clock() })
      .onConflict('revision')
      .ignore();
    return this.db(TENANTS)
      .whereIn(
        'name',
        names.map(n => n.trim().toLowerCase()),
      )
      .andWhere({ decommissioned: false })
      .update({ gitops_revision: revision.toLowerCase() });
  }

  /**
   * True when `revision` is a commit of the portal made after `committed`
   * (the branch then holds the tenant's descriptors too).
   */
  private async isLaterCommit(
    tx: Knex.Transaction,
    revision: string | null | undefined,
    committed: string,
  ): Promise<boolean> {
    if (!revision) {
      return false;
    }
    const rows = await tx(COMMITS)
      .whereIn('revision', [revision.toLowerCase(), committed])
      .select('revision', 'id');
    const order = new Map(rows.map(r => [r.revision, Number(r.id)]));
    const later = order.get(revision.toLowerCase());
    const mine = order.get(committed);
    return later !== undefined && mine !== undefined && later > mine;
  }

  /**
   * Applies a notification to the provisioning step of the tenant named
   * like the application: Synced and Healthy on the committed revision
   * completes it (started or unblocked first) and records the URL;
   * Degraded on the committed revision blocks it with the message. Anything
   * else is ignored, and so is a notification that would change nothing
   * (a redelivery).
   */
  async apply(
    notification: DeploymentNotification,
    actor: string,
    targetDays?: StepTargetDays,
  ): Promise<DeploymentOutcome> {
    return this.db.transaction(async tx => {
      const query = tx(TENANTS).where({ name: notification.app }).first();
      if (this.isPostgres) {
        query.forUpdate();
      }
      const tenant = (await query) as Row | undefined;
      if (!tenant) {
        return { applied: false, ignored: 'no tenant of that name' };
      }
      const ignore = (ignored: string): DeploymentOutcome => ({
        applied: false,
        tenantId: tenant.id,
        ignored,
      });
      if (tenant.decommissioned) {
        return ignore('the tenant is decommissioned');
      }
      if (!tenant.gitops_revision) {
        return ignore('no commit of its descriptors is recorded');
      }
      if (
        notification.revision !== tenant.gitops_revision &&
        !(await this.isLaterCommit(
          tx,
          notification.revision,
          tenant.gitops_revision,
        ))
      ) {
        return ignore(
          `revision ${
            notification.revision ?? '(none)'
          } is neither the committed revision ${
            tenant.gitops_revision
          } nor a later commit of the portal`,
        );
      }
      const healthy =
        notification.syncStatus === 'Synced' &&
        notification.healthStatus === 'Healthy';
      const degraded = notification.healthStatus === 'Degraded';
      if (!healthy && !degraded) {
        return ignore(
          `${notification.syncStatus}/${notification.healthStatus} changes nothing`,
        );
      }
      const rows = await tx(STEPS).where({ tenant_id: tenant.id });
      const steps: StepRow[] = rows.map(r => ({
        id: r.step_id,
        status: r.status,
        reason: r.reason ?? null,
        rowVersion: Number(r.row_version),
        dueDate: toIsoOrNull(r.due_date),
      }));
      const step = steps.find(s => s.id === STEP);
      if (!step) {
        return ignore('the tenant has no provisioning step');
      }

      let actions: OnboardingAction[];
      let reason: string | null = null;
      if (healthy) {
        actions = {
          todo: ['start', 'complete'],
          in_progress: ['complete'],
          blocked: ['unblock', 'complete'],
          done: [],
          skipped: [],
        }[step.status] as OnboardingAction[];
      } else {
        reason = cleanReason(notification.message ?? 'Degraded');
        actions =
          step.status === 'todo' || step.status === 'in_progress'
            ? ['block']
            : [];
      }
      if (actions.length === 0) {
        return ignore(`the provisioning step is already ${step.status}`);
      }
      let working: StepRow[] = steps;
      for (const action of actions) {
        const result = applyStepAction(working, STEP, action, {
          actorSide: 'amue',
          reason: action === 'block' ? reason : undefined,
        });
        if (!result.ok) {
          return ignore(result.error.message);
        }
        working = result.steps;
      }
      const next = working.find(s => s.id === STEP)!;
      const now = this.clock();
      const updated = await tx(STEPS)
        .where({
          tenant_id: tenant.id,
          step_id: STEP,
          row_version: step.rowVersion,
        })
        .update({
          status: next.status,
          reason: next.reason ?? null,
          updated_by: actor,
          updated_at: now,
          row_version: step.rowVersion + 1,
        });
      if (updated !== 1) {
        return ignore('the provisioning step changed meanwhile');
      }
      const action = healthy ? 'complete' : 'block';
      await tx(TENANTS)
        .where({ id: tenant.id })
        .update({
          status: deriveTenantStatus(working, {
            suspended: Boolean(tenant.suspended),
            decommissioned: false,
          }),
          current_step: currentStep(working) ?? null,
          ...(healthy && notification.url ? { url: notification.url } : {}),
          updated_at: now,
          row_version: tx.raw('row_version + 1'),
        });
      await this.events.append(tx, {
        tenantId: tenant.id,
        at: now,
        actor,
        type: STEP_ACTION_EVENT_TYPES[action],
        stepId: STEP,
        comment: reason,
        before: { status: step.status, reason: step.reason ?? null },
        after: {
          status: next.status,
          reason: next.reason ?? null,
          rowVersion: step.rowVersion + 1,
          revision: notification.revision,
          ...(healthy && notification.url ? { url: notification.url } : {}),
        },
      });
      // the next step's turn comes (its due date), as after a person's change
      await this.startClocks(tx, tenant.id, working, { now, targetDays });
      return { applied: true, tenantId: tenant.id, action, reason };
    });
  }
}
