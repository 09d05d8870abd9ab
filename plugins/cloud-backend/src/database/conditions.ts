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
