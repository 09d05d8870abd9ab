import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import {
  startMockCloudBackend,
  tenantFixture,
} from '../__testUtils__/mockCloudBackend';
import { createAddEnvironmentAction } from './addEnvironment';
import { examples } from './addEnvironment.examples';

describe('cloud:tenant:add-environment', () => {
  let backend: Awaited<ReturnType<typeof startMockCloudBackend>>;
  beforeEach(async () => {
    backend = await startMockCloudBackend([tenantFixture()]);
  });
  afterEach(() => backend.close());

  const context = (input: object, extra: object = {}) => ({
    ...createMockActionContext({ input: input as any, task: { id: 'task-7' } }),
    step: { id: 'request' },
    ...extra,
  });

  it("requests the environment with the tenant's application, establishment, IdP and contacts", async () => {
    const action = createAddEnvironmentAction({ client: backend.client });
    const ctx = context(yaml.parse(examples[0].example).steps[0].input);
    await action.handler(ctx);
    const [write] = backend.writes();
    expect(write.path).toBe('/requests');
    expect(write.body).toEqual({
      application: 'sifac',
      uai: '0333298F',
      environment: 'formation',
      version: '2026.1',
      sso: {
        protocol: 'saml',
        idpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
      },
      request: {
        migration: false,
        wishedGoLiveDate: '2030-01-15',
        expectedUsers: 1200,
        contacts: [
          { name: 'Claire Dubois', email: 'claire.dubois@u-bordeaux.fr' },
        ],
      },
      idempotencyKey: 'scaffolder:task-7:request:formation',
    });
    expect(write.authorization).toContain('"obo":"user:default/mock"');
    expect(ctx.output).toHaveBeenCalledWith(
      'tenantRef',
      'tenant:default/sifac-0333298f-formation',
    );
    expect(ctx.output).toHaveBeenCalledWith('created', true);
  });

  it('creates nothing twice when the task runs again', async () => {
    const action = createAddEnvironmentAction({ client: backend.client });
    const input = {
      tenant: 'sifac-0333298f-production',
      environments: ['test'],
      version: '2026.2',
    };
    await action.handler(context(input));
    const retry = context(input);
    await action.handler(retry);
    expect(backend.tenants.size).toBe(2);
    expect(retry.output).toHaveBeenCalledWith('created', false);
  });

  it('only reads in dry-run', async () => {
    const action = createAddEnvironmentAction({ client: backend.client });
    const ctx = context(
      { tenant: 'sifac-0333298f-production', environments: ['test'] },
      { isDryRun: true },
    );
    await action.handler(ctx);
    expect(backend.writes()).toEqual([]);
    expect(ctx.output).toHaveBeenCalledWith(
      'tenantName',
      'sifac-0333298f-test',
    );
  });

  it.each([
    [
      { environments: ['production'] },
      'input.environments: "production" is the environment of "sifac-0333298f-production" already',
    ],
    [
      { environments: [] },
      'input.environments must name at least one environment',
    ],
    [
      { environments: ['qa'] },
      'input.environments[0] "qa" is not an environment',
    ],
    [
      { environments: ['test'], wishedGoLiveDate: '2000-01-01' },
      'input.wishedGoLiveDate "2000-01-01" is in the past',
    ],
  ])('rejects %j and creates nothing', async (change, message) => {
    const action = createAddEnvironmentAction({ client: backend.client });
    const ctx = context({ tenant: 'sifac-0333298f-production', ...change });
    await expect(action.handler(ctx)).rejects.toThrow(message);
    expect(backend.writes()).toEqual([]);
  });
});
