import { CreateTenantInput } from './TenantOperations';
import { DatabaseTenantStore } from '../database/DatabaseTenantStore';
import { TenantWorkflow } from './TenantWorkflow';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError, InputError } from '@backstage/errors';
import { Knex } from 'knex';

jest.setTimeout(60_000);

const ACTOR = 'user:default/alice';

// Valid UAI codes (7 digits and their check letter).
const UAI_A = '0333298F';
const UAI_B = '0331766R';

function input(overrides: Partial<CreateTenantInput> = {}): CreateTenantInput {
  return {
    application: 'sifac',
    uai: UAI_A,
    environment: 'production',
    version: '2025.1',
    request: {
      migration: true,
      wishedGoLiveDate: '2027-01-01',
      expectedUsers: 120,
      contacts: [{ name: 'Bob', email: 'bob@example.org' }],
    },
    ...overrides,
  };
}

async function snapshot(knex: Knex) {
  const [steps, events, tenants, funding] = await Promise.all([
    knex('cloud_onboarding_steps').orderBy(['tenant_id', 'step_id']),
    knex('cloud_events').orderBy('id'),
    knex('cloud_tenants').orderBy('id'),
    knex('cloud_funding').orderBy('tenant_id'),
  ]);
  return { steps, events, tenants, funding };
}

describe('TenantWorkflow on DatabaseTenantStore', () => {
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
    'creates a tenant with its steps and event, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const { tenant, created } = await store.createTenant(input(), {
        actor: ACTOR,
        idempotencyKey: 'k1',
      });
      expect(created).toBe(true);
      expect(tenant).toMatchObject({
        name: 'sifac-0333298f-production',
        establishment: 'etab-0333298f',
        uai: UAI_A,
        status: 'requested',
        currentStep: 'qualification',
        suspended: false,
        decommissioned: false,
        rowVersion: 1,
        createdBy: ACTOR,
        request: { migration: true, expectedUsers: 120 },
        funding: { grantedEur: 0, paidEur: 0, rowVersion: 1 },
        training: { sessionsHeld: 0, staffTrained: 0, rowVersion: 1 },
      });
      expect(tenant.steps.map(s => [s.id, s.status])).toEqual([
        ['request', 'done'],
        ['qualification', 'todo'],
        ['provisioning', 'todo'],
        ['identity', 'todo'],
        ['data-migration', 'todo'],
        ['acceptance', 'todo'],
        ['training', 'todo'],
        ['go-live', 'todo'],
        ['decommissioning', 'todo'],
      ]);
      expect(await store.getTenant(tenant.name)).toEqual(tenant);
      expect(await store.getTenant(tenant.id)).toEqual(tenant);
      expect(await store.getTenant('nope')).toBeUndefined();
      const events = await store.listEvents(tenant.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: 'request.created',
        actor: ACTOR,
        tenantId: tenant.id,
      });

      // a new installation skips data migration from the start
      const { tenant: fresh } = await store.createTenant(
        input({ environment: 'test', request: { migration: false } }),
        { actor: ACTOR },
      );
      expect(fresh.steps.find(s => s.id === 'data-migration')).toMatchObject({
        status: 'skipped',
        reason: 'Nouvelle installation',
      });
      await expect(
        store.createTenant(input({ uai: '0333298A' }), { actor: ACTOR }),
      ).rejects.toThrow(InputError);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'is idempotent and refuses a second tenant of the same name, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const [a, b] = await Promise.all([
        store.createTenant(input(), { actor: ACTOR, idempotencyKey: 'same' }),
        store.createTenant(input(), { actor: ACTOR, idempotencyKey: 'same' }),
      ]);
      const again = await store.createTenant(input(), {
        actor: ACTOR,
        idempotencyKey: 'same',
      });
      expect(a.tenant.id).toBe(b.tenant.id);
      expect(again.tenant.id).toBe(a.tenant.id);
      expect(
        [a.created, b.created, again.created].filter(Boolean),
      ).toHaveLength(1);
      const rows = await snapshot(knex);
      expect(rows.tenants).toHaveLength(1);
      expect(rows.steps).toHaveLength(9);
      expect(rows.events).toHaveLength(1);

      const conflict = store.createTenant(input(), {
        actor: ACTOR,
        idempotencyKey: 'other',
      });
      await expect(conflict).rejects.toThrow(ConflictError);
      await expect(conflict).rejects.toThrow(/sifac-0333298f-production/);
      await expect(
        store.createTenant(input(), { actor: ACTOR }),
      ).rejects.toThrow(ConflictError);
      expect(await snapshot(knex)).toEqual(rows);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'persists step changes with events, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const { tenant } = await store.createTenant(input(), { actor: ACTOR });
      const q = tenant.steps.find(s => s.id === 'qualification')!;
      let t = await store.applyStepAction(tenant.id, 'qualification', 'start', {
        actorSide: 'amue',
        actor: 'user:default/amue',
        expectedVersion: q.rowVersion,
        reason: '  dossier reçu ',
      });
      t = await store.applyStepAction(tenant.id, 'qualification', 'complete', {
        actorSide: 'any',
        actor: 'user:default/amue',
        expectedVersion: 2,
      });
      expect(t.status).toBe('provisioning');
      expect(t.currentStep).toBe('provisioning');
      expect(t.rowVersion).toBe(3);
      t = await store.applyStepAction(tenant.id, 'provisioning', 'block', {
        actorSide: 'amue',
        actor: 'user:default/amue',
        expectedVersion: 1,
        reason: 'waiting for DNS',
      });
      const provisioning = t.steps.find(s => s.id === 'provisioning')!;
      expect(provisioning).toMatchObject({
        status: 'blocked',
        reason: 'waiting for DNS',
        rowVersion: 2,
        updatedBy: 'user:default/amue',
      });
      expect(await store.getTenant(tenant.id)).toEqual(t);

      const events = await store.listEvents(tenant.id);
      expect(events.map(e => [e.type, e.stepId])).toEqual([
        ['request.created', 'request'],
        ['step.started', 'qualification'],
        ['step.completed', 'qualification'],
        ['step.blocked', 'provisioning'],
      ]);
      expect(events[1]).toMatchObject({
        comment: 'dossier reçu',
        before: { status: 'todo', rowVersion: 1 },
        after: { status: 'in_progress', rowVersion: 2 },
      });
      expect(events[3].after).toEqual({
        status: 'blocked',
        reason: 'waiting for DNS',
        rowVersion: 2,
      });

      const comment = await store.addComment(tenant.id, ' hello ', {
        actor: ACTOR,
        stepId: 'provisioning',
      });
      expect(comment).toMatchObject({
        type: 'comment.added',
        comment: 'hello',
      });
      const funding = await store.recordFunding(
        tenant.id,
        { grantedEur: 15000, paidEur: 5000 },
        { actor: ACTOR, expectedVersion: 1 },
      );
      expect(funding).toMatchObject({
        grantedEur: 15000,
        paidEur: 5000,
        rowVersion: 2,
      });
      await expect(
        store.recordFunding(
          tenant.id,
          { grantedEur: 1, paidEur: 1 },
          { actor: ACTOR, expectedVersion: 1 },
        ),
      ).rejects.toThrow(ConflictError);
      await expect(
        store.recordTraining(
          tenant.id,
          { sessionsHeld: -1, staffTrained: 1 },
          { actor: ACTOR, expectedVersion: 1 },
        ),
      ).rejects.toThrow(/sessionsHeld/);
      const training = await store.recordTraining(
        tenant.id,
        { sessionsHeld: 3, staffTrained: 42 },
        { actor: ACTOR, expectedVersion: 1 },
      );
      expect(training).toMatchObject({ sessionsHeld: 3, staffTrained: 42 });
      const all = await store.listEvents(tenant.id);
      expect(all.slice(4).map(e => e.type)).toEqual([
        'comment.added',
        'funding.recorded',
        'training.recorded',
      ]);
      expect(all[5]).toMatchObject({
        before: { grantedEur: 0, paidEur: 0, rowVersion: 1 },
        after: { grantedEur: 15000, paidEur: 5000, rowVersion: 2 },
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a stale version and an invalid transition without writing, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const { tenant } = await store.createTenant(input(), { actor: ACTOR });
      await store.applyStepAction(tenant.id, 'qualification', 'start', {
        actorSide: 'amue',
        actor: ACTOR,
        expectedVersion: 1,
      });
      const before = await snapshot(knex);

      const stale = store.applyStepAction(tenant.id, 'qualification', 'block', {
        actorSide: 'amue',
        actor: ACTOR,
        expectedVersion: 1,
        reason: 'late',
      });
      await expect(stale).rejects.toThrow(ConflictError);
      await expect(stale).rejects.toThrow(/changed by someone else/);
      expect(await snapshot(knex)).toEqual(before);

      // provisioning before the qualification is done
      await expect(
        store.applyStepAction(tenant.id, 'provisioning', 'start', {
          actorSide: 'amue',
          actor: ACTOR,
          expectedVersion: 1,
        }),
      ).rejects.toThrow(InputError);
      // block without a reason
      await expect(
        store.applyStepAction(tenant.id, 'qualification', 'block', {
          actorSide: 'amue',
          actor: ACTOR,
          expectedVersion: 2,
        }),
      ).rejects.toThrow(/reason is required/);
      // wrong side
      await expect(
        store.applyStepAction(tenant.id, 'qualification', 'complete', {
          actorSide: 'establishment',
          actor: ACTOR,
          expectedVersion: 2,
        }),
      ).rejects.toThrow(InputError);
      // a step that is not skippable
      await expect(
        store.applyStepAction(tenant.id, 'go-live', 'skip', {
          actorSide: 'amue',
          actor: ACTOR,
          expectedVersion: 1,
          reason: 'no',
        }),
      ).rejects.toThrow(/cannot be skipped/);
      expect(await snapshot(knex)).toEqual(before);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'lets exactly one of two concurrent changes succeed, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const { tenant } = await store.createTenant(input(), { actor: ACTOR });
      const results = await Promise.allSettled([
        store.applyStepAction(tenant.id, 'qualification', 'start', {
          actorSide: 'amue',
          actor: 'user:default/one',
          expectedVersion: 1,
        }),
        store.applyStepAction(tenant.id, 'qualification', 'block', {
          actorSide: 'amue',
          actor: 'user:default/two',
          expectedVersion: 1,
          reason: 'missing agreement',
        }),
      ]);
      const fulfilled = results.filter(r => r.status === 'fulfilled');
      const rejected = results.filter(
        (r): r is PromiseRejectedResult => r.status === 'rejected',
      );
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toBeInstanceOf(ConflictError);
      const t = await store.getTenant(tenant.id);
      expect(t!.steps.find(s => s.id === 'qualification')!.rowVersion).toBe(2);
      expect(await store.listEvents(tenant.id)).toHaveLength(2);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'pages through tenants created at the same instant without losing or repeating one, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const at = new Date('2026-03-02T08:00:00.000Z');
      const store = new TenantWorkflow(
        await DatabaseTenantStore.create({
          database: { getClient: async () => knex },
          clock: () => at,
        }),
      );
      const ids: string[] = [];
      for (const application of ['sifac', 'apogee', 'siham', 'sinaps']) {
        for (const environment of ['production', 'test'] as const) {
          const { tenant } = await store.createTenant(
            input({ application, environment }),
            { actor: ACTOR },
          );
          ids.push(tenant.id);
        }
      }
      for (const orderBy of [
        { field: 'createdAt', direction: 'asc' },
        { field: 'updatedAt', direction: 'desc' },
      ] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.listTenants({ limit: 3, cursor, orderBy });
          expect(page.items.every(t => t.createdAt === at.toISOString())).toBe(
            true,
          );
          seen.push(...page.items.map(t => t.id));
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor && pages < 10);
        // all equal on the column: the id decides, in the same direction
        const expected = [...ids].sort();
        if (orderBy.direction === 'desc') {
          expected.reverse();
        }
        expect(pages).toBe(3);
        expect(seen).toEqual(expected);
      }
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'lists tenants with filters and cursor pagination, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const names: string[] = [];
      for (const application of ['sifac', 'apogee', 'siham']) {
        for (const uai of [UAI_A, UAI_B]) {
          for (const environment of ['production', 'test'] as const) {
            const { tenant } = await store.createTenant(
              input({ application, uai, environment }),
              { actor: ACTOR },
            );
            names.push(tenant.name);
          }
        }
      }
      const blockedOne = (await store.getTenant('sifac-0331766r-production'))!;
      await store.applyStepAction(blockedOne.id, 'qualification', 'block', {
        actorSide: 'amue',
        actor: ACTOR,
        expectedVersion: 1,
        reason: 'agreement not signed',
      });
      const liveish = (await store.getTenant('apogee-0333298f-test'))!;
      await store.applyStepAction(liveish.id, 'qualification', 'start', {
        actorSide: 'amue',
        actor: ACTOR,
        expectedVersion: 1,
      });
      await store.applyStepAction(liveish.id, 'qualification', 'complete', {
        actorSide: 'amue',
        actor: ACTOR,
        expectedVersion: 2,
      });

      const all = await store.listTenants({ limit: 100 });
      expect(all.items.map(t => t.name)).toEqual([...names].sort());
      expect(all.nextCursor).toBeUndefined();

      const byEstablishment = await store.listTenants({
        filters: { establishment: ['etab-0331766r'] },
      });
      expect(byEstablishment.items).toHaveLength(6);
      expect(
        byEstablishment.items.every(t => t.establishment === 'etab-0331766r'),
      ).toBe(true);

      const combined = await store.listTenants({
        filters: {
          application: ['sifac', 'siham'],
          environment: ['production'],
          establishment: ['group:default/etab-0333298f'],
        },
      });
      expect(combined.items.map(t => t.name)).toEqual([
        'sifac-0333298f-production',
        'siham-0333298f-production',
      ]);

      const provisioning = await store.listTenants({
        filters: { status: ['provisioning'] },
      });
      expect(provisioning.items.map(t => t.name)).toEqual([
        'apogee-0333298f-test',
      ]);
      const atProvisioning = await store.listTenants({
        filters: { currentStep: 'provisioning' },
      });
      expect(atProvisioning.items.map(t => t.name)).toEqual([
        'apogee-0333298f-test',
      ]);
      const blocked = await store.listTenants({ filters: { blocked: true } });
      expect(blocked.items.map(t => t.name)).toEqual([
        'sifac-0331766r-production',
      ]);
      // Without asking, no steps; with includeSteps, each tenant's own, in
      // order, as its detail has them.
      expect(blocked.items[0].steps).toBeUndefined();
      const withSteps = await store.listTenants({
        filters: { establishment: ['etab-0331766r'] },
        includeSteps: true,
      });
      expect(withSteps.items).toHaveLength(6);
      for (const item of withSteps.items) {
        expect(item.steps).toEqual((await store.getTenant(item.id))!.steps);
      }
      expect(
        withSteps.items
          .find(t => t.name === 'sifac-0331766r-production')!
          .steps!.filter(step => step.status === 'blocked')
          .map(step => step.id),
      ).toHaveLength(1);
      const notBlocked = await store.listTenants({
        filters: { blocked: false },
      });
      expect(notBlocked.items).toHaveLength(11);

      // a condition added as a where clause (e.g. permissions)
      const conditioned = await store.listTenants({
        filters: { environment: ['test'] },
        condition: qb => qb.where('application', 'siham'),
      });
      expect(conditioned.items.map(t => t.name)).toEqual([
        'siham-0331766r-test',
        'siham-0333298f-test',
      ]);

      for (const orderBy of [
        { field: 'name', direction: 'asc' },
        { field: 'name', direction: 'desc' },
        { field: 'createdAt', direction: 'asc' },
        { field: 'updatedAt', direction: 'desc' },
      ] as const) {
        const seen: string[] = [];
        const keys: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await store.listTenants({ limit: 5, cursor, orderBy });
          seen.push(...page.items.map(t => t.name));
          keys.push(
            ...page.items.map(t =>
              orderBy.field === 'name' ? t.name : t[orderBy.field],
            ),
          );
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor && pages < 10);
        expect(pages).toBe(3);
        expect(seen).toHaveLength(12);
        expect(new Set(seen).size).toBe(12);
        const expected = [...names].sort();
        if (orderBy.direction === 'desc') {
          expected.reverse();
        }
        // each page continues the order of the previous one
        const sortedKeys = [...keys].sort();
        if (orderBy.direction === 'desc') {
          sortedKeys.reverse();
        }
        expect(keys).toEqual(sortedKeys);
        expect(orderBy.field === 'name' ? seen : [...seen].sort()).toEqual(
          orderBy.field === 'name' ? expected : [...names].sort(),
        );
      }

      const filteredPages = await store.listTenants({
        filters: { environment: ['test'] },
        limit: 4,
      });
      expect(filteredPages.items).toHaveLength(4);
      const rest = await store.listTenants({
        filters: { environment: ['test'] },
        limit: 4,
        cursor: filteredPages.nextCursor,
      });
      expect(rest.items).toHaveLength(2);
      expect(rest.nextCursor).toBeUndefined();

      await expect(
        store.listTenants({
          cursor: filteredPages.nextCursor,
          orderBy: { field: 'createdAt', direction: 'asc' },
        }),
      ).rejects.toThrow(/cursor/);
      await expect(store.listTenants({ cursor: 'garbage' })).rejects.toThrow(
        InputError,
      );
      await knex.destroy();
    },
  );
});
