import {
  checkStepTargetDays,
  daysUntilDue,
  DEFAULT_STEP_TARGET_DAYS,
  dueDateFrom,
  dueDateOfDay,
  isStepOverdue,
  resolveStepTargetDays,
  stepsWithRunningClock,
} from './dueDates';
import { initialSteps } from './status';

describe('due dates', () => {
  it('layers the target durations: defaults, configuration, application', () => {
    const days = resolveStepTargetDays(
      { qualification: 5, 'data-migration': 40 },
      { 'data-migration': 60 },
    );
    expect(days.qualification).toBe(5);
    expect(days['data-migration']).toBe(60);
    expect(days.training).toBe(DEFAULT_STEP_TARGET_DAYS.training);
  });

  it('names each wrong target duration', () => {
    expect(checkStepTargetDays({ qualification: 10 }, 'x')).toEqual([]);
    expect(checkStepTargetDays(undefined, 'x')).toEqual([]);
    expect(
      checkStepTargetDays(
        { migration: 3, training: 0, 'go-live': 2.5, acceptance: '4' },
        'cloud.onboarding.targetDays',
      ),
    ).toEqual([
      expect.stringContaining(
        'cloud.onboarding.targetDays.migration is not an onboarding step',
      ),
      'cloud.onboarding.targetDays.training must be a whole number of days from 1 to 1000, not 0',
      'cloud.onboarding.targetDays.go-live must be a whole number of days from 1 to 1000, not 2.5',
      'cloud.onboarding.targetDays.acceptance must be a whole number of days from 1 to 1000, not "4"',
    ]);
    expect(checkStepTargetDays([1], 'x')).toEqual([
      'x must be an object of step ids to numbers of days',
    ]);
  });

  it('runs the clock of the current step and of the steps in progress', () => {
    const steps = initialSteps({ migration: true });
    expect(stepsWithRunningClock(steps)).toEqual(['qualification']);
    const statuses: Record<string, 'done' | 'in_progress'> = {
      qualification: 'done',
      provisioning: 'done',
      training: 'in_progress',
    };
    const later = steps.map(s =>
      statuses[s.id] ? { ...s, status: statuses[s.id] } : s,
    );
    expect(stepsWithRunningClock(later)).toEqual(['identity', 'training']);
    // an optional step waiting in todo has no clock
    const live = steps.map(s =>
      s.id === 'decommissioning' ? s : { ...s, status: 'done' as const },
    );
    expect(stepsWithRunningClock(live)).toEqual([]);
  });

  it('tells a late step, never a settled one', () => {
    const now = Date.parse('2026-12-05T12:00:00Z');
    const dueDate = '2026-12-01T12:00:00.000Z';
    expect(isStepOverdue({ status: 'in_progress', dueDate }, now)).toBe(true);
    expect(isStepOverdue({ status: 'blocked', dueDate }, now)).toBe(true);
    expect(isStepOverdue({ status: 'done', dueDate }, now)).toBe(false);
    expect(isStepOverdue({ status: 'skipped', dueDate }, now)).toBe(false);
    expect(isStepOverdue({ status: 'todo', dueDate: null }, now)).toBe(false);
    expect(
      isStepOverdue(
        { status: 'todo', dueDate: '2026-12-06T12:00:00.000Z' },
        now,
      ),
    ).toBe(false);
    expect(daysUntilDue({ dueDate }, now)).toBe(-4);
    expect(daysUntilDue({ dueDate: '2026-12-08T13:00:00.000Z' }, now)).toBe(3);
    expect(daysUntilDue({ dueDate: null }, now)).toBeUndefined();
  });

  it('adds the target duration to the start', () => {
    expect(
      dueDateFrom(new Date('2026-12-05T10:00:00Z'), 10).toISOString(),
    ).toBe('2026-12-15T10:00:00.000Z');
  });

  it('makes a calendar date due at the end of that day in France', () => {
    // winter: UTC+1
    expect(dueDateOfDay('2026-12-24')?.toISOString()).toBe(
      '2026-12-24T22:59:59.999Z',
    );
    // summer: UTC+2
    expect(dueDateOfDay('2027-07-14')?.toISOString()).toBe(
      '2027-07-14T21:59:59.999Z',
    );
    expect(dueDateOfDay('2027-02-30')).toBeUndefined();
    expect(dueDateOfDay('24/12/2026')).toBeUndefined();
  });
});
