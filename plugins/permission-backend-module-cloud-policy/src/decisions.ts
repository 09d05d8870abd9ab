/**
 * The decision table of the portal's permission policy: for every
 * permission registered in the portal's backend, what each role gets.
 *
 * The policy reads this table (a permission that is not in it is denied to
 * everyone but administrators), the README shows it (`renderDecisionTable`,
 * checked by a test) and packages/backend's tests fail when the running
 * backend registers a permission that is not in it.
 */

/**
 * What one role gets for one permission.
 *
 * - `allow` / `deny`: unconditional.
 * - `tenant`: conditional on the `cloud-tenant` resource — the tenants of
 *   the user's establishments, and for a product owner those of the
 *   applications its teams own.
 * - `approve`: conditional on the `cloud-tenant` resource — the tenants of
 *   the applications the user's teams own (DENY without any).
 * - `reports`: ALLOW for a product owner (the cloud backend narrows the
 *   reports to the tenants it may read).
 * - `catalogRead`: conditional on the catalog entity — every entity but
 *   Tenants, plus the Tenants the `tenant` rule allows.
 * - `ownEntity`: conditional on the catalog entity — the entities the user
 *   or its groups own (`IS_ENTITY_OWNER`).
 * - `ownTask`: conditional on the scaffolder task — the tasks the user
 *   created (`IS_TASK_OWNER`).
 *
 * @public
 */
export type RoleDecision =
  | 'allow'
  | 'deny'
  | 'tenant'
  | 'approve'
  | 'reports'
  | 'catalogRead'
  | 'ownEntity'
  | 'ownTask';

/**
 * One row of the table.
 *
 * @public
 */
export interface PermissionDecisionRow {
  /** Id of the plugin that registers the permission. */
  plugin: string;
  /** An establishment member (any signed-in user who is not Amue). */
  member: RoleDecision;
  /** A member of a team that owns at least one Application. */
  productOwner: RoleDecision;
  /** Why, in a sentence. */
  why: string;
}

/**
 * The decision of every permission the portal's backend registers. An
 * Amue administrator (member of `group:default/amue-admins`) is allowed
 * everything, listed or not.
 *
 * @public
 */
export const permissionDecisions: Record<string, PermissionDecisionRow> = {
  // ------------------------------------------------------------- catalog
  'catalog.entity.read': {
    plugin: 'catalog',
    member: 'catalogRead',
    productOwner: 'catalogRead',
    why: 'Tenant entities follow the tenant rule; every other entity is public to signed-in users',
  },
  'catalog.entity.create': {
    plugin: 'catalog',
    member: 'deny',
    productOwner: 'deny',
    why: 'what the catalog ingests is curated YAML and providers',
  },
  'catalog.entity.delete': {
    plugin: 'catalog',
    member: 'deny',
    productOwner: 'deny',
    why: 'same',
  },
  'catalog.entity.refresh': {
    plugin: 'catalog',
    member: 'ownEntity',
    productOwner: 'ownEntity',
    why: 'a refresh costs processing: only of entities one owns (own tenants, own applications)',
  },
  'catalog.entity.validate': {
    plugin: 'catalog',
    member: 'deny',
    productOwner: 'allow',
    why: 'checking entity YAML is curation work',
  },
  'catalog.location.read': {
    plugin: 'catalog',
    member: 'deny',
    productOwner: 'allow',
    why: 'locations are the catalog sources, curation work',
  },
  'catalog.location.create': {
    plugin: 'catalog',
    member: 'deny',
    productOwner: 'deny',
    why: 'registering sources is an administrator task',
  },
  'catalog.location.delete': {
    plugin: 'catalog',
    member: 'deny',
    productOwner: 'deny',
    why: 'same',
  },
  'catalog.location.analyze': {
    plugin: 'catalog',
    member: 'deny',
    productOwner: 'deny',
    why: 'analyze-location only prepares a registration, which they may not do (and it fetches URLs)',
  },
  'catalog.ingestion.read': {
    plugin: 'catalog',
    member: 'deny',
    productOwner: 'deny',
    why: 'ingestion state names every entity, Tenants included',
  },
  'catalog.ingestion.manage': {
    plugin: 'catalog',
    member: 'deny',
    productOwner: 'deny',
    why: 'operating the catalog is an administrator task',
  },
  // ---------------------------------------------------------- scaffolder
  'scaffolder.task.create': {
    plugin: 'scaffolder',
    member: 'allow',
    productOwner: 'allow',
    why: 'self-service; the templates registered are the curated ones and their actions check the establishment',
  },
  'scaffolder.task.read': {
    plugin: 'scaffolder',
    member: 'ownTask',
    productOwner: 'ownTask',
    why: "a task's parameters carry contacts, UAI and comments: only its creator reads, lists, follows and retries it",
  },
  'scaffolder.task.cancel': {
    plugin: 'scaffolder',
    member: 'ownTask',
    productOwner: 'ownTask',
    why: 'only its creator cancels a task',
  },
  'scaffolder.action.execute': {
    plugin: 'scaffolder',
    member: 'allow',
    productOwner: 'allow',
    why: 'the actions of the curated templates run for the user; each action checks its own rights',
  },
  'scaffolder.template.parameter.read': {
    plugin: 'scaffolder',
    member: 'allow',
    productOwner: 'allow',
    why: 'the request form needs the templates',
  },
  'scaffolder.template.step.read': {
    plugin: 'scaffolder',
    member: 'allow',
    productOwner: 'allow',
    why: 'same',
  },
  'scaffolder.template.dry-run': {
    plugin: 'scaffolder',
    member: 'deny',
    productOwner: 'allow',
    why: 'the template editor is for template authors (Amue)',
  },
  'scaffolder.template.management': {
    plugin: 'scaffolder',
    member: 'deny',
    productOwner: 'deny',
    why: 'templates are curated in the repository by administrators',
  },
  // --------------------------------------------------------------- cloud
  'cloud.tenant.read': {
    plugin: 'cloud',
    member: 'tenant',
    productOwner: 'tenant',
    why: "own establishment's tenants; a product owner also its applications' tenants",
  },
  'cloud.tenant.update': {
    plugin: 'cloud',
    member: 'tenant',
    productOwner: 'tenant',
    why: 'same as read',
  },
  'cloud.request.create': {
    plugin: 'cloud',
    member: 'allow',
    productOwner: 'allow',
    why: "the cloud backend checks the request's establishment against the tenant update rule",
  },
  'cloud.request.approve': {
    plugin: 'cloud',
    member: 'deny',
    productOwner: 'approve',
    why: 'Amue decides on requests (and records funding) for the applications it owns',
  },
  'cloud.report.read': {
    plugin: 'cloud',
    member: 'deny',
    productOwner: 'reports',
    why: 'adoption figures are for Amue; narrowed to readable tenants by the backend',
  },
  'cloud.person.delete': {
    plugin: 'cloud',
    member: 'deny',
    productOwner: 'deny',
    why: 'removing a person recorded by the federation sign-in is for administrators',
  },
};

const LABELS: Record<RoleDecision, string> = {
  allow: 'ALLOW',
  deny: 'DENY',
  tenant: 'CONDITIONAL tenant rule',
  approve: 'CONDITIONAL `IS_APPLICATION_OWNER`',
  reports: 'ALLOW (narrowed by the backend)',
  catalogRead: 'CONDITIONAL not Tenant, or tenant rule',
  ownEntity: 'CONDITIONAL `IS_ENTITY_OWNER`',
  ownTask: 'CONDITIONAL `IS_TASK_OWNER`',
};

/**
 * The decision table in Markdown, as the package README shows it.
 *
 * @public
 */
export function renderDecisionTable(): string {
  const rows = [
    '| plugin | permission | establishment member | product owner | administrator | why |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, row] of Object.entries(permissionDecisions)) {
    rows.push(
      `| ${row.plugin} | \`${name}\` | ${LABELS[row.member]} | ${
        LABELS[row.productOwner]
      } | ALLOW | ${row.why} |`,
    );
  }
  rows.push(
    '| any | any other permission | DENY | DENY | ALLOW | default-deny: a permission the table does not know |',
  );
  return rows.join('\n');
}
