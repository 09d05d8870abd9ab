import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createAwaitCatalogAction } from './awaitCatalog';
import { examples } from './awaitCatalog.examples';

const tenant = (name: string) => ({
  apiVersion: 'cloud.amue.fr/v1alpha1',
  kind: 'Tenant',
  metadata: { name },
  spec: {},
});

describe('cloud:tenant:await-catalog', () => {
  it('outputs the refs once the tenants are in the catalog, as the user sees it', async () => {
    const catalog = catalogServiceMock.mock();
    let calls = 0;
    catalog.getEntitiesByRefs.mockImplementation(async () => {
      calls += 1;
      return {
        items: [calls < 3 ? undefined : tenant('sifac-0333298f-production')],
      };
    });
    const action = createAwaitCatalogAction({ catalog, pollIntervalMs: 5 });
    const ctx = createMockActionContext({
      input: yaml.parse(examples[0].example).steps[0].input,
    });
    await action.handler(ctx);
    expect(calls).toBe(3);
    expect(catalog.getEntitiesByRefs).toHaveBeenCalledWith(
      {
        entityRefs: ['tenant:default/sifac-0333298f-production'],
        fields: ['kind', 'metadata.name'],
      },
      { credentials: await ctx.getInitiatorCredentials() },
    );
    expect(ctx.output).toHaveBeenCalledWith('entityRefs', [
      'tenant:default/sifac-0333298f-production',
    ]);
    expect(ctx.output).toHaveBeenCalledWith('inCatalog', true);
  });

  it('gives up quietly when the catalog is slow', async () => {
    const catalog = catalogServiceMock({
      entities: [tenant('sifac-0333298f-production')],
    });
    const action = createAwaitCatalogAction({ catalog, pollIntervalMs: 5 });
    const ctx = createMockActionContext({
      input: {
        tenants: ['sifac-0333298f-production', 'sifac-0333298f-test'],
        timeoutSeconds: 0.05,
      },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('inCatalog', false);
  });

  it('does not wait in dry-run', async () => {
    const catalog = catalogServiceMock.mock();
    const action = createAwaitCatalogAction({ catalog });
    const ctx = {
      ...createMockActionContext({
        input: { tenants: ['sifac-0333298f-production'] },
      }),
      isDryRun: true,
    };
    await action.handler(ctx);
    expect(catalog.getEntitiesByRefs).not.toHaveBeenCalled();
    expect(ctx.output).toHaveBeenCalledWith('inCatalog', false);
  });

  it('rejects a name that is not a tenant', async () => {
    const action = createAwaitCatalogAction({ catalog: catalogServiceMock() });
    const ctx = createMockActionContext({
      input: { tenants: ['group:default/amue-admins'] },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'input.tenants[0] "group:default/amue-admins" is not a tenant name',
    );
  });
});
