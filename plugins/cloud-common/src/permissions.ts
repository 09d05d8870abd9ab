import {
  createPermission,
  PermissionCondition,
} from '@backstage/plugin-permission-common';

/**
 * Resource type of the portal's tenants in the permission framework: the
 * resource permissions below are checked against one tenant, and the
 * backend's conditional rules (member of the tenant's establishment, owner
 * of the tenant's application) apply to it.
 *
 * @public
 */
export const TENANT_RESOURCE_TYPE = 'cloud-tenant';

/**
 * Read a tenant: its steps, events, comments, funding and training figures.
 *
 * @public
 */
export const cloudTenantReadPermission = createPermission({
  name: 'cloud.tenant.read',
  attributes: { action: 'read' },
  resourceType: TENANT_RESOURCE_TYPE,
});

/**
 * Change a tenant: act on its steps, comment, record funding and training.
 *
 * @public
 */
export const cloudTenantUpdatePermission = createPermission({
  name: 'cloud.tenant.update',
  attributes: { action: 'update' },
  resourceType: TENANT_RESOURCE_TYPE,
});

/**
 * Create a request for a tenant. A basic permission: which establishment
 * the request is for is checked by the backend against the requester's
 * groups.
 *
 * @public
 */
export const cloudRequestCreatePermission = createPermission({
  name: 'cloud.request.create',
  attributes: { action: 'create' },
});

/**
 * Approve or reject the request of a tenant.
 *
 * @public
 */
export const cloudRequestApprovePermission = createPermission({
  name: 'cloud.request.approve',
  attributes: { action: 'update' },
  resourceType: TENANT_RESOURCE_TYPE,
});

/**
 * Read the programme's reports (adoption, funnel, durations, blocked list)
 * and their CSV exports.
 *
 * @public
 */
export const cloudReportReadPermission = createPermission({
  name: 'cloud.report.read',
  attributes: { action: 'read' },
});

/**
 * Remove a person signed in through the federation (their record and their
 * catalog User) before the retention period ends. A basic permission:
 * administrators only.
 *
 * @public
 */
export const cloudPersonDeletePermission = createPermission({
  name: 'cloud.person.delete',
  attributes: { action: 'delete' },
});

/**
 * Every permission of the portal's cloud plugin.
 *
 * @public
 */
export const cloudPermissions = [
  cloudTenantReadPermission,
  cloudTenantUpdatePermission,
  cloudRequestCreatePermission,
  cloudRequestApprovePermission,
  cloudReportReadPermission,
  cloudPersonDeletePermission,
];

/**
 * Names of the permission rules the cloud backend registers for the
 * {@link TENANT_RESOURCE_TYPE} resource type. Each rule is applied both in
 * memory (one tenant) and as a database filter (lists and reports), so that
 * pagination stays right.
 *
 * @public
 */
export const CLOUD_TENANT_RULES = Object.freeze({
  /**
   * The tenant belongs to one of the establishments among `claims` (entity
   * refs the user is part of, e.g. `group:default/etab-0333298f`).
   */
  isEstablishmentMember: 'IS_ESTABLISHMENT_MEMBER',
  /**
   * The tenant is an instance of one of `applications` (names of
   * Application entities): the policy passes the applications owned by the
   * user's groups, so that "owner of the tenant's application" holds.
   */
  isApplicationOwner: 'IS_APPLICATION_OWNER',
} as const);

/**
 * Parameters of the `IS_ESTABLISHMENT_MEMBER` rule.
 *
 * @public
 */
export interface EstablishmentMemberParams {
  /** Entity refs of the user's ownership (its own ref and its groups). */
  claims: string[];
}

/**
 * Parameters of the `IS_APPLICATION_OWNER` rule.
 *
 * @public
 */
export interface ApplicationOwnerParams {
  /** Names (or refs) of the Application entities the user's groups own. */
  applications: string[];
}

/**
 * Conditions on tenants for permission policies, as plain data (the rules
 * themselves live in the cloud backend).
 *
 * @public
 */
export const cloudTenantConditions = Object.freeze({
  isEstablishmentMember(
    params: EstablishmentMemberParams,
  ): PermissionCondition<typeof TENANT_RESOURCE_TYPE> {
    return {
      rule: CLOUD_TENANT_RULES.isEstablishmentMember,
      resourceType: TENANT_RESOURCE_TYPE,
      params: { claims: [...params.claims] },
    };
  },
  isApplicationOwner(
    params: ApplicationOwnerParams,
  ): PermissionCondition<typeof TENANT_RESOURCE_TYPE> {
    return {
      rule: CLOUD_TENANT_RULES.isApplicationOwner,
      resourceType: TENANT_RESOURCE_TYPE,
      params: { applications: [...params.applications] },
    };
  },
});
