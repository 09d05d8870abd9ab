import {
  isResourcePermission,
  Permission,
} from '@backstage/plugin-permission-common';
import { cloudPermissions, cloudTenantConditions } from './permissions';

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
      {
        name: 'cloud.person.delete',
        type: 'basic',
        action: 'delete',
        resourceType: undefined,
      },
    ]);
  });
});

describe('conditions on tenants', () => {
  it('name the rule and the resource type, with a copy of the parameters', () => {
    const claims = ['group:default/etab-0333298f'];
    const member = cloudTenantConditions.isEstablishmentMember({ claims });
    expect(member).toEqual({
      rule: 'IS_ESTABLISHMENT_MEMBER',
      resourceType: 'cloud-tenant',
      params: { claims: ['group:default/etab-0333298f'] },
    });
    claims.push('group:default/etab-0597239y');
    expect(member.params).toEqual({ claims: ['group:default/etab-0333298f'] });

    const applications = ['sifac'];
    const owner = cloudTenantConditions.isApplicationOwner({ applications });
    expect(owner).toEqual({
      rule: 'IS_APPLICATION_OWNER',
      resourceType: 'cloud-tenant',
      params: { applications: ['sifac'] },
    });
    applications.push('siham');
    expect(owner.params).toEqual({ applications: ['sifac'] });
  });
});
