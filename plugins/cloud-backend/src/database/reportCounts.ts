import type { Knex } from 'knex';
import { isPostgres } from './rows';

/*
 * The onboarding steps counted per application, step and status
 * (`cloud_report_step_counts`), over the tenants that are not
 * decommissioned: what the funnel report reads for the whole programme or
 * for some applications, instead of grouping every step (900,000 rows at
 * 100,000 tenants). The tenant store keeps the counts in the transaction
 * of each change ({@link countSteps}); the migration
 * 202612061000_reportStepCounts.js computed them once from the steps
 * written before it, and {@link reconcileStepCounts} compares them with
 * the steps and corrects them (a scheduled task: a replica of an earlier
 * version, during a rolling update, writes steps without counting them).
 */

/** The table of the counts. */
export const STEP_COUNTS = 'cloud_report_step_counts';

/** The steps of one tenant as counted: step id → status. */
export type CountedSteps = ReadonlyMap<string, string>;

/** One tenant's steps before or after a change, as they count. */
export interface CountedTenant {
  application: string;
  /** False for a decommissioned tenant: its steps are not counted. */
  counted: boolean;
  steps: CountedSteps;
}

/** A change of the counts: `delta` steps more (or fewer) in that status. */
interface StepCountDelta {
  application: string;
  stepId: string;
  status: string;
  delta: number;
}

/** The changes of the counts when a tenant's steps go from `before` to `after`. */
export function stepCountDeltas(
  before: CountedTenant | undefined,
  after: CountedTenant | undefined,
): StepCountDelta[] {
  const deltas = new Map<string, StepCountDelta>();
  const add = (tenant: CountedTenant | undefined, sign: number) => {
    if (!tenant?.counted) {
      return;
    }
    for (const [stepId, status] of tenant.steps) {
      const key = `${tenant.application}\u0000${stepId}\u0000${status}`;
      const entry = deltas.get(key) ?? {
        application: tenant.application,
        stepId,
        status,
        delta: 0,
      };
      entry.delta += sign;
      deltas.set(key, entry);
    }
  };
  add(before, -1);
  add(after, +1);
  return [...deltas.values()].filter(entry => entry.delta !== 0);
}

/**
 * Applies the changes of the counts within `tx`, in a fixed order of their
 * keys (two transactions changing the same counts lock them in the same
 * order, so they wait for each other instead of deadlocking).
 */
export async function countSteps(
  tx: Knex.Transaction,
  deltas: readonly StepCountDelta[],
): Promise<void> {
  if (deltas.length === 0) {
    return;
  }
  const rows = [...deltas]
    .sort(
      (a, b) =>
        compare(a.application, b.application) ||
        compare(a.stepId, b.stepId) ||
        compare(a.status, b.status),
    )
    .map(d => ({
      application: d.application,
      step_id: d.stepId,
      status: d.status,
      tenants: d.delta,
    }));
  await tx(STEP_COUNTS)
    .insert(rows)
    .onConflict(['application', 'step_id', 'status'])
    .merge({
      tenants: tx.raw('?? + excluded.tenants', [`${STEP_COUNTS}.tenants`]),
    });
}

function compare(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

/** The counts as the steps give them now (the query of the migration). */
function countedFromSteps(db: Knex) {
  return db('cloud_onboarding_steps as s')
    .join('cloud_tenants as t', 't.id', 's.tenant_id')
    .whereNot('t.status', 'decommissioned')
    .groupBy('t.application', 's.step_id', 's.status')
    .select(
      't.application as application',
      's.step_id as step_id',
      's.status as status',
    )
    .count({ tenants: '*' });
}

/**
 * Compares the counts with the steps and corrects those that differ, in
 * one transaction that keeps the counts from changing meanwhile (PostgreSQL:
 * an exclusive lock of the table, which the writers' counting waits for;
 * SQLite has one writer at a time). Returns the number of counts corrected.
 */
export async function reconcileStepCounts(db: Knex): Promise<number> {
  return db.transaction(async tx => {
    if (isPostgres(tx)) {
      await tx.raw(`lock table ${STEP_COUNTS} in exclusive mode`);
    }
    const [stored, actual]: Array<Record<string, any>[]> = await Promise.all([
      tx(STEP_COUNTS).select('application', 'step_id', 'status', 'tenants'),
      countedFromSteps(tx),
    ]);
    const key = (row: Record<string, unknown>) =>
      `${row.application}\u0000${row.step_id}\u0000${row.status}`;
    const want = new Map(actual.map(row => [key(row), Number(row.tenants)]));
    const deltas: StepCountDelta[] = [];
    const seen = new Set<string>();
    for (const row of stored) {
      const k = key(row);
      seen.add(k);
      const delta = (want.get(k) ?? 0) - Number(row.tenants);
      if (delta !== 0) {
        deltas.push({
          application: row.application,
          stepId: row.step_id,
          status: row.status,
          delta,
        });
      }
    }
    for (const row of actual) {
      if (!seen.has(key(row))) {
        deltas.push({
          application: String(row.application),
          stepId: String(row.step_id),
          status: String(row.status),
          delta: Number(row.tenants),
        });
      }
    }
    await countSteps(tx, deltas);
    return deltas.length;
  });
}
