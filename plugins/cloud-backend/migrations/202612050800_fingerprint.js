// @ts-check

/**
 * What an idempotency key stands for: the normalised request it was first
 * used with (JSON), so that the same key with a different request is a
 * conflict instead of silently returning the first tenant. Null for rows
 * created without a key, and for rows older than this column (then only
 * application, UAI and environment are compared).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('cloud_tenants', table => {
    table
      .text('idempotency_fingerprint')
      .nullable()
      .comment('The normalised request first sent with idempotency_key (JSON)');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('cloud_tenants', table => {
    table.dropColumn('idempotency_fingerprint');
  });
};
