import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  CLOUD_TENANT_EVENTS_TOPIC,
  Tenant,
  TenantChangedEvent,
} from '@amue/plugin-cloud-common';
import { catalogModuleCloud } from './module';

jest.setTimeout(180_000);

const repoRoot = path.resolve(__dirname, '../../..');

async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}: ${last ?? 'not there'}`);
}

function tenant(
  application: string,
  uai: string,
  environment: string,
  overrides: Partial<Record<keyof Tenant, unknown>> = {},
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
  } as Tenant;
}

/**
 * A stand-in for the cloud backend's REST API (`GET /api/cloud/tenants`
 * in pages, `GET /api/cloud/tenants/{name}`), which answers only the
 * catalog's service token for the cloud plugin.
 */
async function startFakeCloudApi(tenants: Map<string, Tenant>) {
  const expectedAuthorization = mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('plugin:catalog'),
    targetPluginId: 'cloud',
  });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== expectedAuthorization) {
      send(401, { error: { name: 'AuthenticationError', message: 'no' } });
      return;
    }
    const sorted = [...tenants.values()].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    if (url.pathname === '/api/cloud/tenants') {
      // Pages of 2 at most, whatever the limit asked, to go through several.
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const items = sorted.slice(start, start + 2);
      send(200, {
        items,
        ...(start + 2 < sorted.length ? { nextCursor: String(start + 2) } : {}),
      });
      return;
    }
    const match = /^\/api\/cloud\/tenants\/([^/]+)$/.exec(url.pathname);
    const found = match && tenants.get(decodeURIComponent(match[1]));
    if (found) {
      send(200, { ...found, steps: [], events: [] });
    } else {
      send(404, {
        error: { name: 'NotFoundError', message: 'no such tenant' },
      });
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise(resolve => server.close(resolve)),
  };
}

const refs = (entity: Entity, type: string) =>
  (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .sort();

describe('catalog module, with the real catalog/, the establishments dataset and the cloud API', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  const stops: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    await Promise.all(stops.splice(0).map(stop => stop()));
  });

  it.each(databases.eachSupportedId())(
    'ingests the portal entities with their relations on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      const tenants = new Map<string, Tenant>(
        [
          tenant('sifac', '0597239Y', 'formation'),
          tenant('pegase', '0597239Y', 'test', { status: 'requested' }),
          tenant('siham', '0333298F', 'preproduction'),
          // Breaks two rules: the catalog refuses it with an error naming
          // the entity, the fields and the rules.
          tenant('sifac', '0333298F', 'production', {
            name: 'sifac-0333298f-production',
            environment: 'prod',
            status: 'active',
          }),
        ].map(t => [t.name, t]),
      );
      const cloudApi = await startFakeCloudApi(tenants);
      stops.push(cloudApi.stop);
      // One events service for the test and the catalog, standing in for
      // the one the cloud backend publishes on.
      const events = mockServices.events();

      const { server } = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleCloud,
          mockServices.discovery.mock({
            getBaseUrl: async pluginId => `${cloudApi.url}/api/${pluginId}`,
            getExternalBaseUrl: async pluginId =>
              `${cloudApi.url}/api/${pluginId}`,
          }).factory,
          createServiceFactory({
            service: eventsServiceRef,
            deps: {},
            factory: () => events,
          }),
          mockServices.scheduler.factory({
            includeInitialDelayedTasksOnStartup: true,
          }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              backend: { baseUrl: 'http://localhost:7007' },
              catalog: {
                rules: [
                  {
                    allow: [
                      'Component',
                      'Location',
                      'Domain',
                      'Group',
                      'User',
                      'Application',
                      'Tenant',
                      // catalog/all.yaml lists the self-service templates:
                      // a kind the rules refuse fails the whole location.
                      'Template',
                    ],
                  },
                ],
                processingInterval: { seconds: 1 },
                locations: [
                  {
                    type: 'file',
                    target: path.join(repoRoot, 'catalog/all.yaml'),
                  },
                ],
              },
            },
          }),
        ],
      });
      const get = async (ref: string): Promise<Entity | undefined> => {
        const res = await request(server)
          .get(`/api/catalog/entities/by-name/${ref}`)
          .set('Authorization', mockCredentials.user.header());
        return res.status === 200 ? res.body : undefined;
      };
      const withRelation = (ref: string, type: string, target: string) =>
        waitFor(`${ref} ${type} ${target}`, async () => {
          const entity = await get(ref);
          return entity && refs(entity, type).includes(target)
            ? entity
            : undefined;
        });

      // A valid tenant from the cloud API: its two relations, one way only.
      await withRelation(
        'tenant/default/sifac-0597239y-formation',
        'ownedBy',
        'group:default/etab-0597239y',
      );
      await withRelation(
        'tenant/default/sifac-0597239y-formation',
        'instanceOf',
        'application:default/sifac',
      );
      // Application ↔ owner team and domain.
      await withRelation(
        'application/default/sifac',
        'ownedBy',
        'group:default/amue-equipe-finance',
      );
      await withRelation(
        'application/default/sifac',
        'partOf',
        'domain:default/finance',
      );
      await withRelation(
        'group/default/amue-equipe-finance',
        'ownerOf',
        'application:default/sifac',
      );
      await withRelation(
        'domain/default/finance',
        'hasPart',
        'application:default/sifac',
      );

      // Establishments come from the dataset, users from catalog/.
      const bordeaux = await waitFor('Université de Bordeaux', () =>
        get('group/default/etab-0333298f'),
      );
      expect(bordeaux.metadata.annotations?.['cloud.amue.fr/uai']).toBe(
        '0333298F',
      );
      expect(bordeaux.metadata.title).toBe('Université de Bordeaux');
      await withRelation(
        'user/default/claire.dubois',
        'memberOf',
        'group:default/etab-0333298f',
      );

      // The malformed tenant is refused, with the error kept by the catalog.
      const errors = await waitFor('the processing error', async () => {
        const row = await knex('refresh_state')
          .where({ entity_ref: 'tenant:default/sifac-0333298f-production' })
          .first();
        return row?.errors && row.errors !== '[]'
          ? String(row.errors)
          : undefined;
      });
      expect(errors).toContain(
        'Tenant \\"sifac-0333298f-production\\": spec.environment must be one of production, preproduction, formation, test (got \\"prod\\"); spec.status must be one of requested',
      );
      const res = await request(server)
        .get(
          '/api/catalog/entities/by-name/tenant/default/sifac-0333298f-production',
        )
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(404);
      const requested = await withRelation(
        'tenant/default/pegase-0597239y-test',
        'instanceOf',
        'application:default/pegase',
      );
      expect(requested.spec?.status).toBe('requested');
      await withRelation(
        'tenant/default/siham-0333298f-preproduction',
        'ownedBy',
        'group:default/etab-0333298f',
      );

      // Changes announced on the events service reach the catalog (delta
      // mutations): one tenant goes live, another one is no longer in the
      // API (404) and leaves the catalog.
      tenants.set(
        'sifac-0597239y-formation',
        tenant('sifac', '0597239Y', 'formation', {
          status: 'live',
          url: 'https://sifac-0597239y.formation.cloud.amue.fr',
        }),
      );
      tenants.delete('pegase-0597239y-test');
      const publish = (name: string, type: TenantChangedEvent['type']) =>
        events.publish({
          topic: CLOUD_TENANT_EVENTS_TOPIC,
          eventPayload: {
            id: `id-${name}`,
            name,
            type,
          } satisfies TenantChangedEvent,
        });
      await publish('sifac-0597239y-formation', 'step.completed');
      await publish('pegase-0597239y-test', 'request.rejected');

      const live = await waitFor('the live tenant', async () => {
        const entity = await get('tenant/default/sifac-0597239y-formation');
        return entity?.spec?.status === 'live' ? entity : undefined;
      });
      expect(live.spec?.url).toBe(
        'https://sifac-0597239y.formation.cloud.amue.fr',
      );
      expect(refs(live, 'ownedBy')).toEqual(['group:default/etab-0597239y']);
      await waitFor('the removal of the rejected tenant', async () =>
        (await get('tenant/default/pegase-0597239y-test')) ? undefined : true,
      );

      // No tenant name reaches the entities every user reads: neither the
      // establishment Groups nor the Application hold a relation to a
      // Tenant, and the relation facets list none (docs/decisions.md).
      for (const ref of [
        'group/default/etab-0597239y',
        'group/default/etab-0333298f',
        'application/default/sifac',
      ]) {
        const entity = await get(ref);
        expect(
          (entity?.relations ?? [])
            .map(r => r.targetRef)
            .filter(target => target.startsWith('tenant:')),
        ).toEqual([]);
      }
      for (const facet of ['relations.ownerOf', 'relations.hasInstance']) {
        const facets = await request(server)
          .get(`/api/catalog/entity-facets?facet=${facet}`)
          .set('Authorization', mockCredentials.user.header());
        expect(facets.status).toBe(200);
        expect(JSON.stringify(facets.body)).not.toContain('tenant:');
      }
    },
  );
});
