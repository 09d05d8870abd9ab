// @ts-check

/**
 * The duration in days of each onboarding step (from its first start to its
 * last completion, as the durations report defines it), kept on the step
 * with an index of the steps done by step and duration, so that the
 * durations report reads their percentiles from the index instead of
 * computing and sorting 415,000 durations at 100,000 tenants (issue 17).
 *
 * The event store keeps it with the step's times (src/database/stepTimes.ts,
 * `stepDurationSql`, the same definition); this migration computes it once
 * for the steps written before it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('cloud_onboarding_steps', table => {
    table
      .double('duration_days')
      .nullable()
      .comment('Days from the first start to the last completion');
  });

  const postgres = String(knex.client.config.client).startsWith('pg');
  const days = (/** @type {string} */ start, /** @type {string} */ end) =>
    postgres
      ? `date_part('epoch', (${end}) - (${start})) / 86400.0`
      : `((${end}) - (${start})) / 86400000.0`;
  const start = `case
      when s.step_id = 'request' then t.created_at
      when s.step_id = 'qualification'
       and (s.first_started_at is null
            or s.first_started_at > s.first_completed_at)
        then t.created_at
      else s.first_started_at end`;
  const end = `case
      when s.step_id = 'request' then coalesce(s.last_completed_at, t.created_at)
      else s.last_completed_at end`;
  // UPDATE ... FROM: PostgreSQL, and SQLite since 3.33. Only the steps with
  // a duration (the requests, the steps completed at least once).
  await knex.raw(
    `update cloud_onboarding_steps
        set duration_days = d.days
       from (select s.tenant_id, s.step_id, ${days(start, end)} as days
               from cloud_onboarding_steps s
               join cloud_tenants t on t.id = s.tenant_id
              where s.step_id = 'request' or s.last_completed_at is not null)
            as d
      where cloud_onboarding_steps.tenant_id = d.tenant_id
        and cloud_onboarding_steps.step_id = d.step_id`,
  );

  await knex.schema.alterTable('cloud_onboarding_steps', table => {
    table.index(
      ['step_id', 'duration_days', 'tenant_id'],
      'cloud_onboarding_steps_done_duration_idx',
      { predicate: knex.whereRaw(`status = 'done'`) },
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('cloud_onboarding_steps', table => {
    table.dropIndex([], 'cloud_onboarding_steps_done_duration_idx');
    table.dropColumn('duration_days');
  });
};
