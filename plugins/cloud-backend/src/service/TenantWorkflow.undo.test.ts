import { TenantDetails } from '../database/TenantStore';
import { CreateTenantInput } from './TenantOperations';
import {
  DatabaseTenantStore,
  requestGroupOf,
} from '../database/DatabaseTenantStore';
import { TenantWorkflow } from './TenantWorkflow';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError, InputError } from '@backstage/errors';

jest.setTimeout(60_000);

const ACTOR = 'user:default/sophie.martin';
const UAI = '0333298F';

function input(overrides: Partial<CreateTenantInput> = {}): CreateTenantInput {
  return {
    application: 'sifac',
    uai: UAI,
    environment: 'production',
    version: '2025.1',
    request: { migration: true },
    ...overrides,
  };
}

function qualification(tenant: TenantDetails) {
  return tenant.steps.find(s => s.id === 'qualification')!;
}

describe('requestGroupOf', () => {
  it('groups the keys that differ only by their environment', () => {
    const test = requestGroupOf('scaffolder:task-1:request:test', 'test');
    const production = requestGroupOf(
      'scaffolder:task-1:request:production',
      'production',
    );
    expect(test).toMatch(/^[0-9a-f]{20}$/);
    expect(test).toBe(production);
    expect(requestGroupOf('scaffolder:task-2:request:test', 'test')).not.toBe(
      test,
    );
    // Opaque: the task id does not show.
    expect(test).not.toContain('task-1');
  });

  it('gives no group to a key without the environment suffix, or no key', () => {
    expect(requestGroupOf('k1', 'production')).toBeUndefined();
    expect(requestGroupOf(':production', 'production')).toBeUndefined();
    expect(requestGroupOf(null, 'production')).toBeUndefined();
    expect(requestGroupOf(undefined, 'test')).toBeUndefined();
  });
});

describe('TenantWorkflow.undoDecision', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = new TenantWorkflow(
      await DatabaseTenantStore.create({
        database: { getClient: async () => knex },
      }),
    );
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'shows the request group of the tenants of one submission, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const { tenant: test } = await store.createTenant(
        input({ environment: 'test' }),
        { actor: ACTOR, idempotencyKey: 'scaffolder:t1:request:test' },
      );
      const { tenant: production } = await store.createTenant(input(), {
        actor: ACTOR,
        idempotencyKey: 'scaffolder:t1:request:production',
      });
      const { tenant: alone } = await store.createTenant(
        input({ application: 'siham' }),
        { actor: ACTOR },
      );
      expect(test.requestGroup).toBeDefined();
      expect(production.requestGroup).toBe(test.requestGroup);
      expect(alone.requestGroup).toBeUndefined();
      const page = await store.listTenants({});
      expect(
        page.items.filter(t => t.requestGroup === test.requestGroup).length,
      ).toBe(2);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'undoes an approval: qualification as before, clocks stopped, logged, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const { tenant } = await store.createTenant(input(), { actor: ACTOR });
      const before = qualification(tenant);
      const approved = await store.decideRequest(tenant.id, 'approve', {
        actor: ACTOR,
        expectedVersion: before.rowVersion,
      });
      expect(approved.status).toBe('provisioning');
      expect(
        approved.steps.find(s => s.id === 'provisioning')!.dueDate,
      ).not.toBeNull();

      const { tenant: undone, decision } = await store.undoDecision(tenant.id, {
        actor: ACTOR,
        expectedVersion: qualification(approved).rowVersion,
      });
      expect(decision).toBe('approve');
      expect(undone.status).toBe('requested');
      expect(undone.currentStep).toBe('qualification');
      expect(qualification(undone)).toMatchObject({
        status: before.status,
        reason: null,
        rowVersion: qualification(approved).rowVersion + 1,
      });
      expect(undone.steps.find(s => s.id === 'provisioning')!.dueDate).toBe(
        null,
      );
      const events = await store.listEvents(tenant.id);
      expect(events.map(e => e.type)).toEqual([
        'request.created',
        'request.approved',
        'request.decision-undone',
      ]);
      expect(events[2]).toMatchObject({
        actor: ACTOR,
        stepId: 'qualification',
        after: { status: before.status, undone: 'request.approved' },
      });
      // Nothing left to undo.
      await expect(
        store.undoDecision(tenant.id, {
          actor: ACTOR,
          expectedVersion: qualification(undone).rowVersion,
        }),
      ).rejects.toThrow(InputError);
      // It can be decided again.
      const again = await store.decideRequest(tenant.id, 'approve', {
        actor: ACTOR,
        expectedVersion: qualification(undone).rowVersion,
      });
      expect(qualification(again).status).toBe('done');
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'undoes a rejection: the tenant open again, the block and its reason gone, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const { tenant } = await store.createTenant(input(), { actor: ACTOR });
      const rejected = await store.decideRequest(tenant.id, 'reject', {
        actor: ACTOR,
        reason: 'hors périmètre',
        expectedVersion: qualification(tenant).rowVersion,
      });
      expect(rejected.decommissioned).toBe(true);
      const { tenant: undone, decision } = await store.undoDecision(tenant.id, {
        actor: ACTOR,
        expectedVersion: qualification(rejected).rowVersion,
      });
      expect(decision).toBe('reject');
      expect(undone.decommissioned).toBe(false);
      expect(undone.status).toBe('requested');
      expect(qualification(undone)).toMatchObject({
        status: qualification(tenant).status,
        reason: null,
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses to undo once the onboarding went on, or with a stale version, and writes nothing, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const { tenant } = await store.createTenant(input(), { actor: ACTOR });
      await expect(
        store.undoDecision(tenant.id, {
          actor: ACTOR,
          expectedVersion: qualification(tenant).rowVersion,
        }),
      ).rejects.toThrow(/no decision to undo/);
      const approved = await store.decideRequest(tenant.id, 'approve', {
        actor: ACTOR,
        expectedVersion: qualification(tenant).rowVersion,
      });
      await expect(
        store.undoDecision(tenant.id, {
          actor: ACTOR,
          expectedVersion: qualification(approved).rowVersion - 1,
        }),
      ).rejects.toThrow(ConflictError);
      // A comment does not prevent the undo; a started step does.
      await store.addComment(tenant.id, 'Merci', { actor: ACTOR });
      const provisioning = approved.steps.find(s => s.id === 'provisioning')!;
      await store.applyStepAction(tenant.id, 'provisioning', 'start', {
        actor: ACTOR,
        actorSide: 'amue',
        expectedVersion: provisioning.rowVersion,
      });
      const events = await knex('cloud_events').count({ n: '*' });
      const undo = store.undoDecision(tenant.id, {
        actor: ACTOR,
        expectedVersion: qualification(approved).rowVersion,
      });
      await expect(undo).rejects.toThrow(ConflictError);
      await expect(undo).rejects.toThrow(/step.started/);
      expect(await knex('cloud_events').count({ n: '*' })).toEqual(events);
      const now = await store.getTenant(tenant.id);
      expect(qualification(now!).status).toBe('done');
      await knex.destroy();
    },
  );
});
