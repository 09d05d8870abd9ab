import {
  ONBOARDING_STEPS,
  OnboardingStepId,
  isOnboardingStepId,
} from './steps';
import {
  getStepStatus,
  isStepSettled,
  OnboardingStepState,
  OnboardingStepStatus,
} from './transitions';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Target durations of the steps, in calendar days, when neither the
 * configuration (`cloud.onboarding.targetDays`) nor the application entity
 * (`spec.onboarding.targetDays`) says otherwise. `request` is done when the
 * tenant is created and never waits.
 *
 * @public
 */
export const DEFAULT_STEP_TARGET_DAYS: Readonly<
  Record<OnboardingStepId, number>
> = Object.freeze({
  request: 1,
  qualification: 10,
  provisioning: 10,
  identity: 20,
  'data-migration': 30,
  acceptance: 20,
  training: 30,
  'go-live': 10,
  decommissioning: 90,
});

/**
 * The largest target duration accepted, in days (about three years).
 *
 * @public
 */
export const MAX_STEP_TARGET_DAYS = 1000;

/**
 * Target durations per step, in days.
 *
 * @public
 */
export type StepTargetDays = Readonly<Record<OnboardingStepId, number>>;

/**
 * Checks target durations given per step (configuration or an application
 * entity): an object whose keys are step ids and values whole numbers of
 * days from 1 to {@link MAX_STEP_TARGET_DAYS}. Returns the problems found,
 * each naming the key (`where` prefixes it), empty when valid.
 *
 * @public
 */
export function checkStepTargetDays(value: unknown, where: string): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return [`${where} must be an object of step ids to numbers of days`];
  }
  const problems: string[] = [];
  for (const [key, days] of Object.entries(value)) {
    if (!isOnboardingStepId(key)) {
      problems.push(
        `${where}.${key} is not an onboarding step (one of ${ONBOARDING_STEPS.map(
          s => s.id,
        ).join(', ')})`,
      );
    } else if (
      typeof days !== 'number' ||
      !Number.isInteger(days) ||
      days < 1 ||
      days > MAX_STEP_TARGET_DAYS
    ) {
      problems.push(
        `${where}.${key} must be a whole number of days from 1 to ${MAX_STEP_TARGET_DAYS}, not ${JSON.stringify(
          days,
        )}`,
      );
    }
  }
  return problems;
}

/**
 * The target durations of a tenant's steps: the defaults, overridden by the
 * configuration, overridden by the tenant's application. Each layer is a
 * partial record already checked with {@link checkStepTargetDays}.
 *
 * @public
 */
export function resolveStepTargetDays(
  ...layers: Array<Partial<Record<string, number>> | undefined>
): StepTargetDays {
  const result: Record<string, number> = { ...DEFAULT_STEP_TARGET_DAYS };
  for (const layer of layers) {
    for (const [key, days] of Object.entries(layer ?? {})) {
      if (isOnboardingStepId(key) && typeof days === 'number') {
        result[key] = days;
      }
    }
  }
  return Object.freeze(result) as StepTargetDays;
}

/**
 * The due date of a step started at `startedAt` with a target of `days`.
 *
 * @public
 */
export function dueDateFrom(startedAt: Date, days: number): Date {
  return new Date(startedAt.getTime() + days * DAY_MS);
}

/**
 * The steps whose clock runs: every step `in_progress`, and the current
 * step of the onboarding (the first non-optional step neither done nor
 * skipped) while it waits in `todo` or `blocked`: somebody must act on it
 * even before it is formally started (e.g. a request waiting for its
 * qualification). A step gets its due date when its clock starts.
 *
 * @public
 */
export function stepsWithRunningClock(
  steps: readonly OnboardingStepState[],
): OnboardingStepId[] {
  const current = ONBOARDING_STEPS.find(
    definition =>
      !definition.optional &&
      !isStepSettled(getStepStatus(steps, definition.id)),
  )?.id;
  return ONBOARDING_STEPS.filter(
    definition =>
      definition.id === current ||
      getStepStatus(steps, definition.id) === 'in_progress',
  ).map(definition => definition.id);
}

/**
 * A step with the fields that tell whether it is late.
 *
 * @public
 */
export interface StepDueState {
  status: OnboardingStepStatus;
  dueDate?: string | null;
}

/**
 * True when the step is neither done nor skipped and its due date has
 * passed at `now`. A blocked step counts (it is late), though nobody is
 * reminded of it (its blocker is known).
 *
 * @public
 */
export function isStepOverdue(step: StepDueState, now: Date | number): boolean {
  if (isStepSettled(step.status) || !step.dueDate) {
    return false;
  }
  const due = Date.parse(step.dueDate);
  return !Number.isNaN(due) && due < Number(now);
}

/**
 * Whole days from `now` to the step's due date, rounded down: negative once
 * overdue (-1 on the first day late), undefined without a due date.
 *
 * @public
 */
export function daysUntilDue(
  step: Pick<StepDueState, 'dueDate'>,
  now: Date | number,
): number | undefined {
  if (!step.dueDate) {
    return undefined;
  }
  const due = Date.parse(step.dueDate);
  if (Number.isNaN(due)) {
    return undefined;
  }
  return Math.floor((due - Number(now)) / DAY_MS);
}

/** Time zone of the programme's calendar dates. */
const PROGRAMME_TIME_ZONE = 'Europe/Paris';

function offsetMinutesAt(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const part = (type: string) =>
    Number(parts.find(p => p.type === type)?.value);
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/**
 * The instant a step given a calendar date (`YYYY-MM-DD`) is due: the end
 * of that day in France (Europe/Paris). Undefined for anything but a real
 * calendar date.
 *
 * @public
 */
export function dueDateOfDay(date: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(
    typeof date === 'string' ? date : '',
  );
  if (!match) {
    return undefined;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const endOfDayUtc = Date.UTC(year, month - 1, day, 23, 59, 59, 999);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return undefined;
  }
  const offset = offsetMinutesAt(new Date(endOfDayUtc), PROGRAMME_TIME_ZONE);
  return new Date(endOfDayUtc - offset * 60000);
}
