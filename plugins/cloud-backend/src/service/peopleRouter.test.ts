import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { DatabasePersonStore } from '../database/DatabasePersonStore';
import { cloudPlugin } from '../plugin';
import { PeopleService } from './peopleRouter';
import { specCheckedServer } from './__testUtils__/specCheckedServer';

jest.setTimeout(60_000);

const AUTH = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('plugin:auth'),
  targetPluginId: 'cloud',
});
const CATALOG = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('plugin:catalog'),
  targetPluginId: 'cloud',
});
const USER = mockCredentials.user.header('user:default/marc.petit');

const jean = {
  displayName: 'Jean Martin',
  email: 'jean.martin@u-bordeaux.fr',
  establishments: ['etab-0333298f'],
};

describe('people routes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function start(
    databaseId: Parameters<typeof databases.init>[0],
    result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  ) {
    const knex = await databases.init(databaseId);
    const { server } = await startTestBackend({
      features: [
        cloudPlugin,
        mockServices.database.factory({ knex }),
        mockServices.permissions.factory({ result }),
      ],
    });
    // every request and response checked against the OpenAPI document
    return specCheckedServer(() => server);
  }

  it.each(databases.eachSupportedId())(
    'records sign-ins from the auth backend only, lists them to services, %p',
    async databaseId => {
      const server = await start(databaseId, AuthorizeResult.DENY);

      const put = await request(server)
        .put('/api/cloud/people/jean.martin_u-bordeaux.fr')
        .set('authorization', AUTH)
        .send(jean);
      expect(put.status).toBe(200);
      expect(put.body).toEqual({
        name: 'jean.martin_u-bordeaux.fr',
        ...jean,
        lastSignInAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });

      // another plugin, or a user, cannot record anyone
      for (const authorization of [CATALOG, USER]) {
        const res = await request(server)
          .put('/api/cloud/people/mallory_u-bordeaux.fr')
          .set('authorization', authorization)
          .send(jean);
        expect(res.status).toBe(403);
      }

      const list = await request(server)
        .get('/api/cloud/people')
        .set('authorization', CATALOG);
      expect(list.status).toBe(200);
      expect(list.body.items.map((p: { name: string }) => p.name)).toEqual([
        'jean.martin_u-bordeaux.fr',
      ]);

      // users do not read the list
      const byUser = await request(server)
        .get('/api/cloud/people')
        .set('authorization', USER);
      expect(byUser.status).toBe(403);

      const missing = await request(server)
        .get('/api/cloud/people/nobody')
        .set('authorization', CATALOG);
      expect(missing.status).toBe(404);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses bad input naming the field, changing nothing, %p',
    async databaseId => {
      const server = await start(databaseId, AuthorizeResult.DENY);

      const cases: Array<[string, object, RegExp]> = [
        ['Jean Martin', jean, /name must be a catalog entity name/],
        [
          'jean',
          { ...jean, establishments: ['group:default/x'] },
          /establishments\.0 must name an establishment Group/,
        ],
        ['jean', { ...jean, email: 'not-an-email' }, /email must match format/],
        ['jean', { ...jean, displayName: ' ' }, /displayName is required/],
        ['jean', { ...jean, role: 'admin' }, /role is not a known field/],
        [
          'jean',
          { ...jean, establishments: [] },
          /establishments must NOT have fewer than 1 items/,
        ],
      ];
      for (const [name, body, message] of cases) {
        const res = await request(server)
          .put(`/api/cloud/people/${encodeURIComponent(name)}`)
          .set('authorization', AUTH)
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toMatch(message);
      }
      const list = await request(server)
        .get('/api/cloud/people')
        .set('authorization', CATALOG);
      expect(list.body.items).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets only a user allowed cloud.person.delete remove a person, %p',
    async databaseId => {
      const denied = await start(databaseId, AuthorizeResult.DENY);
      await request(denied)
        .put('/api/cloud/people/jean')
        .set('authorization', AUTH)
        .send(jean)
        .expect(200);
      const refused = await request(denied)
        .delete('/api/cloud/people/jean')
        .set('authorization', USER);
      expect(refused.status).toBe(403);
      const still = await request(denied)
        .get('/api/cloud/people/jean')
        .set('authorization', CATALOG);
      expect(still.status).toBe(200);
    },
  );

  it.each(databases.eachSupportedId())(
    'removes a person for an administrator, %p',
    async databaseId => {
      const server = await start(databaseId, AuthorizeResult.ALLOW);
      await request(server)
        .put('/api/cloud/people/jean')
        .set('authorization', AUTH)
        .send(jean)
        .expect(200);

      const removed = await request(server)
        .delete('/api/cloud/people/jean')
        .set('authorization', USER);
      expect(removed.status).toBe(204);
      const again = await request(server)
        .delete('/api/cloud/people/jean')
        .set('authorization', USER);
      expect(again.status).toBe(404);
      // a service cannot remove anyone
      const byService = await request(server)
        .delete('/api/cloud/people/jean')
        .set('authorization', CATALOG);
      expect(byService.status).toBe(403);
    },
  );
});

describe('PeopleService', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'announces each change and expires idle people, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = await DatabasePersonStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      });
      const published: unknown[] = [];
      let now = new Date('2026-01-01T00:00:00.000Z');
      const people = new PeopleService({
        store,
        events: {
          publish: async params => {
            published.push(params);
          },
          subscribe: async () => {},
        },
        auditor: mockServices.auditor.mock(),
        logger: mockServices.logger.mock(),
        clock: () => now,
      });

      await people.record('jean', jean);
      now = new Date('2026-11-01T00:00:00.000Z');
      await people.record('anne', { ...jean, displayName: 'Anne' });
      now = new Date('2027-02-01T00:00:00.000Z');

      expect(await people.expire(365)).toBe(1);
      expect((await people.list()).map(p => p.name)).toEqual(['anne']);
      expect(published).toEqual([
        {
          topic: 'cloud.person',
          eventPayload: { name: 'jean', type: 'recorded' },
        },
        {
          topic: 'cloud.person',
          eventPayload: { name: 'anne', type: 'recorded' },
        },
        {
          topic: 'cloud.person',
          eventPayload: { name: 'jean', type: 'removed' },
        },
      ]);
    },
  );
});
