import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { TenantOperations } from './TenantOperations';
import { DefaultTenantService } from './DefaultTenantService';

describe('DefaultTenantService read decisions', () => {
  function setup() {
    const permissions = mockServices.permissions.mock({
      authorizeConditional: jest.fn(async () => [
        { result: AuthorizeResult.ALLOW } as const,
      ]),
    });
    const store = {
      listTenants: jest.fn(async () => ({ items: [] })),
    } as unknown as TenantOperations;
    const decisions: boolean[] = [];
    const service = new DefaultTenantService({
      workflow: store,
      permissions,
      auth: mockServices.auth(),
      auditor: mockServices.auditor.mock(),
      catalog: catalogServiceMock(),
      logger: mockServices.logger.mock(),
      filters: {
        toQuery: jest.fn(),
        allows: jest.fn(),
        applicationScope: jest.fn(),
      },
      onReadDecision: cached => decisions.push(cached),
    });
    return { service, permissions, decisions };
  }

  it('reuses a user read decision for a few seconds, per user', async () => {
    const { service, permissions } = setup();
    const claire = mockCredentials.user('user:default/claire.dubois');
    const julien = mockCredentials.user('user:default/julien.lefebvre');
    await service.listTenants({ credentials: claire });
    await service.listTenants({ credentials: claire });
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    await service.listTenants({ credentials: julien });
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(2);

    // Reused for 30 s, as long as the policy caches application owners.
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 29_000);
    await service.listTenants({ credentials: claire });
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(2);
    jest.spyOn(Date, 'now').mockReturnValue(now + 31_000);
    await service.listTenants({ credentials: claire });
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(3);
    jest.restoreAllMocks();
  });

  it('reports each user read decision as a cache hit or miss', async () => {
    const { service, decisions } = setup();
    const claire = mockCredentials.user('user:default/claire.dubois');
    const julien = mockCredentials.user('user:default/julien.lefebvre');
    await service.listTenants({ credentials: claire });
    await service.listTenants({ credentials: claire });
    await service.listTenants({ credentials: julien });
    await service.listTenants({ credentials: claire });
    // A service principal is never cached, so it is not counted.
    await service.listTenants({ credentials: mockCredentials.service() });
    expect(decisions).toEqual([false, true, false, true]);
  });

  it('asks once for the concurrent reads of one user, and again after a failure', async () => {
    const { service, permissions, decisions } = setup();
    const claire = mockCredentials.user('user:default/claire.dubois');
    await Promise.all(
      Array.from({ length: 5 }, () =>
        service.listTenants({ credentials: claire }),
      ),
    );
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    expect(decisions).toEqual([false, true, true, true, true]);

    const julien = mockCredentials.user('user:default/julien.lefebvre');
    permissions.authorizeConditional.mockRejectedValueOnce(
      new Error('permission backend unavailable'),
    );
    await expect(service.listTenants({ credentials: julien })).rejects.toThrow(
      'permission backend unavailable',
    );
    await service.listTenants({ credentials: julien });
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(3);
  });
});

describe('DefaultTenantService refusals', () => {
  it('tells an establishment member that funding is recorded by Amue, not about approving requests', async () => {
    const tenant = {
      id: 't1',
      name: 'sifac-0333298f-production',
      application: 'sifac',
      establishment: 'etab-0333298f',
    };
    const permissions = mockServices.permissions.mock({
      // Claire reads and changes her tenant, but decides nothing for Amue.
      authorizeConditional: jest.fn(async ([{ permission }]) => [
        permission.name === 'cloud.request.approve'
          ? ({ result: AuthorizeResult.DENY } as const)
          : ({ result: AuthorizeResult.ALLOW } as const),
      ]) as any,
    });
    const store = {
      getTenant: jest.fn(async () => tenant),
      recordFunding: jest.fn(),
    } as unknown as TenantOperations;
    const service = new DefaultTenantService({
      workflow: store,
      permissions,
      auth: mockServices.auth(),
      auditor: mockServices.auditor.mock(),
      catalog: catalogServiceMock(),
      logger: mockServices.logger.mock(),
      filters: {
        toQuery: jest.fn(),
        allows: jest.fn(),
        applicationScope: jest.fn(),
      },
    });
    const refused = service.recordFunding(
      tenant.name,
      { grantedEur: 1000, paidEur: 0 },
      {
        credentials: mockCredentials.user('user:default/claire.dubois'),
        rowVersion: 1,
      },
    );
    await expect(refused).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining('incentive funding'),
    });
    await expect(refused).rejects.not.toMatchObject({
      message: expect.stringMatching(/approv/),
    });
    expect(store.recordFunding).not.toHaveBeenCalled();
  });
});
