import { reasonOf, stepActions } from './actions';
import { waitingOf } from './labels';
import { makeSteps } from './__testUtils__/testData';

describe('stepActions', () => {
  const requested = {
    steps: makeSteps({ request: 'done' }),
    decommissioned: false,
  };

  it('offers Amue the decision instead of completing the qualification', () => {
    expect(stepActions(requested, 'qualification', 'amue')).toEqual([
      'approve',
      'reject',
      'start',
      'block',
    ]);
    expect(stepActions(requested, 'qualification', 'any')).toEqual([
      'approve',
      'reject',
      'start',
      'block',
    ]);
  });

  it('offers the establishment nothing on an Amue step', () => {
    expect(stepActions(requested, 'qualification', 'establishment')).toEqual(
      [],
    );
  });

  it('follows the shared rules on the other steps', () => {
    const identity = {
      steps: makeSteps({
        request: 'done',
        qualification: 'done',
        provisioning: 'done',
      }),
      decommissioned: false,
    };
    expect(stepActions(identity, 'identity', 'establishment')).toEqual([
      'start',
      'block',
    ]);
    // Acceptance waits for its turn: neither started, blocked nor skipped
    // before the steps before it are settled (issue 15).
    expect(stepActions(identity, 'acceptance', 'establishment')).toEqual([]);
    expect(stepActions(identity, 'identity', 'amue')).toEqual([]);
  });

  it('offers nothing to a reader, nor on a closed tenant', () => {
    expect(stepActions(requested, 'qualification', undefined)).toEqual([]);
    expect(
      stepActions(
        { ...requested, decommissioned: true },
        'qualification',
        'any',
      ),
    ).toEqual([]);
  });

  it('asks a reason where one is required', () => {
    expect(reasonOf('block')).toBe('required');
    expect(reasonOf('skip')).toBe('required');
    expect(reasonOf('reject')).toBe('required');
    expect(reasonOf('approve')).toBe('optional');
    expect(reasonOf('reopen')).toBe('optional');
    expect(reasonOf('start')).toBeUndefined();
    expect(reasonOf('complete')).toBeUndefined();
  });
});

describe('waitingOf', () => {
  const at = (currentStep: any, decommissioned = false) => ({
    currentStep,
    decommissioned,
  });
  it.each([
    [at('identity'), 'establishment', 'actionRequired'],
    [at('identity'), 'amue', 'establishment'],
    [at('identity'), 'any', 'establishment'],
    [at('identity'), undefined, 'establishment'],
    [at('qualification'), 'amue', 'actionRequired'],
    [at('qualification'), 'establishment', 'amue'],
    [at(null), 'establishment', 'done'],
    [at('qualification', true), 'amue', 'closed'],
  ] as const)('%o for %s → %s', (tenant, side, expected) => {
    expect(waitingOf(tenant, side)).toBe(expected);
  });
});
