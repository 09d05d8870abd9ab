// @ts-check

/**
 * Tables of the cloud plugin: tenants (with the request that created them),
 * their onboarding steps, the append-only event log, and the incentive
 * funding and training figures of each tenant.
 *
 * Every mutable row carries a `row_version` used for optimistic
 * concurrency. Timestamps are written by the store (never by the database)
 * so that they have the same precision on every database.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cloud_tenants', table => {
    table.comment('Tenants: an application hosted for an establishment');
    table.uuid('id').primary().notNullable();
    table
      .string('name', 255)
      .notNullable()
      .comment('<application>-<uai>-<environment>, lowercase');
    table.string('application', 255).notNullable();
    table
      .string('establishment', 255)
      .notNullable()
      .comment('Name of the establishment Group: etab-<uai>');
    table.string('uai', 8).notNullable();
    table.string('environment', 32).notNullable();
    table.string('version', 64).notNullable();
    table.string('status', 32).notNullable();
    table
      .string('current_step', 32)
      .nullable()
      .comment('First step neither done nor skipped (derived, for filters)');
    table.text('url').nullable();
    table.string('sso_protocol', 16).nullable();
    table.text('sso_idp_entity_id').nullable();
    table.boolean('suspended').notNullable().defaultTo(false);
    table.boolean('decommissioned').notNullable().defaultTo(false);
    table.text('request').notNullable().comment('The request payload (JSON)');
    table.string('idempotency_key', 255).nullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.integer('row_version').notNullable().defaultTo(1);

    table.unique(['name'], { indexName: 'cloud_tenants_name_uq' });
    table.unique(['idempotency_key'], {
      indexName: 'cloud_tenants_idempotency_key_uq',
    });
    table.index(['establishment'], 'cloud_tenants_establishment_idx');
    table.index(['application'], 'cloud_tenants_application_idx');
    table.index(['environment'], 'cloud_tenants_environment_idx');
    table.index(['status'], 'cloud_tenants_status_idx');
    table.index(['current_step'], 'cloud_tenants_current_step_idx');
    table.index(['created_at', 'id'], 'cloud_tenants_created_at_idx');
    table.index(['updated_at', 'id'], 'cloud_tenants_updated_at_idx');
  });

  await knex.schema.createTable('cloud_onboarding_steps', table => {
    table.comment('Onboarding steps of each tenant');
    table
      .uuid('tenant_id')
      .notNullable()
      .references('id')
      .inTable('cloud_tenants')
      .onDelete('CASCADE');
    table.string('step_id', 32).notNullable();
    table.string('status', 32).notNullable();
    table.text('reason').nullable();
    table.timestamp('due_date', { useTz: true }).nullable();
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.integer('row_version').notNullable().defaultTo(1);
    table.primary(['tenant_id', 'step_id'], 'cloud_onboarding_steps_pk');
    table.index(['status'], 'cloud_onboarding_steps_status_idx');
  });

  await knex.schema.createTable('cloud_events', table => {
    table.comment('Append-only log of every change of a tenant');
    table.bigIncrements('id').primary();
    table
      .uuid('tenant_id')
      .notNullable()
      .references('id')
      .inTable('cloud_tenants')
      .onDelete('CASCADE');
    table.timestamp('at', { useTz: true }).notNullable();
    table.string('actor', 255).notNullable().comment('User entity ref');
    table
      .string('type', 64)
      .notNullable()
      .comment('e.g. request.created, step.started, comment.added');
    table.string('step_id', 32).nullable();
    table.text('comment').nullable();
    table.text('before').nullable().comment('JSON');
    table.text('after').nullable().comment('JSON');
    table.index(['tenant_id', 'at'], 'cloud_events_tenant_at_idx');
  });

  await knex.schema.createTable('cloud_funding', table => {
    table.comment('Incentive funding granted to and paid for a tenant (EUR)');
    table
      .uuid('tenant_id')
      .primary()
      .notNullable()
      .references('id')
      .inTable('cloud_tenants')
      .onDelete('CASCADE');
    table.integer('granted_eur').notNullable().defaultTo(0);
    table.integer('paid_eur').notNullable().defaultTo(0);
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.integer('row_version').notNullable().defaultTo(1);
  });

  await knex.schema.createTable('cloud_training', table => {
    table.comment('Training figures of a tenant');
    table
      .uuid('tenant_id')
      .primary()
      .notNullable()
      .references('id')
      .inTable('cloud_tenants')
      .onDelete('CASCADE');
    table.integer('sessions_held').notNullable().defaultTo(0);
    table.integer('staff_trained').notNullable().defaultTo(0);
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.integer('row_version').notNullable().defaultTo(1);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cloud_training');
  await knex.schema.dropTable('cloud_funding');
  await knex.schema.dropTable('cloud_events');
  await knex.schema.dropTable('cloud_onboarding_steps');
  await knex.schema.dropTable('cloud_tenants');
};
