import { TENANT_STATUSES } from '@amue/plugin-cloud-common';
import { MetricsService } from '@backstage/backend-plugin-api/alpha';
import { Knex } from 'knex';

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
export function registerCloudMetrics(options: {
  metrics: MetricsService;
  db: Knex;
}): void {
  const { metrics, db } = options;

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

  metrics
    .createObservableGauge('cloud_requests_waiting', {
      description: 'Requests waiting for qualification',
      unit: '{request}',
    })
    .addCallback(async result => {
      const [{ n }] = await db('cloud_tenants')
        .where({ status: 'requested' })
        .count({ n: '*' });
      result.observe(Number(n));
    });

  metrics
    .createObservableGauge('cloud_steps_blocked', {
      description: 'Onboarding steps blocked',
      unit: '{step}',
    })
    .addCallback(async result => {
      const [{ n }] = await db('cloud_onboarding_steps')
        .where({ status: 'blocked' })
        .count({ n: '*' });
      result.observe(Number(n));
    });
}
