import {
  isResourcePermission,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  cloudPermissions,
  cloudPersonDeletePermission,
  cloudReportReadPermission,
  cloudRequestApprovePermission,
  cloudRequestCreatePermission,
  cloudTenantReadPermission,
  cloudTenantUpdatePermission,
  TENANT_RESOURCE_TYPE,
} from './permissions';

const describePermission = (permission: Permission) => ({
  name: permission.name,
  type: permission.type,
  action: permission.attributes.action,
  resourceType: isResourcePermission(permission)
    ? permission.resourceType
    : undefined,
});

describe('cloud permissions', () => {
  it('uses the cloud-tenant resource type', () => {
    expect(TENANT_RESOURCE_TYPE).toBe('cloud-tenant');
  });

  it('lists every permission with its type, action and resource type', () => {
    expect(cloudPermissions.map(describePermission)).toEqual([
      {
        name: 'cloud.tenant.read',
        type: 'resource',
        action: 'read',
        resourceType: 'cloud-tenant',
      },
      {
        name: 'cloud.tenant.update',
        type: 'resource',
        action: 'update',
        resourceType: 'cloud-tenant',
      },
      {
        name: 'cloud.request.create',
        type: 'basic',
        action: 'create',
        resourceType: undefined,
      },
      {
        name: 'cloud.request.approve',
        type: 'resource',
        action: 'update',
        resourceType: 'cloud-tenant',
      },
      {
        name: 'cloud.report.read',
        type: 'basic',
        action: 'read',
        resourceType: undefined,
      },
      {
        name: 'cloud.person.delete',
        type: 'basic',
        action: 'delete',
        resourceType: undefined,
      },
    ]);
  });

  it('exports each permission by name', () => {
    expect(cloudPermissions).toEqual([
      cloudTenantReadPermission,
      cloudTenantUpdatePermission,
      cloudRequestCreatePermission,
      cloudRequestApprovePermission,
      cloudReportReadPermission,
      cloudPersonDeletePermission,
    ]);
    expect(new Set(cloudPermissions.map(p => p.name)).size).toBe(6);
  });
});
