import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import {
  startMockCloudBackend,
  tenantFixture,
} from '../__testUtils__/mockCloudBackend';
import { createDecommissionAction } from './decommission';
import { examples } from './decommission.examples';

describe('cloud:tenant:decommission', () => {
  let backend: Awaited<ReturnType<typeof startMockCloudBackend>>;
  beforeEach(async () => {
    backend = await startMockCloudBackend([
      tenantFixture({ environment: 'formation' }),
    ]);
  });
  afterEach(() => backend.close());

  const NAME = 'sifac-0333298f-formation';
  const context = (input: object, extra: object = {}) => ({
    ...createMockActionContext({ input: input as any }),
    ...extra,
  });

  it('decommissions the tenant with the reason, as the user', async () => {
    const action = createDecommissionAction({ client: backend.client });
    const ctx = context(yaml.parse(examples[0].example).steps[0].input);
    await action.handler(ctx);
    const [write] = backend.writes();
    expect(write.path).toBe(`/tenants/${NAME}/decommission`);
    expect(write.body).toEqual({
      reason: 'Formation des utilisateurs terminée',
      rowVersion: 3,
    });
    expect(write.authorization).toContain('"obo":"user:default/mock"');
    expect(backend.tenants.get(NAME)!.decommissioned).toBe(true);
    expect(ctx.output).toHaveBeenCalledWith(
      'tenantRef',
      `tenant:default/${NAME}`,
    );
    expect(ctx.output).toHaveBeenCalledWith('changed', true);
  });

  it('sends nothing for a tenant already decommissioned (a retry)', async () => {
    const action = createDecommissionAction({ client: backend.client });
    const input = {
      tenant: `tenant:default/${NAME}`,
      reason: 'Fin',
      confirmation: NAME,
    };
    await action.handler(context(input));
    const retry = context(input);
    await action.handler(retry);
    expect(backend.writes()).toHaveLength(1);
    expect(retry.output).toHaveBeenCalledWith('changed', false);
  });

  it('only reads in dry-run', async () => {
    const action = createDecommissionAction({ client: backend.client });
    await action.handler(
      context(
        { tenant: NAME, reason: 'Fin', confirmation: NAME },
        { isDryRun: true },
      ),
    );
    expect(backend.writes()).toEqual([]);
    expect(backend.tenants.get(NAME)!.decommissioned).toBe(false);
  });

  it.each([
    [
      { tenant: NAME, reason: ' ', confirmation: NAME },
      'input.reason is required',
    ],
    [
      { tenant: NAME, reason: 'Fin', confirmation: 'sifac' },
      `input.confirmation must be the tenant's name "${NAME}"`,
    ],
    [
      { tenant: '/etc/passwd', reason: 'Fin', confirmation: '/etc/passwd' },
      'is not a tenant name',
    ],
  ])('rejects %j and sends nothing', async (input, message) => {
    const action = createDecommissionAction({ client: backend.client });
    const ctx = context(input);
    await expect(action.handler(ctx)).rejects.toThrow(message);
    expect(backend.calls).toEqual([]);
  });
});
