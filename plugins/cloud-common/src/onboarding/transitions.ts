import type { StepStatus as OnboardingStepStatus } from '../generated/models';
import {
  getStepDefinition,
  isOnboardingStepId,
  ONBOARDING_SIDES,
  ONBOARDING_STEPS,
  OnboardingSide,
  OnboardingStepId,
} from './steps';

/**
 * Statuses of an onboarding step.
 *
 * @public
 */
export const ONBOARDING_STEP_STATUSES = [
  'todo',
  'in_progress',
  'done',
  'blocked',
  'skipped',
] as const satisfies readonly OnboardingStepStatus[];

// The API's `StepStatus` (its OpenAPI document), whose values
// ONBOARDING_STEP_STATUSES lists: a test checks that they agree.
export type { OnboardingStepStatus };

/**
 * The state of one step of one tenant's onboarding: what the rules need.
 * Stores add their own fields (due date, row version...); the functions of
 * this package keep them untouched.
 *
 * @public
 */
export interface OnboardingStepState {
  id: OnboardingStepId;
  status: OnboardingStepStatus;
  /**
   * Why the step is `blocked` or `skipped`; absent (or null) in the other
   * statuses.
   */
  reason?: string | null;
}

/**
 * Actions that change the status of an onboarding step.
 *
 * @public
 */
export const ONBOARDING_ACTIONS = [
  'start',
  'complete',
  'block',
  'unblock',
  'skip',
  'reopen',
] as const;

/**
 * An action on an onboarding step.
 *
 * @public
 */
export type OnboardingAction = (typeof ONBOARDING_ACTIONS)[number];

/**
 * What an action does: the statuses it applies to, the status it leads to
 * and whether it needs a reason.
 *
 * @public
 */
export interface OnboardingTransition {
  from: readonly OnboardingStepStatus[];
  to: OnboardingStepStatus;
  reason: 'required' | 'optional';
}

/**
 * The state machine of an onboarding step.
 *
 * @public
 */
export const ONBOARDING_TRANSITIONS: Readonly<
  Record<OnboardingAction, Readonly<OnboardingTransition>>
> = Object.freeze({
  start: { from: ['todo'], to: 'in_progress', reason: 'optional' },
  complete: { from: ['in_progress'], to: 'done', reason: 'optional' },
  block: { from: ['todo', 'in_progress'], to: 'blocked', reason: 'required' },
  unblock: { from: ['blocked'], to: 'in_progress', reason: 'optional' },
  skip: {
    from: ['todo', 'in_progress', 'blocked'],
    to: 'skipped',
    reason: 'required',
  },
  reopen: { from: ['done', 'skipped'], to: 'in_progress', reason: 'optional' },
});

/**
 * Maximum length of a reason, in Unicode characters, after trimming.
 *
 * @public
 */
export const ONBOARDING_REASON_MAX_LENGTH = 2000;

/**
 * Who acts: one side, or `any` for someone allowed to act on both sides'
 * steps (an Amue administrator). Whether the person may act on this tenant
 * at all is the permission framework's business, not this package's.
 *
 * @public
 */
export type OnboardingActorSide = OnboardingSide | 'any';

/**
 * Options of {@link applyStepAction}.
 *
 * @public
 */
export interface StepActionOptions {
  /**
   * Required by `block` and `skip` (non-blank, at most
   * {@link ONBOARDING_REASON_MAX_LENGTH} characters); optional for the other
   * actions (then a comment, checked the same way when given). Trimmed.
   */
  reason?: string | null;
  /** The side of the person acting. */
  actorSide: OnboardingActorSide;
}

/**
 * Why an action was refused.
 *
 * @public
 */
export type StepActionErrorCode =
  | 'unknown_step'
  | 'unknown_action'
  | 'unknown_actor_side'
  | 'wrong_side'
  | 'step_not_found'
  | 'not_skippable'
  | 'invalid_transition'
  | 'reason_required'
  | 'reason_invalid'
  | 'reason_too_long'
  | 'prerequisite';

/**
 * A refused action: a code for programs, the input field at fault and a
 * message that names the step and the rule.
 *
 * @public
 */
export interface StepActionError {
  code: StepActionErrorCode;
  field: 'stepId' | 'action' | 'actorSide' | 'reason';
  message: string;
}

/**
 * Result of {@link applyStepAction}: the new steps (a new array, same order,
 * the acted-on step replaced) and the new and previous state of that step,
 * or the error.
 *
 * @public
 */
export type StepActionResult<T extends OnboardingStepState> =
  | {
      ok: true;
      steps: T[];
      step: T;
      previous: T;
      /** The trimmed reason or comment given with the action, if any. */
      reason?: string;
    }
  | { ok: false; error: StepActionError };

/**
 * A prerequisite a step is still waiting for: the step and the rule it must
 * meet.
 *
 * @public
 */
export interface UnmetPrerequisite {
  step: OnboardingStepId;
  rule: 'done' | 'done-or-skipped' | 'done-or-skipped-with-reason';
}

const PAST: Record<OnboardingAction, string> = {
  start: 'started',
  complete: 'completed',
  block: 'blocked',
  unblock: 'unblocked',
  skip: 'skipped',
  reopen: 'reopened',
};

const SIDE_NAMES: Record<OnboardingSide, string> = {
  amue: 'Amue',
  establishment: 'the establishment',
};

function quoteList(values: readonly string[]): string {
  return values.map(v => `"${v}"`).join(', ');
}

function orList(values: readonly string[]): string {
  return values.length < 2
    ? values.join('')
    : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

function hasReason(step: OnboardingStepState | undefined): boolean {
  return typeof step?.reason === 'string' && step.reason.trim() !== '';
}

function findStep<T extends OnboardingStepState>(
  steps: readonly T[],
  id: OnboardingStepId,
): T | undefined {
  return steps.find(s => s.id === id);
}

/**
 * The status of a step in a tenant's steps; a step missing from the list
 * counts as `todo`.
 *
 * @public
 */
export function getStepStatus(
  steps: readonly OnboardingStepState[],
  id: OnboardingStepId,
): OnboardingStepStatus {
  return findStep(steps, id)?.status ?? 'todo';
}

/**
 * True when the step is `done` or `skipped`.
 *
 * @public
 */
export function isStepSettled(status: OnboardingStepStatus): boolean {
  return status === 'done' || status === 'skipped';
}

function ruleBetween(
  target: OnboardingStepId,
  prerequisite: OnboardingStepId,
): UnmetPrerequisite['rule'] {
  // Provisioning follows the approval of the request, which is the
  // completion of the qualification.
  if (target === 'provisioning' && prerequisite === 'qualification') {
    return 'done';
  }
  // No go-live before the acceptance is done or skipped with a reason.
  if (target === 'go-live' && prerequisite === 'acceptance') {
    return 'done-or-skipped-with-reason';
  }
  return 'done-or-skipped';
}

/**
 * The first prerequisite of a step that is not met, or undefined when the
 * step may be started or completed. The prerequisites of a step are all the
 * non-optional steps before it, each `done` or `skipped`, with two stricter
 * rules: `provisioning` needs `qualification` done (the request approved),
 * and `go-live` needs `acceptance` done or skipped with a reason.
 *
 * @public
 */
export function unmetPrerequisite(
  steps: readonly OnboardingStepState[],
  stepId: OnboardingStepId,
): UnmetPrerequisite | undefined {
  const { order } = getStepDefinition(stepId);
  for (const definition of ONBOARDING_STEPS) {
    if (definition.order >= order) {
      break;
    }
    if (definition.optional) {
      continue;
    }
    const state = findStep(steps, definition.id);
    const status = state?.status ?? 'todo';
    const rule = ruleBetween(stepId, definition.id);
    const met =
      status === 'done' ||
      (status === 'skipped' &&
        (rule === 'done-or-skipped' ||
          (rule === 'done-or-skipped-with-reason' && hasReason(state))));
    if (!met) {
      return { step: definition.id, rule };
    }
  }
  return undefined;
}

function prerequisiteMessage(
  stepId: OnboardingStepId,
  action: OnboardingAction,
  unmet: UnmetPrerequisite,
  steps: readonly OnboardingStepState[],
): string {
  const head = `step "${stepId}" cannot be ${PAST[action]} before "${unmet.step}" is`;
  switch (unmet.rule) {
    case 'done':
      return `${head} done (the request must be approved)`;
    case 'done-or-skipped-with-reason':
      return getStepStatus(steps, unmet.step) === 'skipped'
        ? `${head} done or skipped with a reason`
        : `${head} done or skipped`;
    default:
      return `${head} done or skipped`;
  }
}

type ReasonCheck =
  | { ok: true; reason?: string }
  | { ok: false; error: StepActionError };

function checkReason(
  value: unknown,
  required: boolean,
  stepId: OnboardingStepId,
  action: OnboardingAction,
): ReasonCheck {
  const purpose = `to ${action} step "${stepId}"`;
  if (value === undefined || value === null) {
    return required
      ? {
          ok: false,
          error: {
            code: 'reason_required',
            field: 'reason',
            message: `reason is required ${purpose}`,
          },
        }
      : { ok: true };
  }
  if (typeof value !== 'string') {
    return {
      ok: false,
      error: {
        code: 'reason_invalid',
        field: 'reason',
        message: `reason ${purpose} must be a string`,
      },
    };
  }
  const reason = value.trim();
  if (reason === '') {
    return required
      ? {
          ok: false,
          error: {
            code: 'reason_required',
            field: 'reason',
            message: `reason ${purpose} must not be blank`,
          },
        }
      : { ok: true };
  }
  const length = Array.from(reason).length;
  if (length > ONBOARDING_REASON_MAX_LENGTH) {
    return {
      ok: false,
      error: {
        code: 'reason_too_long',
        field: 'reason',
        message: `reason ${purpose} must be at most ${ONBOARDING_REASON_MAX_LENGTH} characters (got ${length})`,
      },
    };
  }
  return { ok: true, reason };
}

function fail<T extends OnboardingStepState>(
  code: StepActionErrorCode,
  field: StepActionError['field'],
  message: string,
): StepActionResult<T> {
  return { ok: false, error: { code, field, message } };
}

/**
 * Applies an action to one step of a tenant's onboarding, or says why it is
 * refused. Pure: the input is not modified. The checks, in order: the step
 * and the action exist; the actor is on the step's side (or `any`); the
 * step is in the tenant's steps; `skip` only on a skippable step; the action
 * applies to the step's status ({@link ONBOARDING_TRANSITIONS}); the reason;
 * the prerequisites ({@link unmetPrerequisite}) for every action that puts
 * the step in progress or done (`start`, `complete`, `unblock`, `reopen`)
 * and for blocking or skipping a step not started yet (`todo`): a step
 * whose turn has not come cannot be blocked or skipped.
 *
 * The new state of the step carries the trimmed reason when it is `blocked`
 * or `skipped`, and no `reason` property otherwise.
 *
 * @public
 */
export function applyStepAction<T extends OnboardingStepState>(
  steps: readonly T[],
  stepId: OnboardingStepId,
  action: OnboardingAction,
  options: StepActionOptions,
): StepActionResult<T> {
  if (!isOnboardingStepId(stepId)) {
    return fail(
      'unknown_step',
      'stepId',
      `"${String(
        stepId,
      )}" is not an onboarding step: expected one of ${ONBOARDING_STEPS.map(
        s => s.id,
      ).join(', ')}`,
    );
  }
  if (!Object.prototype.hasOwnProperty.call(ONBOARDING_TRANSITIONS, action)) {
    return fail(
      'unknown_action',
      'action',
      `"${String(
        action,
      )}" is not an onboarding action: expected one of ${Object.keys(
        ONBOARDING_TRANSITIONS,
      ).join(', ')}`,
    );
  }
  const definition = getStepDefinition(stepId);
  const actorSide = options?.actorSide;
  if (
    actorSide !== 'any' &&
    !(ONBOARDING_SIDES as readonly unknown[]).includes(actorSide)
  ) {
    return fail(
      'unknown_actor_side',
      'actorSide',
      `actorSide must be one of ${[...ONBOARDING_SIDES, 'any'].join(
        ', ',
      )} (got ${JSON.stringify(actorSide) ?? String(actorSide)})`,
    );
  }
  if (actorSide !== 'any' && actorSide !== definition.side) {
    return fail(
      'wrong_side',
      'actorSide',
      `step "${stepId}" is acted on by ${SIDE_NAMES[definition.side]}, not by ${
        SIDE_NAMES[actorSide]
      }`,
    );
  }
  const index = steps.findIndex(s => s.id === stepId);
  if (index < 0) {
    return fail(
      'step_not_found',
      'stepId',
      `step "${stepId}" is not among the tenant's steps`,
    );
  }
  const current = steps[index];
  if (action === 'skip' && !definition.skippable) {
    const skippable = ONBOARDING_STEPS.filter(s => s.skippable).map(s => s.id);
    return fail(
      'not_skippable',
      'action',
      `step "${stepId}" cannot be skipped (only ${quoteList(
        skippable,
      )} can be)`,
    );
  }
  const transition = ONBOARDING_TRANSITIONS[action];
  if (!transition.from.includes(current.status)) {
    return fail(
      'invalid_transition',
      'action',
      `step "${stepId}" cannot be ${PAST[action]} while ${
        current.status
      } (only a step ${orList(transition.from)} can be)`,
    );
  }
  const reason = checkReason(
    options.reason,
    transition.reason === 'required',
    stepId,
    action,
  );
  if (!reason.ok) {
    return reason;
  }
  // A step not started yet can be blocked or skipped only once it could be
  // started: not while the steps before it are still open.
  if (
    transition.to === 'in_progress' ||
    transition.to === 'done' ||
    current.status === 'todo'
  ) {
    const unmet = unmetPrerequisite(steps, stepId);
    if (unmet) {
      return fail(
        'prerequisite',
        'action',
        prerequisiteMessage(stepId, action, unmet, steps),
      );
    }
  }
  const next = { ...current, status: transition.to } as T;
  const state: OnboardingStepState = next;
  if (transition.reason === 'required') {
    state.reason = reason.reason;
  } else {
    delete state.reason;
  }
  const nextSteps = steps.slice();
  nextSteps[index] = next;
  return {
    ok: true,
    steps: nextSteps,
    step: next,
    previous: current,
    ...(reason.reason === undefined ? {} : { reason: reason.reason }),
  };
}

/**
 * The actions that {@link applyStepAction} accepts on a step now (given a
 * valid reason where one is required), in the order of
 * {@link ONBOARDING_ACTIONS}: the buttons to show. Without `actorSide`, the
 * side is not checked.
 *
 * @public
 */
export function allowedActions(
  steps: readonly OnboardingStepState[],
  stepId: OnboardingStepId,
  options: { actorSide?: OnboardingActorSide } = {},
): OnboardingAction[] {
  const actorSide = options.actorSide ?? 'any';
  return ONBOARDING_ACTIONS.filter(
    action =>
      applyStepAction(steps, stepId, action, {
        actorSide,
        reason:
          ONBOARDING_TRANSITIONS[action].reason === 'required'
            ? 'reason'
            : undefined,
      }).ok,
  );
}
