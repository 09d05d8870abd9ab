import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { startMockCloudBackend } from '../__testUtils__/mockCloudBackend';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { entities } from '../__testUtils__/entities';
import { createValidateRequestAction } from './validateRequest';
import { exampleRequest, examples } from './validateRequest.examples';

describe('cloud:request:validate', () => {
  let backend: Awaited<ReturnType<typeof startMockCloudBackend>>;
  let action: ReturnType<typeof createValidateRequestAction>;

  beforeAll(async () => {
    backend = await startMockCloudBackend();
    action = createValidateRequestAction({
      catalog: catalogServiceMock({ entities }),
      client: backend.client,
    });
  });
  afterAll(() => backend.close());

  it('outputs the normalised request of the example', async () => {
    const input = yaml.parse(examples[0].example).steps[0].input;
    const ctx = createMockActionContext({ input });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('application', 'sifac');
    expect(ctx.output).toHaveBeenCalledWith('uai', '0333298F');
    expect(ctx.output).toHaveBeenCalledWith('establishment', 'etab-0333298f');
    expect(ctx.output).toHaveBeenCalledWith('environments', [
      'production',
      'preproduction',
    ]);
    expect(ctx.output).toHaveBeenCalledWith('version', '2026.2');
  });

  it('runs in dry-run as well', async () => {
    const ctx = {
      ...createMockActionContext({ input: exampleRequest as any }),
      isDryRun: true,
    };
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('uai', '0333298F');
  });

  it.each([
    [
      { application: 'SIFAC!' },
      'input.application "SIFAC!" is not an application name',
    ],
    [
      { uai: '0333298Z' },
      'input.uai is invalid: "0333298Z" has a wrong check letter: expected F',
    ],
    [
      { environments: [] },
      'input.environments must name at least one environment',
    ],
    [
      { environments: ['staging'] },
      'input.environments[0] "staging" is not an environment',
    ],
    [
      { environments: ['test', 'test'] },
      'input.environments names an environment twice',
    ],
    [{ version: ' ' }, 'input.version is required'],
    [
      { wishedGoLiveDate: '2020-01-01' },
      'input.wishedGoLiveDate "2020-01-01" is in the past',
    ],
    [
      { wishedGoLiveDate: '2030-02-30' },
      'input.wishedGoLiveDate "2030-02-30" is not a date YYYY-MM-DD',
    ],
    [
      { expectedUsers: 0 },
      'input.expectedUsers must be a whole number from 1 to 1000000',
    ],
    [{ expectedUsers: 12.5 }, 'input.expectedUsers must be a whole number'],
    [
      { idpEntityId: 'idp.u-bordeaux.fr' },
      'input.idpEntityId "idp.u-bordeaux.fr" must be an entity ID: an http(s) URL',
    ],
    // eslint-disable-next-line no-script-url -- refused on purpose
    [{ idpEntityId: 'javascript:alert(1)' }, 'must be an entity ID'],
    [{ idpEntityId: 'urn:no-specific-string' }, 'must be an entity ID'],
    [
      { comment: 'nul\u0000byte' },
      'input.comment must not contain control characters',
    ],
    [
      { contacts: [{ name: 'A\u202eB', email: 'a@b.fr' }] },
      'input.contacts[0].name must be one line without control characters',
    ],
    [
      { migration: 'yes' },
      'input.migration must be true (migration) or false (new installation)',
    ],
    [
      {
        contacts: [
          { name: 'Claire', email: 'claire.dubois@u-bordeaux.fr' },
          { name: 'Nicolas', email: 'nicolas@' },
        ],
      },
      'input.contacts[1].email "nicolas@" is not a valid e-mail address',
    ],
    [
      { contacts: [{ name: ' ', email: 'a@b.fr' }] },
      'input.contacts[0].name is required',
    ],
  ])('rejects %j naming the field and the rule', async (change, message) => {
    const ctx = createMockActionContext({
      input: { ...exampleRequest, ...change } as any,
    });
    await expect(action.handler(ctx)).rejects.toThrow(message);
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('checks the request against the catalog', async () => {
    const cases: Array<[object, string]> = [
      [
        { application: 'pegase' },
        'input.application "pegase" is not an application of the catalog',
      ],
      [
        {
          application: 'harpege',
          version: '2024.1',
          environments: ['production'],
        },
        'input.application "harpege" is not offered as a service',
      ],
      [
        { version: '2025.1' },
        'input.version "2025.1" is not a supported version of "sifac" (supported: 2026.2, 2026.1)',
      ],
      [{ version: '1999.1' }, 'input.version "1999.1" is not a known version'],
      [
        { uai: '0597239Y' },
        'input.uai "0597239Y" is not an establishment of the catalog',
      ],
    ];
    for (const [change, message] of cases) {
      const ctx = createMockActionContext({
        input: { ...exampleRequest, ...change } as any,
      });
      await expect(action.handler(ctx)).rejects.toThrow(message);
      expect(ctx.output).not.toHaveBeenCalled();
    }
  });

  it('accepts a URN entity ID (legacy RENATER entities)', async () => {
    const ctx = createMockActionContext({
      input: {
        ...exampleRequest,
        idpEntityId: 'urn:mace:cru.fr:federation:u-bordeaux.fr',
      } as any,
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('uai', '0333298F');
  });

  it('refuses, in dry-run as in a real run, a request for another establishment', async () => {
    for (const isDryRun of [true, false]) {
      const ctx = {
        ...createMockActionContext({
          input: { ...exampleRequest, uai: '0333298F' } as any,
        }),
        isDryRun,
        getInitiatorCredentials: async () =>
          mockCredentials.user('user:default/julien.lefebvre'),
      };
      await expect(action.handler(ctx)).rejects.toMatchObject({
        name: 'NotAllowedError',
        message:
          'the onboarding service refused POST /requests?dryRun=true: you may only request instances for your own establishment, not for "etab-0333298f"',
      });
      expect(ctx.output).not.toHaveBeenCalled();
    }
  });

  it('lists every invalid field at once', async () => {
    const ctx = createMockActionContext({
      input: { ...exampleRequest, uai: '123', expectedUsers: -1 } as any,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /input\.uai is invalid.*; input\.expectedUsers must be/,
    );
  });
});
