import {
  isResourcePermission,
  Permission,
} from '@backstage/plugin-permission-common';
import { cloudPermissions } from './permissions';

const describePermission = (permission: Permission) => ({
  name: permission.name,
  type: permission.type,
  action: permission.attributes.action,
  resourceType: isResourcePermission(permission)
    ? permission.resourceType
    : undefined,
});

describe('cloud permissions', () => {
  // The names are stored in policies and audit logs: renaming one breaks
  // them, so the list is pinned here.
  it('lists every permission with its type, action and resource type', () => {
    expect(new Set(cloudPermissions.map(p => p.name)).size).toBe(
      cloudPermissions.length,
    );
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
    ]);
  });
});
