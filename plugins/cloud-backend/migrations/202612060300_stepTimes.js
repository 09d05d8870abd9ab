// @ts-check

/**
 * When each onboarding step was first put to work and completed, kept on
 * the step itself so that the durations report reads the steps alone
 * instead of joining every step with the event log (issue 17: 2.2 s at
 * 100,000 tenants).
 *
 * The columns are derived from the event log, which stays the record:
 * - `first_started_at`: the first `step.started`, `step.blocked`,
 *   `step.unblocked` or `step.reopened` event of the step;
 * - `first_completed_at` / `last_completed_at`: the first and last
 *   `step.completed` (or `request.approved`, which completes
 *   `qualification`) event of the step.
 * The event store keeps them up to date in the transaction that appends
 * each event (src/database/stepTimes.ts holds the same lists of types).
 * This migration computes them once from the events already written.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('cloud_onboarding_steps', table => {
    table
      .timestamp('first_started_at', { useTz: true })
      .nullable()
      .comment('First time the step left todo to be worked on (events)');
    table
      .timestamp('first_completed_at', { useTz: true })
      .nullable()
      .comment('First completion of the step (events)');
    table
      .timestamp('last_completed_at', { useTz: true })
      .nullable()
      .comment('Last completion of the step (events)');
  });

  const start = [
    'step.started',
    'step.blocked',
    'step.unblocked',
    'step.reopened',
  ];
  const completion = ['step.completed', 'request.approved'];
  const list = (/** @type {string[]} */ types) =>
    types.map(() => '?').join(', ');
  // UPDATE ... FROM: PostgreSQL, and SQLite since 3.33 (better-sqlite3
  // bundles a later one).
  await knex.raw(
    `update cloud_onboarding_steps
        set first_started_at = e.first_start,
            first_completed_at = e.first_done,
            last_completed_at = e.last_done
       from (select tenant_id, step_id,
                    min(case when type in (${list(
                      start,
                    )}) then at end) as first_start,
                    min(case when type in (${list(
                      completion,
                    )}) then at end) as first_done,
                    max(case when type in (${list(
                      completion,
                    )}) then at end) as last_done
               from cloud_events
              where step_id is not null
                and type in (${list([...start, ...completion])})
              group by tenant_id, step_id) as e
      where cloud_onboarding_steps.tenant_id = e.tenant_id
        and cloud_onboarding_steps.step_id = e.step_id`,
    [...start, ...completion, ...completion, ...start, ...completion],
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('cloud_onboarding_steps', table => {
    table.dropColumn('first_started_at');
    table.dropColumn('first_completed_at');
    table.dropColumn('last_completed_at');
  });
};
