import { createPermission } from '@backstage/plugin-permission-common';

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
];
