import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { Knex } from 'knex';
import { DatabaseTenantStore } from './DatabaseTenantStore';
import { NewTenant } from './TenantStore';

jest.setTimeout(60_000);

const ACTOR = 'user:default/alice';
const NOW = new Date('2026-03-02T09:00:00.000Z');

/*
 * The store on its own: persistence and database rules only (unique names
 * and idempotency keys, row versions, one transaction per change). What it
 * writes is given whole, as the service's rules compute it; the rules
 * themselves are tested through TenantWorkflow.
 */

function newTenant(name = 'sifac-0333298f-production'): NewTenant {
  return {
    name,
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
    request: { migration: true },
    steps: [
      { id: 'request', status: 'done', reason: null, dueDate: null },
      { id: 'qualification', status: 'todo', reason: null, dueDate: NOW },
    ],
    createdEvent: { name },
  };
}

async function counts(knex: Knex) {
  const count = async (table: string) =>
    Number((await knex(table).count({ n: '*' }))[0].n);
  return {
    tenants: await count('cloud_tenants'),
    steps: await count('cloud_onboarding_steps'),
    events: await count('cloud_events'),
  };
}

describe('DatabaseTenantStore (persistence)', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseTenantStore.create({
      database: { getClient: async () => knex },
      clock: () => NOW,
    });
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'inserts what it is given, once per name and idempotency key, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const fingerprint = { application: 'sifac', version: '2025.1' };
      const { tenant, created } = await store.insertTenant(newTenant(), {
        actor: ACTOR,
        idempotencyKey: 'k1',
        fingerprint,
        at: NOW,
      });
      expect(created).toBe(true);
      expect(tenant).toMatchObject({
        name: 'sifac-0333298f-production',
        status: 'requested',
        currentStep: 'qualification',
        rowVersion: 1,
        createdBy: ACTOR,
        createdAt: NOW.toISOString(),
        funding: { grantedEur: 0, paidEur: 0, rowVersion: 1 },
      });
      expect(tenant.steps.map(s => [s.id, s.status, s.dueDate])).toEqual([
        ['request', 'done', null],
        ['qualification', 'todo', NOW.toISOString()],
      ]);
      expect(await store.listEvents(tenant.id)).toEqual([
        expect.objectContaining({
          type: 'request.created',
          after: { name: tenant.name },
        }),
      ]);

      // the same key for the same request: the tenant it created
      const again = await store.insertTenant(newTenant(), {
        actor: ACTOR,
        idempotencyKey: 'k1',
        fingerprint,
        at: NOW,
      });
      expect(again).toEqual({ tenant, created: false });
      // the same key for another request, or the same name: 409
      await expect(
        store.insertTenant(newTenant(), {
          actor: ACTOR,
          idempotencyKey: 'k1',
          fingerprint: { ...fingerprint, version: '2026.1' },
          at: NOW,
        }),
      ).rejects.toThrow(/idempotency key "k1" .* version differ/);
      await expect(
        store.insertTenant(newTenant(), { actor: ACTOR, fingerprint, at: NOW }),
      ).rejects.toThrow(ConflictError);
      expect(await counts(knex)).toEqual({ tenants: 1, steps: 2, events: 1 });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'writes a change under its lock, all of it or nothing, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const { tenant } = await store.insertTenant(newTenant(), {
        actor: ACTOR,
        fingerprint: {},
        at: NOW,
      });
      const before = await counts(knex);

      // the decision throws: nothing is written
      await expect(
        store.updateTenant({ id: tenant.id }, ACTOR, () => {
          throw new Error('refused by the rule');
        }),
      ).rejects.toThrow('refused by the rule');
      // a stale step version (after the tenant row was written): nothing
      await expect(
        store.updateTenant({ id: tenant.id }, ACTOR, () => ({
          write: {
            tenant: { set: { status: 'onboarding' } },
            steps: [
              {
                id: 'qualification',
                expectedVersion: 7,
                set: { status: 'in_progress' },
              },
            ],
            events: [{ type: 'step.started', stepId: 'qualification' }],
          },
          result: undefined,
        })),
      ).rejects.toThrow(
        'step "qualification" of tenant "sifac-0333298f-production" was changed by someone else; reload it and try again',
      );
      // a stale tenant version
      await expect(
        store.updateTenant({ id: tenant.id }, ACTOR, () => ({
          write: { tenant: { expectedVersion: 2, set: { version: '2026.1' } } },
          result: undefined,
        })),
      ).rejects.toThrow(ConflictError);
      expect(await counts(knex)).toEqual(before);
      expect(await store.getTenant(tenant.id)).toEqual(tenant);

      await expect(
        store.updateTenant(
          { id: '00000000-0000-4000-8000-000000000000' },
          ACTOR,
          () => ({ result: undefined }),
        ),
      ).rejects.toThrow(NotFoundError);

      // a change: step, clock, tenant row and event in one transaction
      const { result, events } = await store.updateTenant(
        { name: tenant.name },
        ACTOR,
        current => ({
          write: {
            steps: [
              {
                id: 'qualification',
                expectedVersion: current.steps[1].rowVersion,
                set: { status: 'in_progress' },
              },
            ],
            clocks: [{ id: 'request', dueDate: null }],
            tenant: { set: { status: 'onboarding' } },
            events: [
              { type: 'step.started', stepId: 'qualification', comment: 'go' },
            ],
          },
          result: current.steps.map(s => s.rowVersion),
        }),
      );
      expect(result).toEqual([1, 1]);
      expect(events).toEqual([
        expect.objectContaining({
          type: 'step.started',
          actor: ACTOR,
          at: NOW.toISOString(),
          comment: 'go',
        }),
      ]);
      const after = (await store.getTenant(tenant.id))!;
      expect(after).toMatchObject({ status: 'onboarding', rowVersion: 2 });
      expect(after.steps[1]).toMatchObject({
        status: 'in_progress',
        rowVersion: 2,
        dueDate: NOW.toISOString(),
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'runs concurrent changes of a tenant one after the other, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const { tenant } = await store.insertTenant(newTenant(), {
        actor: ACTOR,
        fingerprint: {},
        at: NOW,
      });
      // Each change reads the funding row version and writes the next one:
      // under the lock the second sees the first's write, so neither fails.
      const bump = (grantedEur: number) =>
        store.updateTenant({ id: tenant.id }, ACTOR, current => ({
          write: {
            figures: {
              kind: 'funding' as const,
              values: { grantedEur, paidEur: 0 },
              expectedVersion: current.funding.rowVersion,
            },
          },
          result: current.funding.rowVersion,
        }));
      const seen = await Promise.all([bump(100), bump(200), bump(300)]);
      expect([...seen.map(s => s.result)].sort()).toEqual([1, 2, 3]);
      const { funding } = (await store.getTenant(tenant.id))!;
      expect(funding.rowVersion).toBe(4);
      await knex.destroy();
    },
  );
  it.each(databases.eachSupportedId())(
    'reads a tenant with its steps, figures and events as the table-by-table reads do, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const { tenant } = await store.insertTenant(newTenant(), {
        actor: ACTOR,
        idempotencyKey: 'k1',
        fingerprint: {},
        at: NOW,
      });
      // values of every kind the detail shows: a later event with a comment
      // and JSON before/after, figures recorded, a timestamp written by the
      // database with microseconds (PostgreSQL keeps them; the API shows
      // milliseconds, cut, as the table-by-table read did)
      const later = new Date('2026-03-03T10:30:00.000Z');
      await knex('cloud_events').insert({
        tenant_id: tenant.id,
        at: later,
        actor: 'user:default/bob',
        type: 'comment.added',
        step_id: 'qualification',
        comment: 'Données « migrées » ?',
        before: JSON.stringify({ status: 'todo', list: [1, 'two'] }),
        after: JSON.stringify(null),
      });
      await knex('cloud_funding')
        .where({ tenant_id: tenant.id })
        .update({ granted_eur: 12500, paid_eur: 300, row_version: 2 });
      const micro = '2026-03-04T08:15:42.123987Z';
      await knex('cloud_onboarding_steps')
        .where({ tenant_id: tenant.id, step_id: 'qualification' })
        .update({
          updated_at:
            knex.client.config.client === 'pg'
              ? knex.raw('?::timestamptz', [micro])
              : new Date(micro).getTime(),
        });

      await knex('cloud_tenants')
        .where({ id: tenant.id })
        .update({
          updated_at:
            knex.client.config.client === 'pg'
              ? knex.raw('?::timestamptz', ['2026-03-05T23:59:59.999999Z'])
              : new Date('2026-03-05T23:59:59.999Z').getTime(),
        });

      const read = await store.getTenantWithEvents(tenant.name);
      // the reads of each table, one after the other
      const row = await knex('cloud_tenants').where({ id: tenant.id }).first();
      const expected = {
        ...(await (store as any).details(knex, row)),
        events: await store.listEvents(tenant.id),
      };
      expect(read).toEqual(expected);
      expect(await store.getTenantWithEvents(tenant.id)).toEqual(expected);
      const { events, ...details } = expected;
      expect(await store.getTenant(tenant.name)).toEqual(details);
      expect(await store.getTenant(tenant.id.toUpperCase())).toEqual(details);
      // a page of the list: the same tenant, with its steps when asked
      const { steps, funding, training, ...listed } = details;
      expect(await store.listTenants({ limit: 5 })).toEqual({
        items: [listed],
        hasMore: false,
      });
      expect(await store.listTenants({ limit: 5, includeSteps: true })).toEqual(
        { items: [{ ...listed, steps }], hasMore: false },
      );
      expect(listed.updatedAt).toBe('2026-03-05T23:59:59.999Z');

      // and the values themselves
      expect(
        read!.events.map(e => [e.type, e.at, e.comment, e.before, e.after]),
      ).toEqual([
        [
          'request.created',
          NOW.toISOString(),
          null,
          null,
          { name: tenant.name },
        ],
        [
          'comment.added',
          later.toISOString(),
          'Données « migrées » ?',
          { status: 'todo', list: [1, 'two'] },
          null,
        ],
      ]);
      expect(read!.events[1].id).toBeGreaterThan(read!.events[0].id);
      expect(read!.funding).toMatchObject({
        grantedEur: 12500,
        paidEur: 300,
        rowVersion: 2,
      });
      expect(read!.training).toMatchObject({ sessionsHeld: 0, rowVersion: 1 });
      expect(read!.steps.map(s => [s.id, s.updatedAt, s.dueDate])).toEqual([
        ['request', NOW.toISOString(), null],
        ['qualification', '2026-03-04T08:15:42.123Z', NOW.toISOString()],
      ]);
      expect(read).toMatchObject({
        createdAt: NOW.toISOString(),
        request: { migration: true },
        rowVersion: 1,
        suspended: false,
      });
      expect(await store.getTenantWithEvents('sifac-0000000a-production')).toBe(
        undefined,
      );
      expect(await store.getTenantWithEvents('')).toBe(undefined);
      await knex.destroy();
    },
  );
});
