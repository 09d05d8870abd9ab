// @ts-check

/**
 * People signed in through the federation (establishment staff), published
 * to the catalog as Users member of their establishment. Minimal data;
 * rows idle longer than the retention period are removed by a scheduled
 * task (cloud.people.retentionDays).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cloud_people', table => {
    table.comment('People signed in through the federation');
    table
      .string('name', 63)
      .primary()
      .notNullable()
      .comment('Entity name of the catalog User (normalised principal name)');
    table.string('display_name', 255).notNullable();
    table.string('email', 320).nullable();
    table
      .text('establishments')
      .notNullable()
      .comment('JSON list of establishment Group names (etab-<uai>)');
    table.timestamp('first_sign_in_at', { useTz: true }).notNullable();
    table.timestamp('last_sign_in_at', { useTz: true }).notNullable();
    table.index(['last_sign_in_at'], 'cloud_people_last_sign_in_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cloud_people');
};
