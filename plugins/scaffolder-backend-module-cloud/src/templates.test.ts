import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import yaml from 'yaml';
import { entities } from './__testUtils__/entities';
import {
  startMockCloudBackend,
  tenantFixture,
} from './__testUtils__/mockCloudBackend';
import scaffolderModuleCloud from './index';

/*
 * Each template of templates/ through the scaffolder's dry-run API
 * (POST /api/scaffolder/v2/dry-run): the scaffolder backend with this
 * module, a catalog mock, and a mock of the cloud backend's REST API.
 */

const TEMPLATES_DIR = path.resolve(__dirname, '../../../templates');

function template(name: string) {
  return yaml.parse(
    fs.readFileSync(path.join(TEMPLATES_DIR, name, 'template.yaml'), 'utf8'),
  );
}

const CLAIRE = mockCredentials.user.header('user:default/claire.dubois');

describe('templates through the scaffolder dry-run', () => {
  const mockDir = createMockDirectory();
  const repository = () => path.join(mockDir.path, 'gitops.git');
  let cloud: Awaited<ReturnType<typeof startMockCloudBackend>>;
  let server: any;

  beforeAll(async () => {
    cloud = await startMockCloudBackend([
      tenantFixture(),
      tenantFixture({ environment: 'formation' }),
    ]);
    const { server: httpServer } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleCloud,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            cloud: { gitops: { repository: repository() } },
          },
        }),
        createServiceFactory({
          service: coreServices.discovery,
          deps: {},
          factory: () => ({
            getBaseUrl: async (id: string) =>
              id === 'cloud'
                ? cloud.baseUrl
                : `http://localhost:7007/api/${id}`,
            getExternalBaseUrl: async (id: string) =>
              `http://localhost:7007/api/${id}`,
          }),
        }),
      ],
    });
    server = httpServer;
  });

  afterAll(async () => {
    await cloud.close();
  });

  async function dryRun(name: string, values: object) {
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', CLAIRE)
      .send({ template: template(name), values, directoryContents: [] });
    // Dry-runs never write to the onboarding service nor the repository.
    expect(cloud.writes()).toEqual([]);
    expect(fs.existsSync(repository())).toBe(false);
    return res;
  }

  function files(body: any): Record<string, string> {
    return Object.fromEntries(
      body.directoryContents.map((f: any) => [
        f.path,
        Buffer.from(f.base64Content, 'base64').toString('utf8'),
      ]),
    );
  }

  const requestValues = {
    uai: '0333298F',
    application: 'application:default/sifac',
    environments: ['production', 'formation'],
    version: '2026.2',
    wishedGoLiveDate: '2030-09-01',
    expectedUsers: 1200,
    migration: true,
    idpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
    contacts: [{ name: 'Claire Dubois', email: 'claire.dubois@u-bordeaux.fr' }],
  };

  it('"Demander une instance hébergée" validates, renders and links, creating nothing', async () => {
    const res = await dryRun('demander-une-instance', requestValues);
    expect(res.status).toBe(200);
    expect(res.body.steps.map((s: any) => s.id)).toEqual([
      'validate',
      'request',
      'render',
      'commit',
      'register',
    ]);
    expect(Object.keys(files(res.body)).sort()).toEqual([
      'gitops/tenants/sifac-0333298f-formation/namespace.yaml',
      'gitops/tenants/sifac-0333298f-formation/values.yaml',
      'gitops/tenants/sifac-0333298f-production/namespace.yaml',
      'gitops/tenants/sifac-0333298f-production/values.yaml',
    ]);
    const values = yaml.parse(
      files(res.body)['gitops/tenants/sifac-0333298f-production/values.yaml'],
    );
    expect(values.application).toEqual({ name: 'sifac', version: '2026.2' });
    expect(values.sso.idpEntityId).toBe(
      'https://idp.u-bordeaux.fr/idp/shibboleth',
    );
    expect(values.sizing.size).toBe('M');

    expect(res.body.output.links).toEqual([
      {
        title: "Page de l'instance",
        icon: 'catalog',
        entityRef: 'tenant:default/sifac-0333298f-production',
      },
      {
        title: "Suivi de l'accompagnement",
        icon: 'dashboard',
        url: '/cloud/tenants/sifac-0333298f-production',
      },
    ]);
    const [text] = res.body.output.text;
    expect(text.content).toContain(
      '- [sifac-0333298f-production](/cloud/tenants/sifac-0333298f-production)',
    );
    expect(text.content).toContain(
      '- [sifac-0333298f-formation](/cloud/tenants/sifac-0333298f-formation)',
    );
    expect(text.content).toContain('commit `dry-run`');
  });

  it('keeps the optional fields optional', async () => {
    const { wishedGoLiveDate, expectedUsers, idpEntityId, ...required } =
      requestValues;
    const res = await dryRun('demander-une-instance', required);
    expect(res.status).toBe(200);
    const values = yaml.parse(
      files(res.body)['gitops/tenants/sifac-0333298f-production/values.yaml'],
    );
    expect(values.sso).toEqual({ enabled: false });
    expect(values.sizing.size).toBe('S');
  });

  it.each([
    [{ idpEntityId: 'idp.u-bordeaux.fr' }, 'idpEntityId'],
    [{ contacts: [{ name: 'Claire', email: 'claire' }] }, 'email'],
    [{ environments: [] }, 'environments'],
    [{ expectedUsers: 0 }, 'expectedUsers'],
  ])('refuses the form values %j (the form schema)', async (change, field) => {
    const res = await dryRun('demander-une-instance', {
      ...requestValues,
      ...change,
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain(field);
  });

  it('fails at the validation step for a go-live date in the past, an unknown version', async () => {
    for (const [change, message] of [
      [
        { wishedGoLiveDate: '2020-01-01' },
        'input.wishedGoLiveDate "2020-01-01" is in the past',
      ],
      [
        { version: '2025.1' },
        'input.version "2025.1" is not a supported version of "sifac"',
      ],
      [
        { uai: '0597239Y' },
        'input.uai "0597239Y" is not an establishment of the catalog',
      ],
    ] as const) {
      const res = await dryRun('demander-une-instance', {
        ...requestValues,
        ...change,
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ name: 'InputError' });
      expect(res.body.error.message).toContain(message);
    }
  });

  it('"Changer de version" reads the tenant and renders it at the new version', async () => {
    const res = await dryRun('changer-de-version', {
      tenant: 'tenant:default/sifac-0333298f-production',
      version: '2026.2',
    });
    expect(res.status).toBe(200);
    const values = yaml.parse(
      files(res.body)['gitops/tenants/sifac-0333298f-production/values.yaml'],
    );
    expect(values.application.version).toBe('2026.2');
    expect(res.body.output.text[0].content).toContain('2026.1 → 2026.2');
    expect(cloud.calls.at(-1)).toMatchObject({
      method: 'GET',
      path: '/tenants/sifac-0333298f-production',
    });
    // As Claire, not as the scaffolder.
    expect(cloud.calls.at(-1)!.authorization).toContain(
      'user:default/claire.dubois',
    );
  });

  it('"Ajouter un environnement" renders the new environment from the tenant', async () => {
    const res = await dryRun('ajouter-un-environnement', {
      tenant: 'tenant:default/sifac-0333298f-production',
      environments: ['test'],
    });
    expect(res.status).toBe(200);
    expect(Object.keys(files(res.body))).toContain(
      'gitops/tenants/sifac-0333298f-test/values.yaml',
    );
    expect(res.body.output.links[0].entityRef).toBe(
      'tenant:default/sifac-0333298f-test',
    );
  });

  it('"Décommissionner une instance" checks the confirmation and removes nothing', async () => {
    const ok = await dryRun('decommissionner-une-instance', {
      tenant: 'tenant:default/sifac-0333298f-formation',
      reason: 'Formation terminée',
      confirmation: 'sifac-0333298f-formation',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.output.text[0].content).toContain(
      'sifac-0333298f-formation',
    );

    const wrong = await dryRun('decommissionner-une-instance', {
      tenant: 'tenant:default/sifac-0333298f-formation',
      reason: 'Formation terminée',
      confirmation: 'sifac',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain(
      'input.confirmation must be the tenant\'s name "sifac-0333298f-formation"',
    );
  });

  it('holds four templates the catalog accepts', async () => {
    const policy = EntityPolicies.allOf([
      new SchemaValidEntityPolicy(),
      new DefaultNamespaceEntityPolicy(),
      new NoForeignRootFieldsEntityPolicy(),
      new FieldFormatEntityPolicy(),
    ]);
    for (const name of fs.readdirSync(TEMPLATES_DIR)) {
      const entity = template(name);
      await expect(policy.enforce(entity)).resolves.toBeDefined();
      await expect(templateEntityV1beta3Validator.check(entity)).resolves.toBe(
        true,
      );
    }
  });

  it('names the four templates as the catalog expects', () => {
    const names = fs
      .readdirSync(TEMPLATES_DIR)
      .filter(n => fs.existsSync(path.join(TEMPLATES_DIR, n, 'template.yaml')));
    expect(names.sort()).toEqual([
      'ajouter-un-environnement',
      'changer-de-version',
      'decommissionner-une-instance',
      'demander-une-instance',
    ]);
    for (const name of names) {
      expect(template(name).metadata.name).toBe(name);
    }
  });
});
