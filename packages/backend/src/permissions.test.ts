import {
  TestBackend,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthService,
  coreServices,
  createBackendPlugin,
  RootInstanceMetadataService,
} from '@backstage/backend-plugin-api';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { ConfigSources } from '@backstage/config-loader';
import { permissionDecisions } from '@amue/plugin-permission-backend-module-cloud-policy/alpha';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { authModuleDevProvider } from './modules/devAuthProvider';

/*
 * The portal's backend as src/index.ts assembles it (every feature it
 * adds), started in-process on SQLite: every permission its plugins
 * register must have an explicit decision in the policy's table, and the
 * production automation token only reaches what its access restrictions
 * list.
 */

const root = path.resolve(__dirname, '../../..');

const AUTOMATION_TOKEN = 'automation-token-for-tests';

/**
 * The packages src/index.ts adds with `backend.add(import('...'))`, loaded
 * with `require` (the jest setup of backend packages cannot run native
 * dynamic imports).
 */
function backendFeatures() {
  const source = fs.readFileSync(path.join(__dirname, 'index.ts'), 'utf8');
  const names = [
    ...source.matchAll(/backend\.add\(\s*import\(\s*'([^']+)'\s*\)\s*\)/g),
  ].map(match => match[1]);
  expect(names).toContain('@backstage/plugin-catalog-backend');
  return names.map(name => {
    // eslint-disable-next-line @backstage/no-undeclared-imports
    const module = require(name);
    return module.default ?? module;
  });
}

/** The automation token of app-config.production.yaml, as configured. */
async function productionExternalAccess() {
  const source = ConfigSources.defaultForTargets({
    rootDir: root,
    targets: [
      { type: 'path', target: path.join(root, 'app-config.yaml') },
      { type: 'path', target: path.join(root, 'app-config.production.yaml') },
    ],
    substitutionFunc: async name =>
      name === 'BACKEND_SECRET' ? AUTOMATION_TOKEN : 'x',
  });
  const config = await ConfigSources.toConfig(source);
  config.close();
  return config.get('backend.auth.externalAccess');
}


let instanceMetadata: RootInstanceMetadataService | undefined;
let probeAuth: AuthService | undefined;

/**
 * Captures which plugins are installed, and the auth service of a plugin
 * of its own to call the others' permission metadata as a service.
 */
const metadataProbe = createBackendPlugin({
  pluginId: 'test-metadata-probe',
  register(env) {
    env.registerInit({
      deps: {
        metadata: coreServices.rootInstanceMetadata,
        auth: coreServices.auth,
      },
      async init({ metadata, auth }) {
        instanceMetadata = metadata;
        probeAuth = auth;
      },
    });
  },
});

async function serviceToken(targetPluginId: string) {
  const { token } = await probeAuth!.getPluginRequestToken({
    onBehalfOf: await probeAuth!.getOwnServiceCredentials(),
    targetPluginId,
  });
  return `Bearer ${token}`;
}

jest.setTimeout(120_000);

describe('the portal backend', () => {
  let backend: TestBackend;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        ...backendFeatures(),
        authModuleDevProvider,
        metadataProbe,
        // The real auth services: they read backend.auth.externalAccess.
        authServiceFactory,
        httpAuthServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: {
              baseUrl: 'http://localhost:7007',
              auth: { externalAccess: await productionExternalAccess() },
            },
            permission: { enabled: true },
            auth: { environment: 'development', providers: { dev: {} } },
            techdocs: {
              builder: 'local',
              publisher: { type: 'local' },
              generator: { runIn: 'local' },
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('registers no permission the policy has not decided on', async () => {
    const plugins = (await instanceMetadata!.getInstalledPlugins())
      .map(p => p.pluginId)
      .filter(id => id !== 'test-metadata-probe')
      .sort();
    // The plugins the issue names are all there.
    expect(plugins).toEqual(
      expect.arrayContaining([
        'catalog',
        'scaffolder',
        'search',
        'notifications',
        'signals',
        'events',
        'permission',
        'cloud',
        'mcp-actions',
        'techdocs',
      ]),
    );

    const registered: Array<{ plugin: string; name: string }> = [];
    for (const plugin of plugins) {
      const res = await request(backend.server)
        .get(`/api/${plugin}/.well-known/backstage/permissions/metadata`)
        .set('Authorization', await serviceToken(plugin));
      // 404: the plugin serves no permission metadata (registers none).
      expect([200, 404]).toContain(res.status);
      for (const permission of res.body.permissions ?? []) {
        registered.push({ plugin, name: permission.name });
      }
    }
    // eslint-disable-next-line no-console
    console.log(
      `${registered.length} permissions registered by ${
        plugins.length
      } plugins (${plugins.join(', ')})`,
    );
    expect(registered.length).toBeGreaterThan(20);

    const undecided = registered.filter(p => !permissionDecisions[p.name]);
    expect(undecided).toEqual([]);
    const wrongPlugin = registered.filter(
      p => permissionDecisions[p.name].plugin !== p.plugin,
    );
    expect(wrongPlugin).toEqual([]);
    // No stale row: every row of the table is registered by the backend.
    const names = new Set(registered.map(p => p.name));
    expect(Object.keys(permissionDecisions).filter(n => !names.has(n))).toEqual(
      [],
    );
  });

  describe('the automation token of production', () => {
    const auth = { Authorization: `Bearer ${AUTOMATION_TOKEN}` };

    it('reads the catalog', async () => {
      const entities = await request(backend.server)
        .get('/api/catalog/entities/by-query?limit=1')
        .set(auth);
      expect(entities.status).toBe(200);
    });

    it.each([
      [
        'post',
        '/api/catalog/locations',
        { type: 'url', target: 'https://example.org/x.yaml' },
      ],
      [
        'post',
        '/api/catalog/refresh',
        { entityRef: 'group:default/amue-admins' },
      ],
      [
        'delete',
        '/api/catalog/entities/by-uid/00000000-0000-4000-8000-000000000000',
        undefined,
      ],
      [
        'post',
        '/api/catalog/analyze-location',
        { location: { type: 'url', target: 'https://example.org/x.yaml' } },
      ],
      [
        'post',
        '/api/notifications',
        { recipients: { type: 'broadcast' }, payload: { title: 'x' } },
      ],
      ['get', '/api/scaffolder/v2/tasks', undefined],
      [
        'post',
        '/api/scaffolder/v2/tasks',
        { templateRef: 'template:default/x', values: {} },
      ],
      ['get', '/api/cloud/tenants', undefined],
      ['get', '/api/cloud/tenants/sifac-0333298f-production', undefined],
      ['post', '/api/cloud/requests', { application: 'sifac' }],
      ['get', '/api/cloud/reports/adoption', undefined],
      ['get', '/api/search/query?term=sifac', undefined],
      ['get', '/api/mcp-actions/v1', undefined],
    ] as const)('is refused %s %s', async (method, url, body) => {
      let req = request(backend.server)[method](url).set(auth);
      if (body) {
        req = req.send(body);
      }
      const res = await req;
      expect({ url, status: res.status }).toEqual({ url, status: 403 });
    });
  });
});
