// @ts-check

/**
 * What the reminder task sent: one row per tenant, person and day (the day
 * in France), so that nobody gets more than one reminder a day about a
 * tenant, whichever the replica or how often the task runs. Due dates are
 * looked up by status and date.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cloud_reminders', table => {
    table.comment('Reminders sent: at most one per tenant, person and day');
    table
      .uuid('tenant_id')
      .notNullable()
      .references('id')
      .inTable('cloud_tenants')
      .onDelete('CASCADE');
    table
      .string('recipient', 255)
      .notNullable()
      .comment('User entity ref of the person reminded');
    table.string('day', 10).notNullable().comment('YYYY-MM-DD, Europe/Paris');
    table
      .text('content')
      .notNullable()
      .comment('JSON: the steps, how late and why the person was told');
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['tenant_id', 'recipient', 'day']);
    table.index(['day'], 'cloud_reminders_day_idx');
  });
  await knex.schema.alterTable('cloud_onboarding_steps', table => {
    table.index(['status', 'due_date'], 'cloud_onboarding_steps_due_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('cloud_onboarding_steps', table => {
    table.dropIndex(['status', 'due_date'], 'cloud_onboarding_steps_due_idx');
  });
  await knex.schema.dropTable('cloud_reminders');
};
