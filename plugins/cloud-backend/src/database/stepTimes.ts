import type { TenantEventType } from '@amue/plugin-cloud-common';
import type { Knex } from 'knex';
import { daysBetween } from './rows';

/*
 * When each onboarding step was first put to work and completed, kept on
 * the step's row (`first_started_at`, `first_completed_at`,
 * `last_completed_at`) from the events appended to the log, and the
 * step's duration in days that follows from them (`duration_days`), so
 * that the durations report reads the steps alone, through an index of the
 * steps done by duration. The migrations 202612060300_stepTimes.js and
 * 202612061100_stepDurations.js computed them from the events and times
 * written before them, with the same lists of types and definition.
 */

/** Events that put a step to work (it left `todo`). */
const STEP_START_EVENTS: readonly TenantEventType[] = [
  'step.started',
  'step.blocked',
  'step.unblocked',
  'step.reopened',
];

/** Events that complete a step (`request.approved` completes qualification). */
const STEP_COMPLETION_EVENTS: readonly TenantEventType[] = [
  'step.completed',
  'request.approved',
];

const STEPS = 'cloud_onboarding_steps';

/**
 * Records an event appended to the log on its step's times, within the
 * transaction of the event: the earliest start, the earliest and the
 * latest completion (earliest and latest by the events' times, whatever
 * order they are appended in).
 */
export async function recordStepTime(
  tx: Knex.Transaction,
  event: {
    tenantId: string;
    stepId?: string | null;
    type: TenantEventType;
    at: Date;
  },
): Promise<void> {
  if (!event.stepId) {
    return;
  }
  const earliest = (column: string) =>
    tx.raw(`case when ?? is null or ?? > ? then ? else ?? end`, [
      column,
      column,
      event.at,
      event.at,
      column,
    ]);
  const latest = (column: string) =>
    tx.raw(`case when ?? is null or ?? < ? then ? else ?? end`, [
      column,
      column,
      event.at,
      event.at,
      column,
    ]);
  let set: Record<string, Knex.Raw> | undefined;
  if (STEP_START_EVENTS.includes(event.type)) {
    set = { first_started_at: earliest('first_started_at') };
  } else if (STEP_COMPLETION_EVENTS.includes(event.type)) {
    set = {
      first_completed_at: earliest('first_completed_at'),
      last_completed_at: latest('last_completed_at'),
    };
  }
  const step = { tenant_id: event.tenantId, step_id: event.stepId };
  if (set) {
    await tx(STEPS).where(step).update(set);
  }
  // The duration follows from the times as they now stand (and from the
  // tenant's creation, for the request: hence at its creation too).
  if (set || event.type === 'request.created') {
    await tx(STEPS)
      .where(step)
      .update({ duration_days: tx.raw(stepDurationSql(tx)) });
  }
}

/**
 * The duration in days of a step, from the columns of its row in
 * `cloud_onboarding_steps` (see the definitions of the durations report in
 * reports/TenantReports.ts): from its first start to its last completion;
 * the request starts at the tenant's creation and ends there when it was
 * never completed again; a qualification approved directly from `todo`
 * (no start before its first completion) starts at the tenant's creation.
 * Null when a time is missing.
 */
export function stepDurationSql(db: Knex): string {
  const created = `(select t.created_at from cloud_tenants t where t.id = ${STEPS}.tenant_id)`;
  const start = `case
      when step_id = 'request' then ${created}
      when step_id = 'qualification'
       and (first_started_at is null or first_started_at > first_completed_at)
        then ${created}
      else first_started_at end`;
  const end = `case
      when step_id = 'request' then coalesce(last_completed_at, ${created})
      else last_completed_at end`;
  return daysBetween(db, start, end);
}
