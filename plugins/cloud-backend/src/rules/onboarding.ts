/*
 * The rules of a tenant's onboarding, as changes computed from its current
 * state: which rows a step action, a decision, its undo, a due date, a
 * day-2 change, figures or a deployment notification write. Pure: the
 * service runs them under the store's lock (`TenantStore.updateTenant`),
 * with cloud-common's transition rules; the store writes what they return.
 */
import {
  applyStepAction,
  currentStep,
  DeploymentNotification,
  deriveTenantStatus,
  dueDateFrom,
  establishmentGroupName,
  initialSteps,
  isStepSettled,
  ONBOARDING_REASON_MAX_LENGTH,
  OnboardingAction,
  OnboardingActorSide,
  OnboardingStepId,
  OnboardingStepState,
  resolveStepTargetDays,
  STEP_ACTION_EVENT_TYPES,
  StepTargetDays,
  stepsWithRunningClock,
  textProblem,
} from '@amue/plugin-cloud-common';
import { ConflictError, InputError } from '@backstage/errors';
import type {
  LockedTenant,
  NewTenant,
  TenantEvent,
  TenantFunding,
  TenantStep,
  TenantTraining,
  TenantWrite,
} from '../database/TenantStore';
import type { RequestDecision } from '../service/TenantOperations';
import type { DeploymentOutcome } from '../database/DatabaseDeploymentStore';
import { changedBySomeoneElse } from '../database/rows';
import { CheckedTenantInput, requireReason } from './inputs';

/** The default target durations, when the caller gives none. */
const DEFAULT_TARGET_DAYS = resolveStepTargetDays();

/** Events that may follow a decision without preventing its undo. */
const UNDO_TOLERATED_EVENTS: readonly string[] = ['comment.added'];

function stepSnapshot(step: OnboardingStepState & { rowVersion?: number }) {
  return {
    status: step.status,
    reason: step.reason ?? null,
    ...(step.rowVersion === undefined ? {} : { rowVersion: step.rowVersion }),
  };
}

/** ConflictError unless the step is still at the version the caller saw. */
function requireStepVersion(
  current: LockedTenant,
  stepId: OnboardingStepId,
  expectedVersion: number,
): TenantStep {
  const step = current.steps.find(s => s.id === stepId)!;
  if (step.rowVersion !== expectedVersion) {
    throw changedBySomeoneElse(
      `step "${stepId}" of tenant "${current.tenant.name}"`,
    );
  }
  return step;
}

/**
 * The due dates that start after a change: each step whose clock runs
 * (`stepsWithRunningClock`) and has no due date gets one, the start plus
 * its target duration; `restart` (a reopened step) gets a fresh one.
 */
function startClocks(
  steps: ReadonlyArray<OnboardingStepState & { dueDate?: string | null }>,
  now: Date,
  targetDays: StepTargetDays = DEFAULT_TARGET_DAYS,
  restart?: OnboardingStepId,
): NonNullable<TenantWrite['clocks']> {
  return stepsWithRunningClock(steps)
    .filter(id => id === restart || !steps.find(s => s.id === id)?.dueDate)
    .map(id => ({ id, dueDate: dueDateFrom(now, targetDays[id]) }));
}

/** The tenant row after its steps changed: status and current step. */
function tenantAfter(
  current: LockedTenant,
  steps: readonly OnboardingStepState[],
  decommissioned = current.tenant.decommissioned,
): NonNullable<TenantWrite['tenant']> {
  return {
    set: {
      status: deriveTenantStatus(steps, {
        suspended: current.tenant.suspended,
        decommissioned,
      }),
      currentStep: currentStep(steps) ?? null,
      ...(decommissioned === current.tenant.decommissioned
        ? {}
        : { decommissioned }),
    },
  };
}

/** A new tenant from a checked request: its steps, status and clocks. */
export function newTenant(
  input: CheckedTenantInput,
  now: Date,
  targetDays: StepTargetDays = DEFAULT_TARGET_DAYS,
): NewTenant {
  const steps = initialSteps({ migration: input.request.migration });
  const running = stepsWithRunningClock(steps);
  const status = deriveTenantStatus(steps);
  return {
    name: input.name,
    application: input.application,
    establishment: establishmentGroupName(input.uai),
    uai: input.uai,
    environment: input.environment,
    version: input.version,
    status,
    currentStep: currentStep(steps) ?? null,
    url: input.url,
    ssoProtocol: input.ssoProtocol,
    ssoIdpEntityId: input.ssoIdpEntityId,
    request: input.request,
    steps: steps.map(step => ({
      id: step.id,
      status: step.status,
      reason: step.reason ?? null,
      dueDate: running.includes(step.id)
        ? dueDateFrom(now, targetDays[step.id])
        : null,
    })),
    createdEvent: { name: input.name, status, request: input.request },
  };
}

/**
 * An action on a step with the rules of cloud-common. A stale version is a
 * `ConflictError`, a refused action an `InputError`.
 */
export function stepActionChange(
  current: LockedTenant,
  stepId: OnboardingStepId,
  action: OnboardingAction,
  options: {
    reason?: string | null;
    actorSide: OnboardingActorSide;
    expectedVersion: number;
    targetDays?: StepTargetDays;
  },
): TenantWrite {
  const { expectedVersion } = options;
  if (current.steps.some(s => s.id === stepId)) {
    requireStepVersion(current, stepId, expectedVersion);
  }
  const result = applyStepAction(current.steps, stepId, action, {
    reason: options.reason,
    actorSide: options.actorSide,
  });
  if (!result.ok) {
    throw new InputError(result.error.message);
  }
  return {
    steps: [
      {
        id: stepId,
        expectedVersion,
        set: { status: result.step.status, reason: result.step.reason ?? null },
      },
    ],
    tenant: tenantAfter(current, result.steps),
    events: [
      {
        type: STEP_ACTION_EVENT_TYPES[action],
        stepId,
        comment: result.reason ?? null,
        before: stepSnapshot(result.previous),
        after: stepSnapshot({
          ...result.step,
          rowVersion: expectedVersion + 1,
        }),
      },
    ],
    clocks: startClocks(
      result.steps,
      current.now,
      options.targetDays,
      action === 'reopen' ? stepId : undefined,
    ),
  };
}

/**
 * Approves (the `qualification` step becomes done, started or unblocked
 * first) or rejects (the step blocked with the reason, the tenant closed)
 * a request.
 */
export function requestDecisionChange(
  current: LockedTenant,
  decision: RequestDecision,
  options: {
    reason?: string | null;
    expectedVersion: number;
    targetDays?: StepTargetDays;
  },
): TenantWrite {
  const { tenant } = current;
  const { expectedVersion } = options;
  if (tenant.decommissioned) {
    throw new ConflictError(
      `the request of tenant "${tenant.name}" is closed (rejected or decommissioned)`,
    );
  }
  const step = requireStepVersion(current, 'qualification', expectedVersion);
  let next: TenantStep;
  let steps: OnboardingStepState[];
  let reason: string | null = null;
  if (decision === 'approve') {
    // Approving a request still in `todo` (or blocked) starts (or
    // unblocks) and completes the qualification in one decision.
    let working: OnboardingStepState[] = current.steps;
    if (step.status === 'todo' || step.status === 'blocked') {
      const opened = applyStepAction(
        working,
        'qualification',
        step.status === 'todo' ? 'start' : 'unblock',
        { actorSide: 'amue' },
      );
      if (!opened.ok) {
        throw new InputError(opened.error.message);
      }
      working = opened.steps;
    }
    const result = applyStepAction(working, 'qualification', 'complete', {
      actorSide: 'amue',
      reason: options.reason,
    });
    if (!result.ok) {
      throw new InputError(result.error.message);
    }
    reason = result.reason ?? null;
    next = { ...step, status: result.step.status, reason: null };
    steps = result.steps;
  } else {
    reason = requireReason(options.reason, 'reason');
    if (isStepSettled(step.status)) {
      throw new InputError(
        `the request of tenant "${tenant.name}" is already approved; it can no longer be rejected`,
      );
    }
    next = { ...step, status: 'blocked', reason };
    steps = current.steps.map(s => (s.id === 'qualification' ? next : s));
  }
  const rejected = decision === 'reject';
  return {
    steps: [
      {
        id: 'qualification',
        expectedVersion,
        set: { status: next.status, reason: next.reason ?? null },
      },
    ],
    tenant: tenantAfter(current, steps, rejected),
    events: [
      {
        type: rejected ? 'request.rejected' : 'request.approved',
        stepId: 'qualification',
        comment: reason,
        before: stepSnapshot(step),
        after: stepSnapshot({ ...next, rowVersion: expectedVersion + 1 }),
      },
    ],
    clocks: rejected ? [] : startClocks(steps, current.now, options.targetDays),
  };
}

/**
 * Undoes the last decision on a request while nothing but comments
 * happened since; the decision undone.
 */
export function undoDecisionChange(
  current: LockedTenant,
  events: TenantEvent[],
  expectedVersion: number,
): { write: TenantWrite; decision: RequestDecision } {
  const { tenant } = current;
  const step = requireStepVersion(current, 'qualification', expectedVersion);
  const index = events.findLastIndex(
    e =>
      e.type === 'request.approved' ||
      e.type === 'request.rejected' ||
      e.type === 'request.decision-undone',
  );
  const last = index < 0 ? undefined : events[index];
  if (!last || last.type === 'request.decision-undone') {
    throw new InputError(
      `the request of tenant "${tenant.name}" has no decision to undo`,
    );
  }
  const later = events
    .slice(index + 1)
    .find(e => !UNDO_TOLERATED_EVENTS.includes(e.type));
  const after = last.after as { rowVersion?: number } | null;
  if (later || after?.rowVersion !== step.rowVersion) {
    throw new ConflictError(
      `the decision on the request of tenant "${
        tenant.name
      }" can no longer be undone: the onboarding went on since (${
        later?.type ?? 'qualification changed'
      })`,
    );
  }
  const before = last.before as {
    status: TenantStep['status'];
    reason: string | null;
  };
  const restored: TenantStep = {
    ...step,
    status: before.status,
    reason: before.reason ?? null,
  };
  const steps = current.steps.map(s =>
    s.id === 'qualification' ? restored : s,
  );
  // The clocks an approval started stop again: a step whose turn has not
  // come has no due date.
  const running = stepsWithRunningClock(steps);
  const stopped = steps.filter(
    s =>
      s.order > step.order &&
      s.status === 'todo' &&
      s.dueDate &&
      !running.includes(s.id),
  );
  return {
    decision: last.type === 'request.approved' ? 'approve' : 'reject',
    write: {
      steps: [
        {
          id: 'qualification',
          expectedVersion,
          set: { status: restored.status, reason: restored.reason },
        },
      ],
      clocks: stopped.map(s => ({ id: s.id, dueDate: null })),
      tenant: tenantAfter(current, steps, false),
      events: [
        {
          type: 'request.decision-undone',
          stepId: 'qualification',
          comment: null,
          before: stepSnapshot(step),
          after: {
            ...stepSnapshot({ ...restored, rowVersion: expectedVersion + 1 }),
            undone: last.type,
          },
        },
      ],
    },
  };
}

/** Sets or moves the due date of a step neither done nor skipped. */
export function dueDateChange(
  current: LockedTenant,
  stepId: OnboardingStepId,
  input: { dueDate: Date; reason: string; expectedVersion: number },
): TenantWrite {
  const { tenant } = current;
  if (tenant.decommissioned) {
    throw new ConflictError(
      `tenant "${tenant.name}" is closed; its steps have no due date any more`,
    );
  }
  const step = requireStepVersion(current, stepId, input.expectedVersion);
  if (isStepSettled(step.status)) {
    throw new InputError(
      `step "${stepId}" of tenant "${tenant.name}" is ${step.status}; only a step still to finish has a due date to move`,
    );
  }
  return {
    steps: [
      {
        id: stepId,
        expectedVersion: input.expectedVersion,
        set: { dueDate: input.dueDate },
      },
    ],
    tenant: {},
    events: [
      {
        type: 'step.due-date-changed',
        stepId,
        comment: input.reason,
        before: { dueDate: step.dueDate },
        after: {
          dueDate: input.dueDate.toISOString(),
          rowVersion: input.expectedVersion + 1,
        },
      },
    ],
  };
}

/**
 * A day-2 change: a new version, or the decommissioning (final). Checked
 * against the tenant row's version.
 */
export function tenantChange(
  current: LockedTenant,
  change: { version: string } | { reason: string },
  expectedVersion: number,
): TenantWrite {
  const { tenant } = current;
  if (tenant.rowVersion !== expectedVersion) {
    throw changedBySomeoneElse(`tenant "${tenant.name}"`);
  }
  if (tenant.decommissioned) {
    throw new ConflictError(`tenant "${tenant.name}" is decommissioned`);
  }
  if ('version' in change) {
    if (change.version === tenant.version) {
      throw new InputError(
        `version "${change.version}" is already the version of tenant "${tenant.name}"`,
      );
    }
    return {
      tenant: { expectedVersion, set: { version: change.version } },
      events: [
        {
          type: 'tenant.version-changed',
          stepId: null,
          comment: null,
          before: { version: tenant.version },
          after: { version: change.version },
        },
      ],
    };
  }
  return {
    tenant: {
      expectedVersion,
      set: {
        decommissioned: true,
        status: deriveTenantStatus(current.steps, { decommissioned: true }),
      },
    },
    events: [
      {
        type: 'tenant.decommissioned',
        stepId: null,
        comment: change.reason,
        before: { decommissioned: false },
        after: { decommissioned: true },
      },
    ],
  };
}

/** New figures of a tenant: funding or training, on their row version. */
export function figuresChange(
  current: LockedTenant,
  figures:
    | {
        kind: 'funding';
        values: Omit<TenantFunding, 'updatedBy' | 'updatedAt' | 'rowVersion'>;
      }
    | {
        kind: 'training';
        values: Omit<TenantTraining, 'updatedBy' | 'updatedAt' | 'rowVersion'>;
      },
  expectedVersion: number,
): TenantWrite {
  // (the store checks the row version as it writes)
  const { updatedBy: _b, updatedAt: _a, ...before } = current[figures.kind];
  return {
    figures: {
      kind: figures.kind,
      values: figures.values,
      expectedVersion,
    },
    events: [
      {
        type:
          figures.kind === 'funding' ? 'funding.recorded' : 'training.recorded',
        before,
        after: { ...figures.values, rowVersion: expectedVersion + 1 },
      },
    ],
  };
}

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
 * A notification of the deployment engine on the provisioning step of the
 * tenant named like the application: Synced and Healthy on the committed
 * revision (or a later commit of the portal) completes it (started or
 * unblocked first) and records the URL; Degraded blocks it with the
 * message. Anything else is ignored, and so is a notification that would
 * change nothing (a redelivery).
 */
export async function deploymentChange(
  current: LockedTenant,
  notification: DeploymentNotification,
  targetDays?: StepTargetDays,
): Promise<{ write?: TenantWrite; result: DeploymentOutcome }> {
  const { tenant } = current;
  const ignore = (ignored: string) => ({
    result: { applied: false as const, tenantId: tenant.id, ignored },
  });
  if (tenant.decommissioned) {
    return ignore('the tenant is decommissioned');
  }
  const committed = current.gitopsRevision;
  if (!committed) {
    return ignore('no commit of its descriptors is recorded');
  }
  if (
    notification.revision !== committed &&
    !(await current.isLaterCommit(notification.revision))
  ) {
    return ignore(
      `revision ${
        notification.revision ?? '(none)'
      } is neither the committed revision ${committed} nor a later commit of the portal`,
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
  const step = current.steps.find(s => s.id === 'provisioning');
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
      step.status === 'todo' || step.status === 'in_progress' ? ['block'] : [];
  }
  if (actions.length === 0) {
    return ignore(`the provisioning step is already ${step.status}`);
  }
  let working: TenantStep[] = current.steps;
  for (const action of actions) {
    const result = applyStepAction(working, 'provisioning', action, {
      actorSide: 'amue',
      reason: action === 'block' ? reason : undefined,
    });
    if (!result.ok) {
      return ignore(result.error.message);
    }
    working = result.steps;
  }
  const next = working.find(s => s.id === 'provisioning')!;
  const action = healthy ? 'complete' : 'block';
  const url = healthy && notification.url ? { url: notification.url } : {};
  const tenantWrite = tenantAfter(current, working, false);
  return {
    write: {
      steps: [
        {
          id: 'provisioning',
          expectedVersion: step.rowVersion,
          set: { status: next.status, reason: next.reason ?? null },
        },
      ],
      tenant: { set: { ...tenantWrite.set, ...url } },
      events: [
        {
          type: STEP_ACTION_EVENT_TYPES[action],
          stepId: 'provisioning',
          comment: reason,
          before: { status: step.status, reason: step.reason ?? null },
          after: {
            status: next.status,
            reason: next.reason ?? null,
            rowVersion: step.rowVersion + 1,
            revision: notification.revision,
            ...url,
          },
        },
      ],
      // the next step's turn comes (its due date), as after a person's change
      clocks: startClocks(working, current.now, targetDays),
    },
    result: { applied: true, tenantId: tenant.id, action, reason },
  };
}
