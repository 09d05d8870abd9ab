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
        exactApplicationScope: jest.fn(),
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

    // Reused for 30 s, as long as the policy caches application owners
    // (asked again in the background from 20 s: next test).
    const now = Date.now();
    const at = (ms: number) =>
      jest.spyOn(Date, 'now').mockReturnValue(now + ms);
    at(19_000);
    await service.listTenants({ credentials: julien });
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(2);
    at(31_000);
    await service.listTenants({ credentials: julien });
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(3);
    jest.restoreAllMocks();
  });

  it('asks again in the background after 20 s, answering meanwhile with the cached decision, never past 30 s', async () => {
    const { service, permissions } = setup();
    const claire = mockCredentials.user('user:default/claire.dubois');
    const now = Date.now();
    const at = (ms: number) =>
      jest.spyOn(Date, 'now').mockReturnValue(now + ms);
    at(0);
    await service.listTenants({ credentials: claire });
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    at(19_000);
    await service.listTenants({ credentials: claire });
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);

    // Past 20 s: the read is answered by the cached decision (ALLOW) while
    // a new one (DENY) is asked; one refresh for the concurrent reads.
    let answer!: (value: any) => void;
    permissions.authorizeConditional.mockImplementationOnce(
      () => new Promise(resolve => (answer = resolve)),
    );
    at(21_000);
    const store = (service as any).options.workflow;
    await service.listTenants({ credentials: claire });
    await service.listTenants({ credentials: claire });
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(2);
    expect(store.listTenants).toHaveBeenCalledTimes(4);
    answer([{ result: AuthorizeResult.DENY }]);
    await new Promise(setImmediate);
    // The new decision answers from now on: nothing is listed.
    await expect(service.listTenants({ credentials: claire })).resolves.toEqual(
      { items: [] },
    );
    expect(store.listTenants).toHaveBeenCalledTimes(4);
    // It lives from its answer (at 21 s), without a new question until 41 s.
    at(40_000);
    await service.listTenants({ credentials: claire });
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(2);

    // A refresh that fails keeps the old decision until it expires, then
    // the read waits for a new one.
    permissions.authorizeConditional.mockRejectedValueOnce(
      new Error('permission backend unavailable'),
    );
    at(42_000);
    await expect(service.listTenants({ credentials: claire })).resolves.toEqual(
      { items: [] },
    );
    await new Promise(setImmediate);
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(3);
    at(52_000);
    await service.listTenants({ credentials: claire });
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(4);
    jest.restoreAllMocks();
  });

  it('asks again when a question stays unanswered for 30 s', async () => {
    const { service, permissions } = setup();
    const claire = mockCredentials.user('user:default/claire.dubois');
    const now = Date.now();
    const at = (ms: number) =>
      jest.spyOn(Date, 'now').mockReturnValue(now + ms);
    permissions.authorizeConditional.mockImplementationOnce(
      () => new Promise(() => {}),
    );
    at(0);
    const stuck = service.listTenants({ credentials: claire });
    at(29_000);
    const waiting = service.listTenants({ credentials: claire });
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(1);
    at(31_000);
    await expect(
      service.listTenants({ credentials: claire }),
    ).resolves.toBeDefined();
    expect(permissions.authorizeConditional).toHaveBeenCalledTimes(2);
    // the two reads that waited for the unanswered question still wait
    const settled = await Promise.race([
      Promise.all([stuck, waiting]).then(() => 'settled'),
      new Promise(resolve => setImmediate(() => resolve('waiting'))),
    ]);
    expect(settled).toBe('waiting');
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
        exactApplicationScope: jest.fn(),
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
