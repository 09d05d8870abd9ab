import { mockServices } from '@backstage/backend-test-utils';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { EventParams } from '@backstage/plugin-events-node';
import { FederationPerson } from '@amue/plugin-cloud-common';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { PersonEntityProvider, personToEntity } from './PersonEntityProvider';

const jean: FederationPerson = {
  name: 'jean.martin_u-bordeaux.fr',
  displayName: 'Jean Martin',
  email: 'jean.martin@u-bordeaux.fr',
  establishments: ['etab-0333298f'],
  lastSignInAt: '2026-12-05T08:00:00.000Z',
};
const anne: FederationPerson = {
  name: 'anne.roux_univ-lille.fr',
  displayName: 'Anne Roux',
  establishments: ['etab-0597239y'],
  lastSignInAt: '2026-12-01T08:00:00.000Z',
};

describe('PersonEntityProvider', () => {
  let server: http.Server;
  let people: FederationPerson[];
  const paths: string[] = [];
  let baseUrl = '';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      paths.push(`${req.url} ${req.headers.authorization ? 'auth' : 'anon'}`);
      const match = /^\/api\/cloud\/people(?:\/([^/]+))?$/.exec(req.url ?? '');
      const person = match?.[1]
        ? people.find(p => p.name === decodeURIComponent(match[1]))
        : undefined;
      let status = 200;
      if (!match) {
        status = 500;
      } else if (match[1] && !person) {
        status = 404;
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      const body = match?.[1] ? person ?? {} : { items: people };
      res.end(JSON.stringify(body));
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise(r => server.close(r)));

  async function connect() {
    const mutations: EntityProviderMutation[] = [];
    let onEvent: ((p: EventParams) => Promise<void>) | undefined;
    const provider = new PersonEntityProvider({
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
      logger: mockServices.logger.mock(),
      scheduler: mockServices.scheduler.mock(),
      discovery: mockServices.discovery.mock({
        getBaseUrl: async id => `${baseUrl}/api/${id}`,
      }),
      auth: mockServices.auth(),
      events: {
        publish: async () => {},
        subscribe: async options => {
          onEvent = options.onEvent;
        },
      },
    });
    await provider.connect({
      applyMutation: async m => {
        mutations.push(m);
      },
      refresh: async () => {},
    } as EntityProviderConnection);
    return { provider, mutations, event: (p: EventParams) => onEvent!(p) };
  }

  it('maps a person to a User member of their establishments', () => {
    expect(personToEntity(jean)).toMatchObject({
      kind: 'User',
      metadata: {
        name: 'jean.martin_u-bordeaux.fr',
        annotations: {
          'cloud.amue.fr/last-sign-in': '2026-12-05T08:00:00.000Z',
          'backstage.io/managed-by-location': 'cloud-people:cloud',
        },
      },
      spec: {
        profile: {
          displayName: 'Jean Martin',
          email: 'jean.martin@u-bordeaux.fr',
        },
        memberOf: ['etab-0333298f'],
      },
    });
    expect(personToEntity(anne).spec.profile).toEqual({
      displayName: 'Anne Roux',
    });
  });

  it('replaces all its Users at a full sync, read with a service token', async () => {
    people = [anne, jean];
    const { provider, mutations } = await connect();

    await provider.fullSync();

    expect(mutations).toHaveLength(1);
    expect(mutations[0].type).toBe('full');
    expect(
      (mutations[0] as any).entities.map((e: any) => e.entity.metadata.name),
    ).toEqual(['anne.roux_univ-lille.fr', 'jean.martin_u-bordeaux.fr']);
    expect(paths).toContain('/api/cloud/people auth');
  });

  it('applies the change a message announces: the new User, or its removal', async () => {
    people = [jean];
    const { mutations, event } = await connect();

    await event({
      topic: 'cloud.person',
      eventPayload: { name: jean.name, type: 'recorded' },
    });
    await event({
      topic: 'cloud.person',
      eventPayload: { name: anne.name, type: 'removed' },
    });
    await event({ topic: 'cloud.person', eventPayload: {} });

    expect(mutations).toEqual([
      {
        type: 'delta',
        added: [expect.objectContaining({ entity: personToEntity(jean) })],
        removed: [],
      },
      {
        type: 'delta',
        added: [],
        removed: [
          {
            entityRef: 'user:default/anne.roux_univ-lille.fr',
            locationKey: 'cloud-people:cloud',
          },
        ],
      },
    ]);
  });

  it('leaves the catalog alone when the API fails', async () => {
    const { provider, mutations } = await connect();
    const failing = new PersonEntityProvider({
      ...(provider as any).options,
      discovery: mockServices.discovery.mock({
        getBaseUrl: async () => `${baseUrl}/nowhere`,
      }),
    });
    await failing.connect({
      applyMutation: async m => {
        mutations.push(m);
      },
      refresh: async () => {},
    } as EntityProviderConnection);
    await expect(failing.fullSync()).rejects.toThrow(/answered 500/);
    expect(mutations).toEqual([]);
  });
});
