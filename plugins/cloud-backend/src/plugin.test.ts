import {
  TestDatabases,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { cloudPlugin } from './plugin';

jest.setTimeout(60_000);

describe('cloud backend plugin', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });

  it.each(databases.eachSupportedId())(
    'reports its database healthy on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { server } = await startTestBackend({
        features: [cloudPlugin, mockServices.database.factory({ knex })],
      });

      const res = await request(server).get('/api/cloud/health');

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'ok',
        database: databaseId === 'SQLITE_3' ? 'better-sqlite3' : 'pg',
      });
    },
  );
});
