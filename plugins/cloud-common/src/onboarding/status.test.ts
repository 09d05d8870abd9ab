import { TENANT_STATUSES } from '../constants';
import { ONBOARDING_STEP_IDS, OnboardingStepId } from './steps';
import {
  applyStepAction,
  OnboardingStepState,
  OnboardingStepStatus,
} from './transitions';
import {
  currentStep,
  deriveTenantStatus,
  initialSteps,
  NEW_INSTALLATION_SKIP_REASON,
  progress,
} from './status';

/** Steps from a compact notation: `{ qualification: 'done', ... }`, others todo. */
function steps(
  statuses: Partial<Record<OnboardingStepId, OnboardingStepStatus>>,
): OnboardingStepState[] {
  return ONBOARDING_STEP_IDS.map(id => {
    const status = statuses[id] ?? 'todo';
    return status === 'blocked' || status === 'skipped'
      ? { id, status, reason: 'raison' }
      : { id, status };
  });
}

const upTo = (
  last: OnboardingStepId,
  extra: Partial<Record<OnboardingStepId, OnboardingStepStatus>> = {},
) =>
  steps({
    ...Object.fromEntries(
      ONBOARDING_STEP_IDS.slice(0, ONBOARDING_STEP_IDS.indexOf(last) + 1).map(
        id => [id, 'done'],
      ),
    ),
    ...extra,
  });

describe('initialSteps', () => {
  it('starts a migration with the request done and everything else to do', () => {
    expect(initialSteps({ migration: true })).toEqual([
      { id: 'request', status: 'done' },
      { id: 'qualification', status: 'todo' },
      { id: 'provisioning', status: 'todo' },
      { id: 'identity', status: 'todo' },
      { id: 'data-migration', status: 'todo' },
      { id: 'acceptance', status: 'todo' },
      { id: 'training', status: 'todo' },
      { id: 'go-live', status: 'todo' },
      { id: 'decommissioning', status: 'todo' },
    ]);
  });

  it('skips the data migration of a new installation, with its reason', () => {
    expect(NEW_INSTALLATION_SKIP_REASON).toBe('Nouvelle installation');
    expect(initialSteps({ migration: false })).toEqual([
      { id: 'request', status: 'done' },
      { id: 'qualification', status: 'todo' },
      { id: 'provisioning', status: 'todo' },
      { id: 'identity', status: 'todo' },
      {
        id: 'data-migration',
        status: 'skipped',
        reason: 'Nouvelle installation',
      },
      { id: 'acceptance', status: 'todo' },
      { id: 'training', status: 'todo' },
      { id: 'go-live', status: 'todo' },
      { id: 'decommissioning', status: 'todo' },
    ]);
  });

  it('returns fresh objects each time', () => {
    const a = initialSteps({ migration: true });
    a[0].status = 'todo';
    expect(initialSteps({ migration: true })[0].status).toBe('done');
  });
});

describe('deriveTenantStatus', () => {
  it.each([
    ['a new request', initialSteps({ migration: true }), {}, 'requested'],
    [
      'qualification in progress',
      steps({ request: 'done', qualification: 'in_progress' }),
      {},
      'requested',
    ],
    [
      'qualification blocked',
      steps({ request: 'done', qualification: 'blocked' }),
      {},
      'requested',
    ],
    ['qualification done', upTo('qualification'), {}, 'provisioning'],
    [
      'provisioning in progress',
      upTo('qualification', { provisioning: 'in_progress' }),
      {},
      'provisioning',
    ],
    [
      'provisioning blocked',
      upTo('qualification', { provisioning: 'blocked' }),
      {},
      'provisioning',
    ],
    ['provisioning done', upTo('provisioning'), {}, 'onboarding'],
    [
      'migration skipped, acceptance in progress',
      upTo('identity', {
        'data-migration': 'skipped',
        acceptance: 'in_progress',
      }),
      {},
      'onboarding',
    ],
    [
      'go-live in progress',
      upTo('training', { 'go-live': 'in_progress' }),
      {},
      'onboarding',
    ],
    ['go-live done', upTo('go-live'), {}, 'live'],
    [
      'decommissioning in progress',
      upTo('go-live', { decommissioning: 'in_progress' }),
      {},
      'live',
    ],
    ['on-premise switched off', upTo('decommissioning'), {}, 'live'],
    [
      'decommissioning skipped',
      upTo('go-live', { decommissioning: 'skipped' }),
      {},
      'live',
    ],
    ['suspended while live', upTo('go-live'), { suspended: true }, 'suspended'],
    [
      'suspended during onboarding',
      upTo('identity'),
      { suspended: true },
      'suspended',
    ],
    [
      'suspended before approval',
      initialSteps({ migration: true }),
      { suspended: true },
      'suspended',
    ],
    [
      'hosted instance closed',
      upTo('go-live'),
      { decommissioned: true },
      'decommissioned',
    ],
    [
      'request abandoned',
      initialSteps({ migration: false }),
      { decommissioned: true },
      'decommissioned',
    ],
    [
      'closed while suspended',
      upTo('go-live'),
      { suspended: true, decommissioned: true },
      'decommissioned',
    ],
    [
      'flags false',
      upTo('go-live'),
      { suspended: false, decommissioned: false },
      'live',
    ],
    ['no steps at all', [], {}, 'requested'],
  ] as const)('%s → %s', (_label, tenantSteps, flags, expected) => {
    expect(TENANT_STATUSES).toContain(expected);
    expect(deriveTenantStatus(tenantSteps, flags)).toBe(expected);
  });

  it('goes back to onboarding when go-live is reopened', () => {
    const result = applyStepAction(upTo('go-live'), 'go-live', 'reopen', {
      actorSide: 'amue',
    });
    expect(result.ok && deriveTenantStatus(result.steps)).toBe('onboarding');
  });
});

describe('currentStep', () => {
  it.each([
    [initialSteps({ migration: true }), 'qualification'],
    [steps({ request: 'done', qualification: 'blocked' }), 'qualification'],
    [upTo('identity', { 'data-migration': 'skipped' }), 'acceptance'],
    [upTo('identity', { 'data-migration': 'blocked' }), 'data-migration'],
    [upTo('go-live'), 'decommissioning'],
    [upTo('go-live', { decommissioning: 'skipped' }), undefined],
    [upTo('decommissioning'), undefined],
    [[], 'request'],
  ] as const)('%# → %s', (tenantSteps, expected) => {
    expect(currentStep(tenantSteps)).toBe(expected);
  });

  it('reads the steps in their order, not in the order of the list', () => {
    expect(currentStep(upTo('provisioning').reverse())).toBe('identity');
  });
});

describe('progress', () => {
  it.each([
    ['new migration', initialSteps({ migration: true }), 1 / 8],
    ['new installation', initialSteps({ migration: false }), 2 / 8],
    ['qualification done', upTo('qualification'), 2 / 8],
    ['acceptance skipped', upTo('identity', { acceptance: 'skipped' }), 5 / 8],
    [
      'blocked counts as not done',
      upTo('identity', { 'data-migration': 'blocked' }),
      4 / 8,
    ],
    ['live', upTo('go-live'), 1],
    [
      'decommissioning started',
      upTo('go-live', { decommissioning: 'in_progress' }),
      8 / 9,
    ],
    ['decommissioning done', upTo('decommissioning'), 1],
    [
      'decommissioning skipped',
      upTo('go-live', { decommissioning: 'skipped' }),
      1,
    ],
    ['no steps at all', [], 0],
  ] as const)('%s → %d', (_label, tenantSteps, expected) => {
    expect(progress(tenantSteps)).toBeCloseTo(expected, 10);
  });
});
