import { resolveStepTargetDays } from '@amue/plugin-cloud-common';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError, InputError } from '@backstage/errors';
import { Knex } from 'knex';
import { DatabaseTenantStore } from '../database/DatabaseTenantStore';
import { TenantWorkflow } from './TenantWorkflow';
import { CreateTenantInput } from './TenantOperations';

jest.setTimeout(60_000);

const ACTOR = 'user:default/sophie.bernard';
const DAY = 24 * 60 * 60 * 1000;

function input(migration = true): CreateTenantInput {
  return {
    application: 'sifac',
    uai: '0333298F',
    environment: 'production',
    version: '2026.1',
    request: { migration },
  };
}

describe('TenantWorkflow due dates', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex: Knex = await databases.init(databaseId);
    let now = new Date('2026-12-01T09:00:00.000Z');
    const store = new TenantWorkflow(
      await DatabaseTenantStore.create({
        database: { getClient: async () => knex },
        clock: () => now,
      }),
    );
    return {
      knex,
      store,
      advance: (days: number) => {
        now = new Date(now.getTime() + days * DAY);
        return now;
      },
    };
  }

  it.each(databases.eachSupportedId())(
    'gives each step a due date when its clock starts, %p',
    async databaseId => {
      const { store, advance } = await createStore(databaseId);
      const targetDays = resolveStepTargetDays(
        { qualification: 5 },
        { provisioning: 12 },
      );
      const { tenant } = await store.createTenant(input(), {
        actor: ACTOR,
        targetDays,
      });
      const due = (t: typeof tenant, id: string) =>
        t.steps.find(s => s.id === id)!.dueDate;
      // the request waits for its qualification from the start
      expect(due(tenant, 'qualification')).toBe('2026-12-06T09:00:00.000Z');
      expect(due(tenant, 'provisioning')).toBeNull();
      expect(due(tenant, 'request')).toBeNull();

      advance(2);
      const qualification = tenant.steps.find(s => s.id === 'qualification')!;
      const approved = await store.decideRequest(tenant.id, 'approve', {
        actor: ACTOR,
        expectedVersion: qualification.rowVersion,
        targetDays,
      });
      // the qualification keeps its due date; the provisioning starts now
      expect(due(approved, 'qualification')).toBe('2026-12-06T09:00:00.000Z');
      expect(due(approved, 'provisioning')).toBe('2026-12-15T09:00:00.000Z');

      advance(1);
      const provisioning = approved.steps.find(s => s.id === 'provisioning')!;
      const started = await store.applyStepAction(
        tenant.id,
        'provisioning',
        'start',
        {
          actor: ACTOR,
          actorSide: 'amue',
          expectedVersion: provisioning.rowVersion,
          targetDays,
        },
      );
      // starting a step whose clock already runs keeps its due date
      expect(due(started, 'provisioning')).toBe('2026-12-15T09:00:00.000Z');
      // starting a later step out of turn starts its own clock
      const training = started.steps.find(s => s.id === 'training')!;
      await expect(
        store.applyStepAction(tenant.id, 'training', 'start', {
          actor: ACTOR,
          actorSide: 'amue',
          expectedVersion: training.rowVersion,
          targetDays,
        }),
      ).rejects.toThrow(InputError);
    },
  );

  it.each(databases.eachSupportedId())(
    'gives a reopened step a fresh due date, %p',
    async databaseId => {
      const { store, advance } = await createStore(databaseId);
      const { tenant } = await store.createTenant(input(), { actor: ACTOR });
      let current = await store.decideRequest(tenant.id, 'approve', {
        actor: ACTOR,
        expectedVersion: tenant.steps.find(s => s.id === 'qualification')!
          .rowVersion,
      });
      const act = async (
        id: 'provisioning',
        action: 'start' | 'complete' | 'reopen',
      ) => {
        const step = current.steps.find(s => s.id === id)!;
        current = await store.applyStepAction(tenant.id, id, action, {
          actor: ACTOR,
          actorSide: 'amue',
          expectedVersion: step.rowVersion,
          reason: action === 'reopen' ? 'redéploiement' : undefined,
        });
        return current;
      };
      await act('provisioning', 'start');
      const first = current.steps.find(s => s.id === 'provisioning')!.dueDate;
      expect(first).toBe('2026-12-11T09:00:00.000Z');
      await act('provisioning', 'complete');
      // identity (establishment) is now current: its clock started
      expect(current.steps.find(s => s.id === 'identity')!.dueDate).toBe(
        '2026-12-21T09:00:00.000Z',
      );
      advance(30);
      await act('provisioning', 'reopen');
      expect(current.steps.find(s => s.id === 'provisioning')!.dueDate).toBe(
        '2027-01-10T09:00:00.000Z',
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'moves a due date with a reason, in the timeline, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const { tenant } = await store.createTenant(input(), { actor: ACTOR });
      const step = tenant.steps.find(s => s.id === 'qualification')!;
      const moved = await store.setStepDueDate(tenant.id, 'qualification', {
        dueDate: new Date('2027-01-15T22:59:59.999Z'),
        reason: 'Convention en signature au conseil d’administration',
        actor: ACTOR,
        expectedVersion: step.rowVersion,
      });
      const after = moved.steps.find(s => s.id === 'qualification')!;
      expect(after).toMatchObject({
        dueDate: '2027-01-15T22:59:59.999Z',
        rowVersion: step.rowVersion + 1,
        updatedBy: ACTOR,
        status: 'todo',
      });
      const events = await store.listEvents(tenant.id);
      expect(events.at(-1)).toMatchObject({
        type: 'step.due-date-changed',
        stepId: 'qualification',
        actor: ACTOR,
        comment: 'Convention en signature au conseil d’administration',
        before: { dueDate: step.dueDate },
        after: { dueDate: '2027-01-15T22:59:59.999Z' },
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses to move a due date without a reason, when stale, settled or closed, and changes nothing, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const { tenant } = await store.createTenant(input(), { actor: ACTOR });
      const step = tenant.steps.find(s => s.id === 'qualification')!;
      const dueDate = new Date('2027-01-15T22:59:59.999Z');
      const before = await knex('cloud_onboarding_steps').orderBy('step_id');
      await expect(
        store.setStepDueDate(tenant.id, 'qualification', {
          dueDate,
          reason: '  ',
          actor: ACTOR,
          expectedVersion: step.rowVersion,
        }),
      ).rejects.toThrow(/reason/);
      await expect(
        store.setStepDueDate(tenant.id, 'qualification', {
          dueDate,
          reason: 'r',
          actor: ACTOR,
          expectedVersion: step.rowVersion + 1,
        }),
      ).rejects.toThrow(ConflictError);
      await expect(
        store.setStepDueDate(tenant.id, 'request', {
          dueDate,
          reason: 'r',
          actor: ACTOR,
          expectedVersion: 1,
        }),
      ).rejects.toThrow(
        'step "request" of tenant "sifac-0333298f-production" is done; only a step still to finish has a due date to move',
      );
      expect(await knex('cloud_onboarding_steps').orderBy('step_id')).toEqual(
        before,
      );
      await store.decideRequest(tenant.id, 'reject', {
        actor: ACTOR,
        expectedVersion: step.rowVersion,
        reason: 'hors périmètre',
      });
      await expect(
        store.setStepDueDate(tenant.id, 'provisioning', {
          dueDate,
          reason: 'r',
          actor: ACTOR,
          expectedVersion: 1,
        }),
      ).rejects.toThrow(ConflictError);
    },
  );
});
