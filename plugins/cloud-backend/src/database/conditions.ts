import {
  isStepSettled,
  ONBOARDING_STEP_STATUSES,
} from '@amue/plugin-cloud-common';
import type { Knex } from 'knex';
import type { TenantQueryCondition } from './TenantStore';

/*
 * What the read-only readers of the tenant tables (reports, "À faire")
 * share to restrict and select their rows.
 */

/**
 * Step statuses neither done nor skipped (those that can be overdue),
 * listed so that the index on (status, due_date) serves the queries (a
 * `not in` cannot).
 */
export const UNSETTLED_STEP_STATUSES = ONBOARDING_STEP_STATUSES.filter(
  status => !isStepSettled(status),
);

/**
 * For `query.modify(...)`: restricts a query to the tenants the condition
 * lets through, with `column` holding the tenant's id (`column in (select
 * id from cloud_tenants where <condition>)`). Without a condition every
 * tenant is permitted and the query is left as it is (a semi-join over
 * every tenant costs a hash of them all at 100,000).
 */
export function permittedTenants(
  db: Knex,
  column: string,
  condition?: TenantQueryCondition,
) {
  return (query: Knex.QueryBuilder) => {
    if (condition) {
      query.whereIn(
        column,
        db('cloud_tenants')
          .select('id')
          .where(builder => {
            condition(builder);
          }),
      );
    }
  };
}

/**
 * The tenants the condition lets through, as a table to join (`select
 * <columns> from cloud_tenants where <condition>`): for a query that needs
 * columns of the tenant anyway, one join in place of a join and a
 * `tenant_id in (...)` (for a product owner's overdue steps at 100,000
 * tenants, 45 ms instead of 400). The condition stays on a query of
 * `cloud_tenants` alone, so its column names cannot clash.
 */
export function permittedTenantRows(
  db: Knex,
  columns: string[],
  condition?: TenantQueryCondition,
): Knex.QueryBuilder {
  const query = db('cloud_tenants').select(columns);
  if (condition) {
    query.where(builder => {
      condition(builder);
    });
  }
  return query;
}
