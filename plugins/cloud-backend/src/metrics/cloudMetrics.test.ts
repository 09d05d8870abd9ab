import { TestDatabases } from '@backstage/backend-test-utils';
import {
  MetricsService,
  MetricsServiceObservableCallback,
} from '@backstage/backend-plugin-api/alpha';
import { DatabaseTenantStore } from '../database/DatabaseTenantStore';
import { TenantWorkflow } from '../service/TenantWorkflow';
import { readDecisionCounter, registerCloudMetrics } from './cloudMetrics';

jest.setTimeout(60_000);

type Observation = { value: number; attributes?: Record<string, unknown> };

/** A MetricsService that keeps the gauges' callbacks, to collect them. */
function collectingMetrics() {
  const callbacks = new Map<string, MetricsServiceObservableCallback[]>();
  const gauge = (name: string) => ({
    addCallback: (cb: MetricsServiceObservableCallback) =>
      callbacks.set(name, [...(callbacks.get(name) ?? []), cb]),
    removeCallback: () => {},
  });
  const metrics = {
    createObservableGauge: gauge,
  } as unknown as MetricsService;
  const collect = async () => {
    const out: Record<string, Observation[]> = {};
    for (const [name, cbs] of callbacks) {
      out[name] = [];
      for (const cb of cbs) {
        await cb({
          observe: (value: number, attributes?: Record<string, unknown>) =>
            out[name].push({ value, attributes }),
        } as any);
      }
    }
    return out;
  };
  return { metrics, collect };
}

describe('registerCloudMetrics', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'reports tenants per status, waiting requests and blocked steps, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = new TenantWorkflow(
        await DatabaseTenantStore.create({
          database: { getClient: async () => knex },
        }),
      );
      const { metrics, collect } = collectingMetrics();
      await registerCloudMetrics({
        metrics,
        database: { getClient: async () => knex },
      });

      // An empty database: every status at 0.
      const empty = await collect();
      expect(empty.cloud_tenants).toHaveLength(6);
      expect(empty.cloud_tenants.every(o => o.value === 0)).toBe(true);
      expect(empty.cloud_requests_waiting).toEqual([{ value: 0 }]);
      expect(empty.cloud_steps_blocked).toEqual([{ value: 0 }]);

      // Three requests (Bordeaux and Lille), one of them qualified and in
      // onboarding with two steps blocked.
      const created = [];
      for (const [uai, environment] of [
        ['0333298F', 'production'],
        ['0333298F', 'formation'],
        ['0597239Y', 'production'],
      ] as const) {
        const { tenant } = await store.createTenant(
          {
            application: 'sifac',
            uai,
            environment,
            version: '2025.1',
            request: {
              migration: false,
              contacts: [{ name: 'Bob', email: 'bob@example.org' }],
            },
          },
          { actor: 'user:default/bob' },
        );
        created.push(tenant);
      }
      await knex('cloud_tenants')
        .where({ id: created[2].id })
        .update({ status: 'onboarding' });
      const steps = await knex('cloud_onboarding_steps')
        .where({ tenant_id: created[2].id })
        .orderBy('step_id')
        .limit(2);
      expect(steps).toHaveLength(2);
      await knex('cloud_onboarding_steps')
        .where({ tenant_id: created[2].id })
        .whereIn(
          'step_id',
          steps.map(s => s.step_id),
        )
        .update({ status: 'blocked' });

      const after = await collect();
      const byStatus = Object.fromEntries(
        after.cloud_tenants.map(o => [o.attributes?.status, o.value]),
      );
      expect(byStatus).toEqual({
        requested: 2,
        provisioning: 0,
        onboarding: 1,
        live: 0,
        suspended: 0,
        decommissioned: 0,
      });
      expect(after.cloud_requests_waiting).toEqual([{ value: 2 }]);
      expect(after.cloud_steps_blocked).toEqual([{ value: 2 }]);
    },
  );
});

describe('readDecisionCounter', () => {
  it('counts read decisions by cache hit or miss', () => {
    const added: Array<{ value: number; attributes?: object }> = [];
    const createCounter = jest.fn(() => ({
      add: (value: number, attributes?: object) =>
        added.push({ value, attributes }),
    }));
    const count = readDecisionCounter({
      createCounter,
    } as unknown as MetricsService);
    count(false);
    count(true);
    count(true);
    expect(createCounter).toHaveBeenCalledWith(
      'cloud_permission_read_decisions',
      expect.objectContaining({ unit: '{decision}' }),
    );
    expect(added).toEqual([
      { value: 1, attributes: { cache: 'miss' } },
      { value: 1, attributes: { cache: 'hit' } },
      { value: 1, attributes: { cache: 'hit' } },
    ]);
  });
});
