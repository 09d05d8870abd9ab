// @ts-check

/**
 * The commits the portal made to the GitOps repository, in order. Argo CD
 * reports the revision of the branch it synced, which may be a later commit
 * of the portal (another tenant's request) than the one of a tenant's
 * descriptors: that later commit holds them too, so it completes the
 * tenant's provisioning as well.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cloud_gitops_commits', table => {
    table.comment('Commits of the portal to the GitOps repository, in order');
    table.increments('id').comment('Order of the commits');
    table.string('revision', 64).notNullable().unique();
    table.timestamp('recorded_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cloud_gitops_commits');
};
