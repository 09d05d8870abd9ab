import { TENANT_STATUSES } from '@amue/plugin-cloud-common';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { MetricsService } from '@backstage/backend-plugin-api/alpha';

/**
 * The portal's own gauges, read from the cloud database when metrics are
 * collected (a Prometheus scrape, see docs/operations.md "Metrics"):
 *
 * - `cloud_tenants{status}`: tenants per status (every status, 0 included);
 * - `cloud_requests_waiting`: requests waiting for qualification (tenants
 *   in `requested`);
 * - `cloud_steps_blocked`: onboarding steps blocked, across tenants.
 *
 * They describe the whole database, so every replica reports the same
 * values: aggregate them with `max`, never `sum`.
 */
export async function registerCloudMetrics(options: {
  metrics: MetricsService;
  database: Pick<DatabaseService, 'getClient'>;
}): Promise<void> {
  const { metrics } = options;
  // Read-only aggregates, as the reports (TenantReports) read them.
  const db = await options.database.getClient();

  metrics
    .createObservableGauge<{ status: string }>('cloud_tenants', {
      description: 'Tenants per status',
      unit: '{tenant}',
    })
    .addCallback(async result => {
      const rows: Array<{ status: string; n: number | string }> = await db(
        'cloud_tenants',
      )
        .select('status')
        .count({ n: '*' })
        .groupBy('status');
      const counts = new Map(rows.map(r => [r.status, Number(r.n)]));
      for (const status of TENANT_STATUSES) {
        result.observe(counts.get(status) ?? 0, { status });
      }
    });

  const gauge = (
    name: string,
    description: string,
    unit: string,
    count: () => Promise<number>,
  ) =>
    metrics
      .createObservableGauge(name, { description, unit })
      .addCallback(async result => result.observe(await count()));
  const countOf = async (table: string, where: Record<string, string>) => {
    const [{ n }] = await db(table).where(where).count({ n: '*' });
    return Number(n);
  };

  gauge(
    'cloud_requests_waiting',
    'Requests waiting for qualification',
    '{request}',
    () => countOf('cloud_tenants', { status: 'requested' }),
  );
  gauge('cloud_steps_blocked', 'Onboarding steps blocked', '{step}', () =>
    countOf('cloud_onboarding_steps', { status: 'blocked' }),
  );
}

/**
 * `cloud_permission_read_decisions{cache}`: read decisions of users, by
 * whether the per-user cache of the tenant service answered (`hit`) or the
 * permission backend was asked (`miss`). Per replica (each has its cache):
 * sum them.
 */
export function readDecisionCounter(
  metrics: MetricsService,
): (cached: boolean) => void {
  const counter = metrics.createCounter<{ cache: string }>(
    'cloud_permission_read_decisions',
    {
      description:
        'Read decisions on tenants, answered by the cache or asked of the permission backend',
      unit: '{decision}',
    },
  );
  return cached => counter.add(1, { cache: cached ? 'hit' : 'miss' });
}
