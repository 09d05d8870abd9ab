import {
  DeploymentNotification,
  getStepDefinition,
  initialSteps,
  resolveStepTargetDays,
} from '@amue/plugin-cloud-common';
import { ConflictError, InputError } from '@backstage/errors';
import type {
  LockedTenant,
  Tenant,
  TenantEvent,
  TenantStep,
} from '../database/TenantStore';
import {
  deploymentChange,
  requestDecisionChange,
  stepActionChange,
  undoDecisionChange,
} from './onboarding';

/*
 * The rules without a database: each computes what a change writes from
 * the current state, or refuses it. (The same rules with the store, under
 * its lock: service/TenantWorkflow*.test.ts.)
 */

const NOW = new Date('2026-03-02T09:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const TARGET_DAYS = resolveStepTargetDays();

function locked(
  overrides: Partial<Tenant> = {},
  steps: Partial<Record<string, Partial<TenantStep>>> = {},
  extra: Partial<LockedTenant> = {},
): LockedTenant {
  return {
    tenant: {
      id: '6f1c1c1e-0000-4000-8000-000000000001',
      name: 'sifac-0333298f-production',
      application: 'sifac',
      establishment: 'etab-0333298f',
      uai: '0333298F',
      environment: 'production',
      version: '2025.1',
      status: 'requested',
      currentStep: 'qualification',
      url: null,
      ssoProtocol: null,
      ssoIdpEntityId: null,
      suspended: false,
      decommissioned: false,
      request: { migration: true },
      createdBy: 'user:default/alice',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      rowVersion: 1,
      ...overrides,
    },
    steps: initialSteps({ migration: true }).map(step => ({
      id: step.id,
      status: step.status,
      reason: step.reason ?? null,
      side: getStepDefinition(step.id).side,
      order: getStepDefinition(step.id).order,
      dueDate: null,
      updatedBy: 'user:default/alice',
      updatedAt: NOW.toISOString(),
      rowVersion: 1,
      ...steps[step.id],
    })),
    funding: {
      grantedEur: 0,
      paidEur: 0,
      updatedBy: 'user:default/alice',
      updatedAt: NOW.toISOString(),
      rowVersion: 1,
    },
    training: {
      sessionsHeld: 0,
      staffTrained: 0,
      updatedBy: 'user:default/alice',
      updatedAt: NOW.toISOString(),
      rowVersion: 1,
    },
    gitopsRevision: null,
    now: NOW,
    events: async () => [],
    isLaterCommit: async () => false,
    ...extra,
  };
}

describe('onboarding rules', () => {
  it('computes a step action: the step, the tenant row, the event and the clocks', () => {
    const write = stepActionChange(
      locked({}, { qualification: { status: 'in_progress', rowVersion: 3 } }),
      'qualification',
      'complete',
      { actorSide: 'amue', expectedVersion: 3, reason: ' ok ' },
    );
    expect(write).toEqual({
      steps: [
        {
          id: 'qualification',
          expectedVersion: 3,
          set: { status: 'done', reason: null },
        },
      ],
      tenant: { set: { status: 'provisioning', currentStep: 'provisioning' } },
      events: [
        {
          type: 'step.completed',
          stepId: 'qualification',
          comment: 'ok',
          before: { status: 'in_progress', reason: null, rowVersion: 3 },
          after: { status: 'done', reason: null, rowVersion: 4 },
        },
      ],
      // the provisioning's turn comes: its clock starts
      clocks: [
        {
          id: 'provisioning',
          dueDate: new Date(NOW.getTime() + TARGET_DAYS.provisioning * DAY),
        },
      ],
    });
  });

  it('refuses a stale version before the action, and a refused action', () => {
    const current = locked();
    expect(() =>
      stepActionChange(current, 'qualification', 'skip', {
        actorSide: 'amue',
        expectedVersion: 2,
      }),
    ).toThrow(
      new ConflictError(
        'step "qualification" of tenant "sifac-0333298f-production" was changed by someone else; reload it and try again',
      ),
    );
    expect(() =>
      stepActionChange(current, 'qualification', 'skip', {
        actorSide: 'amue',
        expectedVersion: 1,
      }),
    ).toThrow(InputError);
  });

  it('decides a request: approval in one decision, rejection with a reason on an open request only', () => {
    const approved = requestDecisionChange(locked(), 'approve', {
      expectedVersion: 1,
    });
    expect(approved.steps).toEqual([
      {
        id: 'qualification',
        expectedVersion: 1,
        set: { status: 'done', reason: null },
      },
    ]);
    expect(approved.tenant?.set).toMatchObject({ status: 'provisioning' });
    expect(approved.clocks?.map(c => c.id)).toEqual(['provisioning']);

    expect(() =>
      requestDecisionChange(locked(), 'reject', { expectedVersion: 1 }),
    ).toThrow('reason is required and must be a non-blank string');
    const rejected = requestDecisionChange(locked(), 'reject', {
      expectedVersion: 1,
      reason: 'Hors périmètre',
    });
    expect(rejected.tenant?.set).toEqual({
      status: 'decommissioned',
      currentStep: 'qualification',
      decommissioned: true,
    });
    expect(rejected.clocks).toEqual([]);
    expect(() =>
      requestDecisionChange(locked({ decommissioned: true }), 'approve', {
        expectedVersion: 1,
      }),
    ).toThrow(
      'the request of tenant "sifac-0333298f-production" is closed (rejected or decommissioned)',
    );
  });

  it('undoes a decision only while nothing but comments followed it', () => {
    const decision: TenantEvent = {
      id: 2,
      tenantId: '6f1c1c1e-0000-4000-8000-000000000001',
      at: NOW.toISOString(),
      actor: 'user:default/amue',
      type: 'request.approved',
      stepId: 'qualification',
      comment: null,
      before: { status: 'todo', reason: null, rowVersion: 1 },
      after: { status: 'done', reason: null, rowVersion: 2 },
    };
    const current = locked(
      { status: 'onboarding', currentStep: 'provisioning' },
      {
        qualification: { status: 'done', rowVersion: 2 },
        provisioning: { dueDate: NOW.toISOString() },
      },
    );
    const comment = { ...decision, id: 3, type: 'comment.added' as const };
    const { write, decision: undone } = undoDecisionChange(
      current,
      [decision, comment],
      2,
    );
    expect(undone).toBe('approve');
    expect(write.steps?.[0].set).toEqual({ status: 'todo', reason: null });
    // the clock the approval started stops again
    expect(write.clocks).toEqual([{ id: 'provisioning', dueDate: null }]);

    const started = { ...decision, id: 4, type: 'step.started' as const };
    expect(() =>
      undoDecisionChange(current, [decision, comment, started], 2),
    ).toThrow(
      /can no longer be undone: the onboarding went on since \(step.started\)/,
    );
    expect(() => undoDecisionChange(current, [], 2)).toThrow(
      'the request of tenant "sifac-0333298f-production" has no decision to undo',
    );
  });

  it('applies a deployment notification on the committed revision only, with a clean reason', async () => {
    const notification: DeploymentNotification = {
      app: 'sifac-0333298f-production',
      revision: 'abc1234',
      syncStatus: 'Synced',
      healthStatus: 'Degraded',
      message: 'pod\u0007 crash\u202e loop',
      url: null,
    };
    expect(
      (await deploymentChange(locked(), notification)).result,
    ).toMatchObject({
      applied: false,
      ignored: 'no commit of its descriptors is recorded',
    });
    const committed = locked(
      { status: 'onboarding' },
      {
        qualification: { status: 'done' },
        provisioning: { status: 'in_progress', rowVersion: 5 },
      },
      { gitopsRevision: 'abc1234' },
    );
    const { write, result } = await deploymentChange(committed, notification);
    expect(result).toEqual({
      applied: true,
      tenantId: committed.tenant.id,
      action: 'block',
      reason: 'pod  crash  loop',
    });
    expect(write?.steps).toEqual([
      {
        id: 'provisioning',
        expectedVersion: 5,
        set: { status: 'blocked', reason: 'pod  crash  loop' },
      },
    ]);
    expect(
      (
        await deploymentChange(committed, {
          ...notification,
          revision: 'fff0000',
        })
      ).result,
    ).toMatchObject({
      applied: false,
      ignored: expect.stringMatching(/neither the committed/),
    });
  });
});
