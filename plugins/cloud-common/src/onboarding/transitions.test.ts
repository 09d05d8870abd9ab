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

  it('does not apply to block and skip', () => {
    const steps = initialSteps({ migration: true });
    expect(act(steps, 'go-live', 'block').ok).toBe(true);
    expect(act(steps, 'acceptance', 'skip').ok).toBe(true);
    expect(act(steps, 'data-migration', 'skip').ok).toBe(true);
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

describe('allowedActions', () => {
  const contexts: Record<
    string,
    (
      id: OnboardingStepId,
      status: OnboardingStepStatus,
    ) => OnboardingStepState[]
  > = {
    'previous steps done': (id, status) => stepsAt(id, status),
    'new tenant': (id, status) =>
      initialSteps({ migration: true }).map(s => {
        if (s.id !== id) return s;
        return needsReason(status)
          ? { id, status, reason: 'raison' }
          : { id, status };
      }),
    'acceptance skipped': (id, status) =>
      stepsAt(id, status, id === 'acceptance' ? {} : { acceptance: 'skipped' }),
  };
  const sides: (OnboardingActorSide | undefined)[] = [
    'amue',
    'establishment',
    'any',
    undefined,
  ];
  const cases = Object.keys(contexts).flatMap(context =>
    ONBOARDING_STEP_IDS.flatMap(id =>
      ONBOARDING_STEP_STATUSES.map(status => [context, id, status] as const),
    ),
  );

  it.each(cases)(
    'agrees with applyStepAction (%s, %s %s)',
    (context, id, status) => {
      const steps = contexts[context](id, status);
      expect(getStepStatus(steps, id)).toBe(status);
      for (const actorSide of sides) {
        const expected = ONBOARDING_ACTIONS.filter(
          action =>
            applyStepAction(steps, id, action, {
              actorSide: actorSide ?? 'any',
              reason: reasonFor(action),
            }).ok,
        );
        expect(allowedActions(steps, id, { actorSide })).toEqual(expected);
      }
    },
  );

  it('shows the buttons of a new tenant', () => {
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
    expect(allowedActions(steps, 'acceptance')).toEqual(['block', 'skip']);
    expect(allowedActions(steps, 'go-live')).toEqual(['block']);
    expect(allowedActions(steps, 'request')).toEqual(['reopen']);
    expect(allowedActions(steps, 'golive' as OnboardingStepId)).toEqual([]);
  });

  it('shows the buttons of a step in progress', () => {
    const steps = stepsAt('acceptance', 'in_progress');
    expect(allowedActions(steps, 'acceptance')).toEqual([
      'complete',
      'block',
      'skip',
    ]);
    expect(allowedActions(stepsAt('go-live', 'blocked'), 'go-live')).toEqual([
      'unblock',
    ]);
  });
});
