import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { EventParams } from '@backstage/plugin-events-node';
import {
  CLOUD_TENANT_EVENTS_TOPIC,
  TENANT_ID_ANNOTATION,
  Tenant,
  validateTenantEntity,
} from '@amue/plugin-cloud-common';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { TenantEntityProvider, tenantToEntity } from './TenantEntityProvider';

function tenant(
  application: string,
  uai: string,
  environment: Tenant['environment'],
  overrides: Partial<Tenant> = {},
): Tenant {
  const name = `${application}-${uai}-${environment}`.toLowerCase();
  return {
    id: `id-${name}`,
    name,
    application,
    establishment: `etab-${uai.toLowerCase()}`,
    uai,
    environment,
    version: '2026.1',
    status: 'onboarding',
    currentStep: 'provisioning',
    url: null,
    ssoProtocol: null,
    ssoIdpEntityId: null,
    suspended: false,
    decommissioned: false,
    request: { migration: true },
    createdBy: 'user:default/claire.dubois',
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    rowVersion: 1,
    ...overrides,
  };
}

const UAIS = ['0333298F', '0597239Y', '0751717J', '0131843H', '0692437Z'];

/** 5 establishments × 3 applications × 2 environments = 30 tenants. */
const ALL_TENANTS: Tenant[] = UAIS.flatMap(uai =>
  ['sifac', 'siham', 'pegase'].flatMap(application =>
    (['production', 'test'] as const).map(environment =>
      tenant(application, uai, environment),
    ),
  ),
).sort((a, b) => a.name.localeCompare(b.name));

type Handler = (
  req: http.IncomingMessage,
  url: URL,
) => { status: number; body?: unknown };

/** A stand-in for the cloud backend's REST API, under /api/cloud. */
class FakeCloudApi {
  readonly requests: Array<{ path: string; authorization?: string }> = [];
  handler: Handler = () => ({ status: 500 });
  private server?: http.Server;
  baseUrl = '';

  async start() {
    this.server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      this.requests.push({
        path: `${url.pathname}${url.search}`,
        authorization: req.headers.authorization,
      });
      const { status, body } = this.handler(req, url);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    });
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}/api/cloud`;
  }

  async stop() {
    await new Promise(resolve => this.server?.close(resolve));
  }
}

/**
 * Serves `GET /tenants` in pages (honouring `limit` and `cursor`, the cursor
 * being the index of the next item) and `GET /tenants/{name}`.
 */
function serveTenants(tenants: Tenant[]): Handler {
  return (_req, url) => {
    if (url.pathname === '/api/cloud/tenants') {
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const items = tenants.slice(start, start + limit);
      const next = start + limit;
      return {
        status: 200,
        body:
          next < tenants.length
            ? { items, nextCursor: String(next) }
            : { items },
      };
    }
    const match = /^\/api\/cloud\/tenants\/([^/]+)$/.exec(url.pathname);
    const found =
      match && tenants.find(t => t.name === decodeURIComponent(match[1]));
    return found
      ? { status: 200, body: { ...found, steps: [], events: [] } }
      : {
          status: 404,
          body: { error: { name: 'NotFoundError', message: 'no such tenant' } },
        };
  };
}

describe('TenantEntityProvider', () => {
  const api = new FakeCloudApi();

  beforeAll(() => api.start());
  afterAll(() => api.stop());

  async function setup(
    options: {
      scheduleConfig?: boolean;
      apiBaseUrl?: string;
      catalog?: CatalogService;
    } = {},
  ) {
    api.requests.length = 0;
    const logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);
    const scheduler = mockServices.scheduler.mock();
    const events = mockServices.events.mock();
    const discovery = mockServices.discovery.mock({
      getBaseUrl: async pluginId =>
        (options.apiBaseUrl ?? api.baseUrl).replace(/\/cloud$/, `/${pluginId}`),
    });
    const auth = mockServices.auth({ pluginId: 'catalog' });
    const mutations: EntityProviderMutation[] = [];
    const connection: EntityProviderConnection = {
      applyMutation: jest.fn(async mutation => {
        mutations.push(mutation);
      }),
      refresh: jest.fn(),
    };
    const provider = TenantEntityProvider.fromConfig(
      mockServices.rootConfig({
        data: !options.scheduleConfig
          ? {}
          : {
              catalog: {
                providers: {
                  cloudTenants: {
                    schedule: {
                      frequency: { minutes: 30 },
                      timeout: { minutes: 3 },
                    },
                  },
                },
              },
            },
      }),
      { logger, scheduler, discovery, auth, events, catalog: options.catalog },
    );
    await provider.connect(connection);

    const task = scheduler.scheduleTask.mock.calls[0][0];
    const subscription = events.subscribe.mock.calls[0][0];
    const runTask = () =>
      task.fn(new AbortController().signal) as Promise<void>;
    const sendEvent = (params: Partial<EventParams>) =>
      subscription.onEvent({
        topic: CLOUD_TENANT_EVENTS_TOPIC,
        eventPayload: {},
        ...params,
      });
    return {
      provider,
      logger,
      scheduler,
      events,
      task,
      subscription,
      runTask,
      sendEvent,
      mutations,
    };
  }

  it('maps a tenant to a Tenant entity that the portal rules accept', () => {
    const entity = tenantToEntity(
      tenant('sifac', '0333298F', 'production', {
        id: '6f1c0d2e-1111-4c4c-9999-000000000001',
        status: 'live',
        version: '2026.1',
        url: 'https://sifac-0333298f.production.cloud.amue.fr',
        ssoProtocol: 'saml',
        ssoIdpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
      }),
    );
    expect(entity).toEqual({
      apiVersion: 'cloud.amue.fr/v1alpha1',
      kind: 'Tenant',
      metadata: {
        name: 'sifac-0333298f-production',
        title: 'SIFAC 0333298F (Production)',
        annotations: {
          [ANNOTATION_LOCATION]: 'cloud-tenants:cloud',
          [ANNOTATION_ORIGIN_LOCATION]: 'cloud-tenants:cloud',
          [TENANT_ID_ANNOTATION]: '6f1c0d2e-1111-4c4c-9999-000000000001',
          'cloud.amue.fr/current-step': 'provisioning',
        },
        links: [
          {
            url: 'https://sifac-0333298f.production.cloud.amue.fr',
            title: 'Instance',
          },
        ],
      },
      spec: {
        application: 'sifac',
        establishment: 'etab-0333298f',
        environment: 'production',
        version: '2026.1',
        status: 'live',
        url: 'https://sifac-0333298f.production.cloud.amue.fr',
        sso: {
          protocol: 'saml',
          idpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
        },
      },
    });
    expect(validateTenantEntity(entity)).toEqual([]);
  });

  it('titles a tenant with the catalog titles when it has them', () => {
    const entity = tenantToEntity(tenant('sifac', '0333298F', 'production'), {
      application: 'SIFAC',
      establishment: 'Université de Bordeaux',
    });
    expect(entity.metadata.title).toBe(
      'SIFAC — Université de Bordeaux (Production)',
    );
    const done = tenantToEntity(
      tenant('sifac', '0333298F', 'production', { currentStep: null }),
    );
    expect(done.metadata.annotations).not.toHaveProperty(
      'cloud.amue.fr/current-step',
    );
  });

  it('reads the titles from the catalog at the full sync, and goes on without them', async () => {
    api.handler = serveTenants([tenant('sifac', '0333298F', 'production')]);
    const catalog = catalogServiceMock({
      entities: [
        {
          apiVersion: 'cloud.amue.fr/v1alpha1',
          kind: 'Application',
          metadata: { name: 'sifac', title: 'SIFAC' },
          spec: {},
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'etab-0333298f', title: 'Université de Bordeaux' },
          spec: { type: 'establishment', children: [] },
        },
      ],
    });
    const withTitles = await setup({ catalog });
    await withTitles.runTask();
    expect(
      (withTitles.mutations[0] as any).entities[0].entity.metadata.title,
    ).toBe('SIFAC — Université de Bordeaux (Production)');

    const broken = catalogServiceMock.mock({
      getEntitiesByRefs: async () => {
        throw new Error('catalog down');
      },
    });
    const withoutTitles = await setup({ catalog: broken });
    await withoutTitles.runTask();
    expect(
      (withoutTitles.mutations[0] as any).entities[0].entity.metadata.title,
    ).toBe('SIFAC 0333298F (Production)');
    expect(withoutTitles.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('catalog down'),
    );
  });

  it('leaves out url and sso while the tenant has none', () => {
    const entity = tenantToEntity(tenant('pegase', '0597239Y', 'test'));
    expect(entity.spec).toEqual({
      application: 'pegase',
      establishment: 'etab-0597239y',
      environment: 'test',
      version: '2026.1',
      status: 'onboarding',
    });
    expect(entity.metadata.links).toBeUndefined();
    expect(validateTenantEntity(entity)).toEqual([]);
  });

  it('schedules a global full sync, every 10 minutes by default', async () => {
    const { task } = await setup();
    expect(task).toMatchObject({
      id: 'TenantEntityProvider:full-sync',
      scope: 'global',
      frequency: { minutes: 10 },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 30 },
    });
  });

  it('reads its schedule from catalog.providers.cloudTenants.schedule', async () => {
    const { task } = await setup({ scheduleConfig: true });
    expect(task).toMatchObject({
      scope: 'global',
      frequency: { minutes: 30 },
      timeout: { minutes: 3 },
    });
    expect(task.initialDelay).toBeUndefined();
  });

  it('pages through all tenants and applies one full mutation of valid entities', async () => {
    // The API's maximum page is 500: serve pages of 500 from 1 200 tenants.
    const many = Array.from({ length: 1200 }, (_, i) =>
      tenant(`app${String(i).padStart(4, '0')}`, '0333298F', 'test'),
    );
    api.handler = serveTenants(many);
    const { runTask, mutations, logger } = await setup();

    await runTask();

    expect(api.requests.map(r => r.path)).toEqual([
      '/api/cloud/tenants?limit=500',
      '/api/cloud/tenants?limit=500&cursor=500',
      '/api/cloud/tenants?limit=500&cursor=1000',
    ]);
    expect(mutations).toHaveLength(1);
    const mutation = mutations[0];
    if (mutation.type !== 'full') throw new Error('expected a full mutation');
    expect(mutation.entities).toHaveLength(1200);
    expect(mutation.entities.map(e => e.entity.metadata.name)).toEqual(
      many.map(t => t.name),
    );
    for (const { entity, locationKey } of mutation.entities) {
      expect(locationKey).toBe('cloud-tenants:cloud');
      expect(validateTenantEntity(entity)).toEqual([]);
    }
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('emits the establishment and application of each tenant', async () => {
    api.handler = serveTenants(ALL_TENANTS);
    const { runTask, mutations } = await setup();
    await runTask();
    const mutation = mutations[0];
    if (mutation.type !== 'full') throw new Error('expected a full mutation');
    const lille = mutation.entities
      .map(e => e.entity as Entity)
      .find(e => e.metadata.name === 'siham-0597239y-production');
    expect(lille?.spec).toMatchObject({
      application: 'siham',
      establishment: 'etab-0597239y',
      environment: 'production',
    });
    expect(mutation.entities).toHaveLength(ALL_TENANTS.length);
  });

  it('applies an empty full mutation when the cloud backend has no tenant', async () => {
    api.handler = serveTenants([]);
    const { runTask, mutations } = await setup();
    await runTask();
    expect(mutations).toEqual([{ type: 'full', entities: [] }]);
  });

  it('sends the catalog service token to the cloud plugin as a Bearer token', async () => {
    api.handler = serveTenants(ALL_TENANTS);
    const { runTask, sendEvent } = await setup();
    await runTask();
    await sendEvent({ eventPayload: { name: ALL_TENANTS[0].name } });

    const expected = `Bearer ${mockCredentials.service.token({
      onBehalfOf: mockCredentials.service('plugin:catalog'),
      targetPluginId: 'cloud',
    })}`;
    expect(api.requests).toHaveLength(2);
    for (const { authorization } of api.requests) {
      expect(authorization).toBe(expected);
    }
  });

  it('throws, without touching the catalog, when a later page fails', async () => {
    const tenants = ALL_TENANTS;
    const { mutations, logger, provider } = await setup();

    // The first page is fine and announces a second one, which fails.
    api.handler = (_req, url) => {
      if (url.searchParams.get('cursor')) {
        return {
          status: 500,
          body: { error: { name: 'Error', message: 'database is gone' } },
        };
      }
      return {
        status: 200,
        body: { items: tenants.slice(0, 10), nextCursor: '10' },
      };
    };
    await expect(provider.fullSync()).rejects.toThrow(
      `GET ${api.baseUrl}/tenants?limit=500&cursor=10 answered 500 Internal Server Error: database is gone`,
    );
    expect(mutations).toEqual([]);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('logs a warning, and does not throw, when the scheduled sync gets a 500', async () => {
    api.handler = () => ({ status: 500, body: { error: { message: 'boom' } } });
    const { runTask, mutations, logger } = await setup();

    await expect(runTask()).resolves.toBeUndefined();

    expect(mutations).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    const [message, error] = logger.warn.mock.calls[0];
    expect(message).toMatch(/Could not read the tenants of the cloud backend/);
    expect(String(error)).toContain(
      `GET ${api.baseUrl}/tenants?limit=500 answered 500 Internal Server Error: boom`,
    );
  });

  it('logs a warning, and does not throw, when the cloud backend does not answer', async () => {
    // A port nobody listens on any more.
    const closed = new FakeCloudApi();
    await closed.start();
    await closed.stop();
    const { runTask, mutations, logger } = await setup({
      apiBaseUrl: closed.baseUrl,
    });

    await expect(runTask()).resolves.toBeUndefined();

    expect(mutations).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(String(logger.warn.mock.calls[0][1])).toContain(
      `GET ${closed.baseUrl}/tenants?limit=500 failed: fetch failed (connect ECONNREFUSED`,
    );
  });

  it('subscribes to the cloud.tenant topic', async () => {
    const { subscription } = await setup();
    expect(subscription).toMatchObject({
      id: 'TenantEntityProvider',
      topics: ['cloud.tenant'],
    });
  });

  it('applies one delta with the tenant named by an event', async () => {
    const changed = tenant('sifac', '0597239Y', 'production', {
      status: 'live',
      url: 'https://sifac-0597239y.production.cloud.amue.fr',
    });
    api.handler = serveTenants([changed]);
    const { sendEvent, mutations } = await setup();

    await sendEvent({
      eventPayload: {
        id: changed.id,
        name: changed.name,
        type: 'step.completed',
      },
    });

    expect(api.requests.map(r => r.path)).toEqual([
      '/api/cloud/tenants/sifac-0597239y-production',
    ]);
    expect(mutations).toEqual([
      {
        type: 'delta',
        added: [
          {
            entity: tenantToEntity(changed),
            locationKey: 'cloud-tenants:cloud',
          },
        ],
        removed: [],
      },
    ]);
    const [{ entity }] = (mutations[0] as { added: { entity: Entity }[] })
      .added;
    expect(entity.spec?.status).toBe('live');
    expect(validateTenantEntity(entity)).toEqual([]);
  });

  it('removes the entity of a tenant the cloud backend answers 404 for', async () => {
    api.handler = serveTenants([]);
    const { sendEvent, mutations, logger } = await setup();

    await sendEvent({
      eventPayload: {
        id: 'x',
        name: 'siham-0333298f-test',
        type: 'request.rejected',
      },
    });

    expect(mutations).toEqual([
      {
        type: 'delta',
        added: [],
        removed: [{ entityRef: 'tenant:default/siham-0333298f-test' }],
      },
    ]);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('logs, and does not throw, when reading the tenant of an event fails', async () => {
    api.handler = () => ({ status: 500 });
    const { sendEvent, mutations, logger } = await setup();

    await expect(
      sendEvent({
        eventPayload: {
          id: 'x',
          name: 'sifac-0333298f-test',
          type: 'comment.added',
        },
      }),
    ).resolves.toBeUndefined();

    expect(mutations).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toContain('sifac-0333298f-test');
    expect(String(logger.warn.mock.calls[0][1])).toContain(
      `GET ${api.baseUrl}/tenants/sifac-0333298f-test answered 500 Internal Server Error`,
    );
  });

  it('logs, and does not throw, when the catalog refuses the mutation', async () => {
    api.handler = serveTenants(ALL_TENANTS);
    const { sendEvent, logger, provider } = await setup();
    const failing: EntityProviderConnection = {
      applyMutation: jest.fn().mockRejectedValue(new Error('database locked')),
      refresh: jest.fn(),
    };
    await provider.connect(failing);

    await expect(
      sendEvent({ eventPayload: { name: ALL_TENANTS[3].name } }),
    ).resolves.toBeUndefined();
    expect(failing.applyMutation).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(ALL_TENANTS[3].name),
      expect.objectContaining({ message: 'database locked' }),
    );
  });

  it('ignores messages of other topics and messages without tenant name', async () => {
    api.handler = serveTenants(ALL_TENANTS);
    const { sendEvent, mutations, logger } = await setup();

    await sendEvent({
      topic: 'github.push',
      eventPayload: { name: ALL_TENANTS[0].name },
    });
    expect(api.requests).toEqual([]);
    expect(logger.warn).not.toHaveBeenCalled();

    await sendEvent({ eventPayload: { id: 'x' } });
    await sendEvent({ eventPayload: null });
    expect(api.requests).toEqual([]);
    expect(mutations).toEqual([]);
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });
});
