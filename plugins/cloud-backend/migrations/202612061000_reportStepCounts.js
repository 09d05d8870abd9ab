// @ts-check

/**
 * The onboarding steps counted per application, step and status over the
 * tenants that are not decommissioned, for the funnel report (issue 17: it
 * grouped every step, 900,000 rows at 100,000 tenants, in about 0.6 s).
 *
 * The tenant store keeps the counts in the transaction of each change
 * (src/database/reportCounts.ts, with the same definition); this migration
 * computes them once from the steps written before it.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cloud_report_step_counts', table => {
    table.comment(
      'Steps of the tenants not decommissioned, per application, step and status',
    );
    table.string('application', 255).notNullable();
    table.string('step_id', 32).notNullable();
    table.string('status', 32).notNullable();
    table.integer('tenants').notNullable();
    table.primary(
      ['application', 'step_id', 'status'],
      'cloud_report_step_counts_pk',
    );
  });
  await knex.raw(
    `insert into cloud_report_step_counts (application, step_id, status, tenants)
     select t.application, s.step_id, s.status, count(*)
       from cloud_onboarding_steps s
       join cloud_tenants t on t.id = s.tenant_id
      where t.status <> 'decommissioned'
      group by t.application, s.step_id, s.status`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cloud_report_step_counts');
};
