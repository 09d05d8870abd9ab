import type { TenantEventType } from '@amue/plugin-cloud-common';
import type { Knex } from 'knex';

/*
 * When each onboarding step was first put to work and completed, kept on
 * the step's row (`first_started_at`, `first_completed_at`,
 * `last_completed_at`) from the events appended to the log, so that the
 * durations report reads the steps alone. The migration
 * 202612060300_stepTimes.js computed them from the events written before
 * it, with the same lists of types.
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
  if (set) {
    await tx(STEPS)
      .where({ tenant_id: event.tenantId, step_id: event.stepId })
      .update(set);
  }
}
