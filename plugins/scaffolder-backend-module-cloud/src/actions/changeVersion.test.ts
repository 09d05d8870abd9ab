import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import {
  startMockCloudBackend,
  tenantFixture,
} from '../__testUtils__/mockCloudBackend';
import { createChangeVersionAction } from './changeVersion';
import { examples } from './changeVersion.examples';

describe('cloud:tenant:change-version', () => {
  let backend: Awaited<ReturnType<typeof startMockCloudBackend>>;
  beforeEach(async () => {
    backend = await startMockCloudBackend([
      tenantFixture(),
      tenantFixture({
        environment: 'test',
        decommissioned: true,
        status: 'decommissioned',
      }),
    ]);
  });
  afterEach(() => backend.close());

  const context = (input: object, extra: object = {}) => ({
    ...createMockActionContext({ input: input as any }),
    ...extra,
  });

  it('moves the tenant to the version, as the user, with its rowVersion', async () => {
    const action = createChangeVersionAction({ client: backend.client });
    const ctx = context(yaml.parse(examples[0].example).steps[0].input);
    await action.handler(ctx);
    const [write] = backend.writes();
    expect(write.path).toBe('/tenants/sifac-0333298f-production/version');
    expect(write.body).toEqual({ version: '2026.2', rowVersion: 3 });
    expect(write.authorization).toContain('"obo":"user:default/mock"');
    expect(backend.tenants.get('sifac-0333298f-production')!.version).toBe(
      '2026.2',
    );
    expect(ctx.output).toHaveBeenCalledWith('previousVersion', '2026.1');
    expect(ctx.output).toHaveBeenCalledWith('changed', true);
    expect(ctx.output).toHaveBeenCalledWith('tenants', [
      {
        name: 'sifac-0333298f-production',
        application: 'sifac',
        uai: '0333298F',
        environment: 'production',
        version: '2026.2',
        idpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
        expectedUsers: 1200,
      },
    ]);
  });

  it('sends nothing when the tenant is at that version already (a retry)', async () => {
    const action = createChangeVersionAction({ client: backend.client });
    const input = { tenant: 'sifac-0333298f-production', version: '2026.2' };
    await action.handler(context(input));
    const retry = context(input);
    await action.handler(retry);
    expect(backend.writes()).toHaveLength(1);
    expect(retry.output).toHaveBeenCalledWith('changed', false);
  });

  it('only reads in dry-run', async () => {
    const action = createChangeVersionAction({ client: backend.client });
    const ctx = context(
      { tenant: 'sifac-0333298f-production', version: '2026.2' },
      { isDryRun: true },
    );
    await action.handler(ctx);
    expect(backend.writes()).toEqual([]);
    expect(backend.tenants.get('sifac-0333298f-production')!.version).toBe(
      '2026.1',
    );
    expect(ctx.output).toHaveBeenCalledWith('changed', false);
  });

  it.each([
    [
      { tenant: '../etc', version: '2026.2' },
      'input.tenant "../etc" is not a tenant name',
    ],
    [
      { tenant: 'component:default/x', version: '2026.2' },
      'is not a tenant name or entity ref',
    ],
    [
      { tenant: 'sifac-0333298f-production', version: '' },
      'input.version is required',
    ],
    [
      { tenant: 'sifac-0333298f-test', version: '2026.2' },
      'tenant "sifac-0333298f-test" is decommissioned',
    ],
    [
      { tenant: 'siham-0333298f-production', version: '2026.2' },
      'the onboarding service refused GET /tenants/siham-0333298f-production: tenant "siham-0333298f-production" was not found',
    ],
  ])('rejects %j and changes nothing', async (input, message) => {
    const action = createChangeVersionAction({ client: backend.client });
    const ctx = context(input);
    await expect(action.handler(ctx)).rejects.toThrow(message);
    expect(backend.writes()).toEqual([]);
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it("reports the onboarding service's refusal", async () => {
    const action = createChangeVersionAction({ client: backend.client });
    const ctx = context({
      tenant: 'sifac-0333298f-production',
      version: '2025.1',
    });
    // The GET answers; the POST is refused.
    const original = backend.client.changeVersion.bind(backend.client);
    backend.client.changeVersion = async (...args) => {
      backend.failNextWith(
        400,
        'version "2025.1" is not a supported version of application "sifac"',
      );
      return original(...args);
    };
    await expect(action.handler(ctx)).rejects.toThrow(
      'is not a supported version',
    );
    expect(backend.tenants.get('sifac-0333298f-production')!.version).toBe(
      '2026.1',
    );
  });
});
