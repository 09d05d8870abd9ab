import {
  ONBOARDING_STEP_IDS,
  ONBOARDING_STEPS,
  OnboardingSide,
  OnboardingStepId,
} from './steps';
import {
  allowedActions,
  applyStepAction,
  getStepStatus,
  ONBOARDING_ACTIONS,
  ONBOARDING_REASON_MAX_LENGTH,
  ONBOARDING_STEP_STATUSES,
  ONBOARDING_TRANSITIONS,
  OnboardingAction,
  OnboardingActorSide,
  OnboardingStepState,
  OnboardingStepStatus,
  unmetPrerequisite,
} from './transitions';
import { initialSteps } from './status';

const needsReason = (status: OnboardingStepStatus) =>
  status === 'blocked' || status === 'skipped';

/** Every step before `id` done, `id` in `status`, the steps after it todo. */
function stepsAt(
  id: OnboardingStepId,
  status: OnboardingStepStatus,
  overrides: Partial<Record<OnboardingStepId, OnboardingStepStatus>> = {},
): OnboardingStepState[] {
  const order = ONBOARDING_STEP_IDS.indexOf(id);
  return ONBOARDING_STEP_IDS.map((stepId, i) => {
    let s: OnboardingStepStatus = 'todo';
    if (i < order) s = 'done';
    if (i === order) s = status;
    s = overrides[stepId] ?? s;
    return needsReason(s)
      ? { id: stepId, status: s, reason: `raison ${stepId}` }
      : { id: stepId, status: s };
  });
}

const reasonFor = (action: OnboardingAction) =>
  ONBOARDING_TRANSITIONS[action].reason === 'required'
    ? 'Attente du fournisseur'
    : undefined;

/**
 * The state machine, written out by hand: for each status and action,
 * either the status the step goes to or the exact message. Step
 * `acceptance` (skippable), every previous step done.
 */
const MACHINE: Record<
  OnboardingStepStatus,
  Record<OnboardingAction, OnboardingStepStatus | string>
> = {
  todo: {
    start: 'in_progress',
    complete:
      'step "acceptance" cannot be completed while todo (only a step in_progress can be)',
    block: 'blocked',
    unblock:
      'step "acceptance" cannot be unblocked while todo (only a step blocked can be)',
    skip: 'skipped',
    reopen:
      'step "acceptance" cannot be reopened while todo (only a step done or skipped can be)',
  },
  in_progress: {
    start:
      'step "acceptance" cannot be started while in_progress (only a step todo can be)',
    complete: 'done',
    block: 'blocked',
    unblock:
      'step "acceptance" cannot be unblocked while in_progress (only a step blocked can be)',
    skip: 'skipped',
    reopen:
      'step "acceptance" cannot be reopened while in_progress (only a step done or skipped can be)',
  },
  done: {
    start:
      'step "acceptance" cannot be started while done (only a step todo can be)',
    complete:
      'step "acceptance" cannot be completed while done (only a step in_progress can be)',
    block:
      'step "acceptance" cannot be blocked while done (only a step todo or in_progress can be)',
    unblock:
      'step "acceptance" cannot be unblocked while done (only a step blocked can be)',
    skip: 'step "acceptance" cannot be skipped while done (only a step todo, in_progress or blocked can be)',
    reopen: 'in_progress',
  },
  blocked: {
    start:
      'step "acceptance" cannot be started while blocked (only a step todo can be)',
    complete:
      'step "acceptance" cannot be completed while blocked (only a step in_progress can be)',
    block:
      'step "acceptance" cannot be blocked while blocked (only a step todo or in_progress can be)',
    unblock: 'in_progress',
    skip: 'skipped',
    reopen:
      'step "acceptance" cannot be reopened while blocked (only a step done or skipped can be)',
  },
  skipped: {
    start:
      'step "acceptance" cannot be started while skipped (only a step todo can be)',
    complete:
      'step "acceptance" cannot be completed while skipped (only a step in_progress can be)',
    block:
      'step "acceptance" cannot be blocked while skipped (only a step todo or in_progress can be)',
    unblock:
      'step "acceptance" cannot be unblocked while skipped (only a step blocked can be)',
    skip: 'step "acceptance" cannot be skipped while skipped (only a step todo, in_progress or blocked can be)',
    reopen: 'in_progress',
  },
};

const MACHINE_CASES = ONBOARDING_STEP_STATUSES.flatMap(status =>
  ONBOARDING_ACTIONS.map(
    action => [status, action, MACHINE[status][action]] as const,
  ),
);
const isMessage = (expected: string) => expected.startsWith('step ');
const ALLOWED = MACHINE_CASES.filter(([, , expected]) => !isMessage(expected));
const FORBIDDEN = MACHINE_CASES.filter(([, , expected]) => isMessage(expected));

describe('the state machine of a step', () => {
  it('covers every status and every action, as the exported transitions do', () => {
    expect(MACHINE_CASES).toHaveLength(30);
    expect(ALLOWED).toHaveLength(10);
    expect(FORBIDDEN).toHaveLength(20);
    expect(
      ALLOWED.map(([status, action, to]) => [status, action, to]).sort(),
    ).toEqual(
      ONBOARDING_ACTIONS.flatMap(action =>
        ONBOARDING_TRANSITIONS[action].from.map(status => [
          status,
          action,
          ONBOARDING_TRANSITIONS[action].to,
        ]),
      ).sort(),
    );
  });

  it.each(ALLOWED)('%s + %s → %s', (status, action, expected) => {
    const steps = stepsAt('acceptance', status);
    const result = applyStepAction(steps, 'acceptance', action, {
      actorSide: 'establishment',
      reason: reasonFor(action),
    });
    const step = needsReason(expected as OnboardingStepStatus)
      ? { id: 'acceptance', status: expected, reason: 'Attente du fournisseur' }
      : { id: 'acceptance', status: expected };
    expect(result).toEqual({
      ok: true,
      step,
      previous: steps[5],
      // Only the acted-on step changed.
      steps: steps.map(s => (s.id === 'acceptance' ? step : s)),
      ...(reasonFor(action) ? { reason: reasonFor(action) } : {}),
    });
    // No reason left behind on a step that is not blocked or skipped.
    expect(Object.keys(result.ok ? result.step : {}).sort()).toEqual(
      Object.keys(step).sort(),
    );
  });

  it.each(FORBIDDEN)('%s + %s → %s', (status, action, expected) => {
    expect(
      applyStepAction(stepsAt('acceptance', status), 'acceptance', action, {
        actorSide: 'establishment',
        reason: reasonFor(action),
      }),
    ).toEqual({
      ok: false,
      error: { code: 'invalid_transition', field: 'action', message: expected },
    });
  });

  it.each(ONBOARDING_STEP_STATUSES.map(s => [s]))(
    'never skips a mandatory step (go-live %s)',
    status => {
      expect(
        applyStepAction(stepsAt('go-live', status), 'go-live', 'skip', {
          actorSide: 'amue',
          reason: 'Pas besoin',
        }),
      ).toEqual({
        ok: false,
        error: {
          code: 'not_skippable',
          field: 'action',
          message:
            'step "go-live" cannot be skipped (only "data-migration", "acceptance", "training", "decommissioning" can be)',
        },
      });
    },
  );

  it.each(
    ONBOARDING_STEPS.filter(s => !s.skippable).map(
      s => [s.id, s.side] as const,
    ),
  )('refuses to skip %s', (id, side) => {
    const result = applyStepAction(stepsAt(id, 'todo'), id, 'skip', {
      actorSide: side,
      reason: 'Pas besoin',
    });
    expect(!result.ok && result.error.code).toBe('not_skippable');
  });

  it.each(
    ONBOARDING_STEPS.filter(s => s.skippable).map(s => [s.id, s.side] as const),
  )('skips %s with a reason', (id, side) => {
    const result = applyStepAction(stepsAt(id, 'todo'), id, 'skip', {
      actorSide: side,
      reason: 'Pas besoin',
    });
    expect(result.ok && result.step).toEqual({
      id,
      status: 'skipped',
      reason: 'Pas besoin',
    });
  });

  it('keeps the other fields of the step and does not change its input', () => {
    const steps = stepsAt('identity', 'todo').map(s => ({
      ...s,
      version: 3,
      dueDate: '2026-03-01',
    }));
    const before = JSON.parse(JSON.stringify(steps));
    const result = applyStepAction(steps, 'identity', 'block', {
      actorSide: 'establishment',
      reason: '  Métadonnées SAML attendues  ',
    });
    expect(steps).toEqual(before);
    expect(result).toEqual({
      ok: true,
      steps: expect.any(Array),
      previous: steps[3],
      reason: 'Métadonnées SAML attendues',
      step: {
        id: 'identity',
        status: 'blocked',
        reason: 'Métadonnées SAML attendues',
        version: 3,
        dueDate: '2026-03-01',
      },
    });
    expect(result.ok && result.steps).not.toBe(steps);
  });

  it('drops the reason when the step leaves blocked or skipped', () => {
    const steps = stepsAt('identity', 'blocked');
    const result = applyStepAction(steps, 'identity', 'unblock', {
      actorSide: 'establishment',
      reason: 'Métadonnées reçues',
    });
    expect(result.ok && result.step).toEqual({
      id: 'identity',
      status: 'in_progress',
    });
    expect(result.ok && result.reason).toBe('Métadonnées reçues');
    const reopened = applyStepAction(
      stepsAt('data-migration', 'skipped'),
      'data-migration',
      'reopen',
      { actorSide: 'amue', reason: null },
    );
    expect(reopened.ok && reopened.step).toEqual({
      id: 'data-migration',
      status: 'in_progress',
    });
    expect(reopened.ok && 'reason' in reopened).toBe(false);
  });
});

describe('reasons', () => {
  const block = (reason: unknown, action: OnboardingAction = 'block') =>
    applyStepAction(stepsAt('identity', 'in_progress'), 'identity', action, {
      actorSide: 'establishment',
      reason: reason as string,
    });

  it.each([
    ['block', undefined],
    ['block', null],
    ['skip', undefined],
  ] as const)('are required to %s (%s)', (action, reason) => {
    const steps = stepsAt('acceptance', 'in_progress');
    expect(
      applyStepAction(steps, 'acceptance', action, {
        actorSide: 'establishment',
        reason,
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'reason_required',
        field: 'reason',
        message: `reason is required to ${action} step "acceptance"`,
      },
    });
  });

  it.each([[''], ['   '], ['\n\t ']])('must not be blank (%j)', reason => {
    expect(block(reason)).toEqual({
      ok: false,
      error: {
        code: 'reason_required',
        field: 'reason',
        message: 'reason to block step "identity" must not be blank',
      },
    });
  });

  it('must be a string', () => {
    expect(block(42)).toEqual({
      ok: false,
      error: {
        code: 'reason_invalid',
        field: 'reason',
        message: 'reason to block step "identity" must be a string',
      },
    });
  });

  it('are at most 2000 characters once trimmed', () => {
    expect(ONBOARDING_REASON_MAX_LENGTH).toBe(2000);
    expect(block(`  ${'a'.repeat(2000)}  `).ok).toBe(true);
    expect(block('é'.repeat(2000)).ok).toBe(true);
    // Counted in Unicode characters, as JSON Schema's maxLength does.
    expect(block('😀'.repeat(2000)).ok).toBe(true);
    expect(block('a'.repeat(2001))).toEqual({
      ok: false,
      error: {
        code: 'reason_too_long',
        field: 'reason',
        message:
          'reason to block step "identity" must be at most 2000 characters (got 2001)',
      },
    });
    expect(block('😀'.repeat(2001))).toMatchObject({
      ok: false,
      error: { code: 'reason_too_long' },
    });
  });

  it('are optional for the other actions but checked when given', () => {
    expect(block(undefined, 'complete').ok).toBe(true);
    expect(block('   ', 'complete')).toMatchObject({ ok: true });
    expect(block('   ', 'complete')).not.toHaveProperty('reason');
    expect(block('a'.repeat(2001), 'complete')).toEqual({
      ok: false,
      error: {
        code: 'reason_too_long',
        field: 'reason',
        message:
          'reason to complete step "identity" must be at most 2000 characters (got 2001)',
      },
    });
  });
});

describe('sides', () => {
  it.each(ONBOARDING_STEPS.map(s => [s.id, s.side] as const))(
    '%s is acted on by %s only',
    (id, side) => {
      const other: OnboardingSide = side === 'amue' ? 'establishment' : 'amue';
      const steps = stepsAt(id, 'todo');
      expect(applyStepAction(steps, id, 'start', { actorSide: side }).ok).toBe(
        true,
      );
      expect(applyStepAction(steps, id, 'start', { actorSide: 'any' }).ok).toBe(
        true,
      );
      expect(
        applyStepAction(steps, id, 'start', { actorSide: other }),
      ).toMatchObject({
        ok: false,
        error: { code: 'wrong_side', field: 'actorSide' },
      });
    },
  );

  it('names the step and the sides', () => {
    expect(
      applyStepAction(stepsAt('acceptance', 'todo'), 'acceptance', 'start', {
        actorSide: 'amue',
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'wrong_side',
        field: 'actorSide',
        message:
          'step "acceptance" is acted on by the establishment, not by Amue',
      },
    });
    expect(
      applyStepAction(stepsAt('go-live', 'todo'), 'go-live', 'start', {
        actorSide: 'establishment',
      }),
    ).toMatchObject({
      error: {
        message: 'step "go-live" is acted on by Amue, not by the establishment',
      },
    });
  });

  it('refuses an unknown side', () => {
    expect(
      applyStepAction(stepsAt('go-live', 'todo'), 'go-live', 'start', {
        actorSide: 'admin' as OnboardingActorSide,
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'unknown_actor_side',
        field: 'actorSide',
        message:
          'actorSide must be one of amue, establishment, any (got "admin")',
      },
    });
  });
});

describe('bad input', () => {
  const steps = initialSteps({ migration: true });

  it('names an unknown step', () => {
    expect(
      applyStepAction(steps, 'golive' as OnboardingStepId, 'start', {
        actorSide: 'any',
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'unknown_step',
        field: 'stepId',
        message:
          '"golive" is not an onboarding step: expected one of request, qualification, provisioning, identity, data-migration, acceptance, training, go-live, decommissioning',
      },
    });
  });

  it('names an unknown action', () => {
    expect(
      applyStepAction(steps, 'qualification', 'approve' as OnboardingAction, {
        actorSide: 'any',
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'unknown_action',
        field: 'action',
        message:
          '"approve" is not an onboarding action: expected one of start, complete, block, unblock, skip, reopen',
      },
    });
    expect(
      applyStepAction(steps, 'qualification', 'toString' as OnboardingAction, {
        actorSide: 'any',
      }),
    ).toMatchObject({ ok: false, error: { code: 'unknown_action' } });
  });

  it('names a step missing from the tenant', () => {
    expect(
      applyStepAction(
        steps.filter(s => s.id !== 'qualification'),
        'qualification',
        'start',
        { actorSide: 'amue' },
      ),
    ).toEqual({
      ok: false,
      error: {
        code: 'step_not_found',
        field: 'stepId',
        message: `step "qualification" is not among the tenant's steps`,
      },
    });
  });
});

describe('prerequisites', () => {
  const act = (
    steps: OnboardingStepState[],
    id: OnboardingStepId,
    action: OnboardingAction,
  ) =>
    applyStepAction(steps, id, action, {
      actorSide: 'any',
      reason: reasonFor(action),
    });
  const prerequisite = (message: string) => ({
    ok: false,
    error: { code: 'prerequisite', field: 'action', message },
  });

  it.each(['todo', 'in_progress', 'blocked'] as const)(
    'no go-live while acceptance is %s',
    acceptance => {
      const steps = stepsAt('go-live', 'todo', { acceptance });
      expect(act(steps, 'go-live', 'start')).toEqual(
        prerequisite(
          'step "go-live" cannot be started before "acceptance" is done or skipped',
        ),
      );
      expect(unmetPrerequisite(steps, 'go-live')).toEqual({
        step: 'acceptance',
        rule: 'done-or-skipped-with-reason',
      });
    },
  );

  it('go-live after acceptance done, or skipped with a reason', () => {
    expect(act(stepsAt('go-live', 'todo'), 'go-live', 'start').ok).toBe(true);
    const skipped = stepsAt('go-live', 'todo', { acceptance: 'skipped' });
    expect(skipped[5].reason).toBe('raison acceptance');
    expect(act(skipped, 'go-live', 'start').ok).toBe(true);
  });

  it('no go-live when acceptance was skipped without a reason', () => {
    const steps = stepsAt('go-live', 'in_progress').map(s =>
      s.id === 'acceptance' ? { id: s.id, status: 'skipped' as const } : s,
    );
    expect(act(steps, 'go-live', 'complete')).toEqual(
      prerequisite(
        'step "go-live" cannot be completed before "acceptance" is done or skipped with a reason',
      ),
    );
    // Other steps only need the previous ones done or skipped.
    const training = stepsAt('training', 'todo').map(s =>
      s.id === 'data-migration' ? { id: s.id, status: 'skipped' as const } : s,
    );
    expect(act(training, 'training', 'start').ok).toBe(true);
  });

  it.each(['todo', 'in_progress', 'blocked'] as const)(
    'no provisioning while qualification is %s',
    qualification => {
      const steps = stepsAt('provisioning', 'todo', { qualification });
      expect(act(steps, 'provisioning', 'start')).toEqual(
        prerequisite(
          'step "provisioning" cannot be started before "qualification" is done (the request must be approved)',
        ),
      );
    },
  );

  it('no provisioning on a skipped qualification (the request is not approved)', () => {
    const steps = stepsAt('provisioning', 'todo', {
      qualification: 'skipped',
    });
    expect(act(steps, 'provisioning', 'start')).toMatchObject(
      prerequisite(
        'step "provisioning" cannot be started before "qualification" is done (the request must be approved)',
      ),
    );
    expect(
      act(stepsAt('provisioning', 'todo'), 'provisioning', 'start').ok,
    ).toBe(true);
  });

  it('each step waits for the first unfinished step before it', () => {
    const steps = initialSteps({ migration: false });
    expect(act(steps, 'qualification', 'start').ok).toBe(true);
    expect(act(steps, 'identity', 'start')).toEqual(
      prerequisite(
        'step "identity" cannot be started before "qualification" is done or skipped',
      ),
    );
    expect(act(steps, 'decommissioning', 'start')).toEqual(
      prerequisite(
        'step "decommissioning" cannot be started before "qualification" is done or skipped',
      ),
    );
    expect(
      act(
        stepsAt('training', 'todo', { identity: 'in_progress' }),
        'training',
        'start',
      ),
    ).toEqual(
      prerequisite(
        'step "training" cannot be started before "identity" is done or skipped',
      ),
    );
  });

  it('applies to every action that puts a step in progress or done', () => {
    const acceptanceReopened = { acceptance: 'in_progress' } as const;
    const message = (verb: string) =>
      prerequisite(
        `step "go-live" cannot be ${verb} before "acceptance" is done or skipped`,
      );
    expect(
      act(
        stepsAt('go-live', 'in_progress', acceptanceReopened),
        'go-live',
        'complete',
      ),
    ).toEqual(message('completed'));
    expect(
      act(
        stepsAt('go-live', 'blocked', acceptanceReopened),
        'go-live',
        'unblock',
      ),
    ).toEqual(message('unblocked'));
    expect(
      act(stepsAt('go-live', 'done', acceptanceReopened), 'go-live', 'reopen'),
    ).toEqual(message('reopened'));
  });

  it('holds back blocking and skipping a step whose turn has not come', () => {
    const steps = initialSteps({ migration: true });
    for (const [id, action] of [
      ['go-live', 'block'],
      ['acceptance', 'skip'],
      ['data-migration', 'skip'],
      ['provisioning', 'block'],
    ] as const) {
      const result = act(steps, id, action);
      expect(result.ok ? 'ok' : result.error.code).toBe('prerequisite');
    }
    // Its turn come (every step before it settled), a step not started
    // can be blocked or skipped.
    expect(act(stepsAt('go-live', 'todo'), 'go-live', 'block').ok).toBe(true);
    expect(act(stepsAt('acceptance', 'todo'), 'acceptance', 'skip').ok).toBe(
      true,
    );
    // A step already started can be blocked or skipped whatever the others.
    expect(
      act(withStatus(steps, 'acceptance', 'in_progress'), 'acceptance', 'skip')
        .ok,
    ).toBe(true);
  });

  it('an optional step is nobody’s prerequisite', () => {
    expect(ONBOARDING_STEPS.filter(s => s.optional).map(s => s.id)).toEqual([
      'decommissioning',
    ]);
    expect(
      unmetPrerequisite(stepsAt('decommissioning', 'todo'), 'decommissioning'),
    ).toBeUndefined();
  });
});

/**
 * The buttons of a step, written out by hand from the rules of the user
 * guide (docs/guide-utilisateur.md, "Suivre une instance": who acts on
 * which step, which steps may be skipped, a reason to block or skip) and of
 * docs/decisions.md ("Onboarding service": prerequisites). One string per
 * status, in the order todo, in_progress, done, blocked, skipped; the
 * actions in the order the page shows them.
 */
type Buttons = [string, string, string, string, string];
const STATUS_ORDER: OnboardingStepStatus[] = [
  'todo',
  'in_progress',
  'done',
  'blocked',
  'skipped',
];

/** Every step before it done: only the step's own status matters. */
const BUTTONS_PREVIOUS_DONE: Record<OnboardingStepId, Buttons> = {
  request: ['start block', 'complete block', 'reopen', 'unblock', 'reopen'],
  qualification: [
    'start block',
    'complete block',
    'reopen',
    'unblock',
    'reopen',
  ],
  provisioning: [
    'start block',
    'complete block',
    'reopen',
    'unblock',
    'reopen',
  ],
  identity: ['start block', 'complete block', 'reopen', 'unblock', 'reopen'],
  'data-migration': [
    'start block skip',
    'complete block skip',
    'reopen',
    'unblock skip',
    'reopen',
  ],
  acceptance: [
    'start block skip',
    'complete block skip',
    'reopen',
    'unblock skip',
    'reopen',
  ],
  training: [
    'start block skip',
    'complete block skip',
    'reopen',
    'unblock skip',
    'reopen',
  ],
  'go-live': ['start block', 'complete block', 'reopen', 'unblock', 'reopen'],
  decommissioning: [
    'start block skip',
    'complete block skip',
    'reopen',
    'unblock skip',
    'reopen',
  ],
};

/**
 * A new tenant with a migration (request done, qualification todo): from
 * provisioning on, nothing can be put in progress or done, and a step not
 * started cannot be blocked or skipped before its turn (issue 15: no
 * "Bloquer / Passer" on the steps to come); a started one can.
 */
const BUTTONS_NEW_TENANT: Record<OnboardingStepId, Buttons> = {
  request: ['start block', 'complete block', 'reopen', 'unblock', 'reopen'],
  qualification: [
    'start block',
    'complete block',
    'reopen',
    'unblock',
    'reopen',
  ],
  provisioning: ['', 'block', '', '', ''],
  identity: ['', 'block', '', '', ''],
  'data-migration': ['', 'block skip', '', 'skip', ''],
  acceptance: ['', 'block skip', '', 'skip', ''],
  training: ['', 'block skip', '', 'skip', ''],
  'go-live': ['', 'block', '', '', ''],
  decommissioning: ['', 'block skip', '', 'skip', ''],
};

/**
 * Every previous step done but acceptance skipped without a reason: only
 * go-live is held back (it needs acceptance done or skipped with a
 * reason); the steps around it only need acceptance done or skipped.
 */
const BUTTONS_ACCEPTANCE_SKIPPED_WITHOUT_REASON: Partial<
  Record<OnboardingStepId, Buttons>
> = {
  training: [
    'start block skip',
    'complete block skip',
    'reopen',
    'unblock skip',
    'reopen',
  ],
  'go-live': ['', 'block', '', '', ''],
  decommissioning: [
    'start block skip',
    'complete block skip',
    'reopen',
    'unblock skip',
    'reopen',
  ],
};

/** The side of each step, from the user guide's table. */
const SIDE: Record<OnboardingStepId, OnboardingSide> = {
  request: 'establishment',
  qualification: 'amue',
  provisioning: 'amue',
  identity: 'establishment',
  'data-migration': 'amue',
  acceptance: 'establishment',
  training: 'amue',
  'go-live': 'amue',
  decommissioning: 'establishment',
};

function withStatus(
  steps: OnboardingStepState[],
  id: OnboardingStepId,
  status: OnboardingStepStatus,
): OnboardingStepState[] {
  return steps.map(s => {
    if (s.id !== id) return s;
    return needsReason(status)
      ? { id, status, reason: 'raison' }
      : { id, status };
  });
}

const CONTEXTS: {
  name: string;
  table: Partial<Record<OnboardingStepId, Buttons>>;
  steps: (
    id: OnboardingStepId,
    status: OnboardingStepStatus,
  ) => OnboardingStepState[];
}[] = [
  {
    name: 'previous steps done',
    table: BUTTONS_PREVIOUS_DONE,
    steps: (id, status) => stepsAt(id, status),
  },
  {
    name: 'new tenant',
    table: BUTTONS_NEW_TENANT,
    steps: (id, status) =>
      withStatus(initialSteps({ migration: true }), id, status),
  },
  {
    name: 'acceptance skipped without a reason',
    table: BUTTONS_ACCEPTANCE_SKIPPED_WITHOUT_REASON,
    steps: (id, status) =>
      stepsAt(id, status).map(s =>
        s.id === 'acceptance' ? { id: s.id, status: 'skipped' as const } : s,
      ),
  },
];

const BUTTON_CASES = CONTEXTS.flatMap(({ name, table, steps }) =>
  (Object.keys(table) as OnboardingStepId[]).flatMap(id =>
    STATUS_ORDER.map(
      (status, i) =>
        [
          name,
          id,
          status,
          steps(id, status),
          table[id]![i].split(' ').filter(Boolean),
        ] as const,
    ),
  ),
);

describe('allowedActions', () => {
  it('has a hand-written case for every step and status', () => {
    expect(BUTTON_CASES).toHaveLength(9 * 5 + 9 * 5 + 3 * 5);
  });

  it.each(BUTTON_CASES)(
    '%s: %s %s → the buttons of the table',
    (_context, id, status, steps, expected) => {
      expect(getStepStatus(steps, id)).toBe(status);
      const other: OnboardingSide =
        SIDE[id] === 'amue' ? 'establishment' : 'amue';
      expect(allowedActions(steps, id, { actorSide: SIDE[id] })).toEqual(
        expected,
      );
      expect(allowedActions(steps, id, { actorSide: 'any' })).toEqual(expected);
      // Without a side, the side is not checked.
      expect(allowedActions(steps, id)).toEqual(expected);
      // The other side never gets a button.
      expect(allowedActions(steps, id, { actorSide: other })).toEqual([]);
    },
  );

  it('shows the buttons of a new installation', () => {
    const steps = initialSteps({ migration: false });
    expect(
      allowedActions(steps, 'qualification', { actorSide: 'amue' }),
    ).toEqual(['start', 'block']);
    expect(
      allowedActions(steps, 'qualification', { actorSide: 'establishment' }),
    ).toEqual([]);
    // Reopening the skipped migration puts it in progress: not before
    // provisioning is done.
    expect(allowedActions(steps, 'data-migration')).toEqual([]);
    expect(
      allowedActions(
        steps.map(s =>
          ['qualification', 'provisioning', 'identity'].includes(s.id)
            ? { ...s, status: 'done' as const }
            : s,
        ),
        'data-migration',
      ),
    ).toEqual(['reopen']);
    expect(allowedActions(steps, 'acceptance')).toEqual([]);
    expect(allowedActions(steps, 'go-live')).toEqual([]);
    expect(allowedActions(steps, 'request')).toEqual(['reopen']);
    expect(allowedActions(steps, 'golive' as OnboardingStepId)).toEqual([]);
  });
});

/**
 * When several rules refuse an action, the first check in
 * {@link applyStepAction}'s order answers: step, action, side, presence of
 * the step, skippable, transition, reason, prerequisites. Written by hand:
 * (steps, step, action, side, reason) → the refusal code, or the new status.
 */
describe('the order of the checks', () => {
  const newTenant = initialSteps({ migration: true });
  const cases: [
    string,
    OnboardingStepState[],
    OnboardingStepId,
    OnboardingAction,
    OnboardingActorSide,
    unknown,
    string,
  ][] = [
    [
      'unknown step before a bad side',
      newTenant,
      'golive' as OnboardingStepId,
      'start',
      'nobody' as OnboardingActorSide,
      undefined,
      'unknown_step',
    ],
    [
      'unknown action before a bad side',
      newTenant,
      'go-live',
      'approve' as OnboardingAction,
      'nobody' as OnboardingActorSide,
      undefined,
      'unknown_action',
    ],
    [
      'the other side before a step missing from the tenant',
      newTenant.filter(s => s.id !== 'go-live'),
      'go-live',
      'start',
      'establishment',
      undefined,
      'wrong_side',
    ],
    [
      'a missing step before a mandatory step skipped',
      newTenant.filter(s => s.id !== 'go-live'),
      'go-live',
      'skip',
      'amue',
      'Pas besoin',
      'step_not_found',
    ],
    [
      'a mandatory step before its status',
      stepsAt('go-live', 'done'),
      'go-live',
      'skip',
      'amue',
      'Pas besoin',
      'not_skippable',
    ],
    [
      'the status before a missing reason',
      stepsAt('acceptance', 'done'),
      'acceptance',
      'block',
      'establishment',
      undefined,
      'invalid_transition',
    ],
    [
      'the reason before the prerequisites',
      newTenant,
      'go-live',
      'start',
      'amue',
      'a'.repeat(2001),
      'reason_too_long',
    ],
    [
      'a comment that is not a string, even on an allowed start',
      stepsAt('go-live', 'todo'),
      'go-live',
      'start',
      'amue',
      7,
      'reason_invalid',
    ],
    [
      'an administrator starts an establishment step',
      stepsAt('acceptance', 'todo'),
      'acceptance',
      'start',
      'any',
      undefined,
      'in_progress',
    ],
    [
      'an administrator is still held by the prerequisites',
      newTenant,
      'acceptance',
      'start',
      'any',
      undefined,
      'prerequisite',
    ],
    [
      'the establishment completes the request without prerequisite',
      withStatus(newTenant, 'request', 'in_progress'),
      'request',
      'complete',
      'establishment',
      undefined,
      'done',
    ],
    [
      'Amue cannot skip the migration before its turn',
      newTenant,
      'data-migration',
      'skip',
      'amue',
      ' Nouvelle installation ',
      'prerequisite',
    ],
    [
      'Amue skips the migration once its turn has come',
      stepsAt('data-migration', 'todo'),
      'data-migration',
      'skip',
      'amue',
      ' Nouvelle installation ',
      'skipped',
    ],
    [
      'Amue cannot block a step while blocked',
      stepsAt('training', 'blocked'),
      'training',
      'block',
      'amue',
      'Encore',
      'invalid_transition',
    ],
  ];

  it.each(cases)('%s', (_name, steps, id, action, actorSide, reason, code) => {
    const result = applyStepAction(steps, id, action, {
      actorSide,
      reason: reason as string,
    });
    expect(result.ok ? result.step.status : result.error.code).toBe(code);
  });
});

describe('edge cases of the rules', () => {
  const start = (steps: OnboardingStepState[], id: OnboardingStepId) =>
    applyStepAction(steps, id, 'start', { actorSide: 'any' });

  it('a blank reason on a skipped acceptance holds the go-live back', () => {
    const steps = stepsAt('go-live', 'todo').map(s =>
      s.id === 'acceptance'
        ? { id: s.id, status: 'skipped' as const, reason: '  \n ' }
        : s,
    );
    expect(start(steps, 'go-live')).toEqual({
      ok: false,
      error: {
        code: 'prerequisite',
        field: 'action',
        message:
          'step "go-live" cannot be started before "acceptance" is done or skipped with a reason',
      },
    });
  });

  it('a prerequisite missing from the steps counts as to do', () => {
    const steps = stepsAt('training', 'todo').filter(s => s.id !== 'identity');
    expect(getStepStatus(steps, 'identity')).toBe('todo');
    expect(unmetPrerequisite(steps, 'training')).toEqual({
      step: 'identity',
      rule: 'done-or-skipped',
    });
    expect(start(steps, 'training')).toMatchObject({
      ok: false,
      error: {
        message:
          'step "training" cannot be started before "identity" is done or skipped',
      },
    });
  });

  it('nothing is a prerequisite of the first step', () => {
    expect(unmetPrerequisite([], 'request')).toBeUndefined();
    expect(unmetPrerequisite([], 'qualification')).toEqual({
      step: 'request',
      rule: 'done-or-skipped',
    });
  });

  it('names a missing side', () => {
    for (const options of [{ actorSide: undefined }, undefined]) {
      expect(
        applyStepAction(
          stepsAt('go-live', 'todo'),
          'go-live',
          'start',
          options as unknown as { actorSide: OnboardingActorSide },
        ),
      ).toEqual({
        ok: false,
        error: {
          code: 'unknown_actor_side',
          field: 'actorSide',
          message:
            'actorSide must be one of amue, establishment, any (got undefined)',
        },
      });
    }
  });

  it('keeps the reason of a block and the comment of a start apart', () => {
    const started = applyStepAction(
      stepsAt('identity', 'todo'),
      'identity',
      'start',
      { actorSide: 'establishment', reason: '  Réunion de lancement  ' },
    );
    expect(started).toMatchObject({
      ok: true,
      step: { id: 'identity', status: 'in_progress' },
      reason: 'Réunion de lancement',
    });
    expect(started.ok && 'reason' in started.step).toBe(false);
  });
});
