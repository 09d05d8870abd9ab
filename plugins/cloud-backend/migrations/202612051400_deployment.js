// @ts-check

/**
 * The revision of the GitOps repository that last committed a tenant's
 * deployment descriptors (cloud:gitops:commit). The GitOps engine's
 * notifications complete the provisioning step only when the tenant's
 * application is synced to this revision.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('cloud_tenants', table => {
    table
      .string('gitops_revision', 64)
      .nullable()
      .comment("Commit of the tenant's descriptors in the GitOps repository");
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('cloud_tenants', table => {
    table.dropColumn('gitops_revision');
  });
};
