import { TestDatabases } from '@backstage/backend-test-utils';
import { ServiceUnavailableError } from '@backstage/errors';
import knexFactory from 'knex';
import net from 'node:net';
import { isDatabaseUnavailable } from '@amue/plugin-cloud-common';
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  reportDatabaseUnavailable,
} from './unavailable';

jest.setTimeout(60_000);

/** A loopback port on which nothing listens. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

describe('reportDatabaseUnavailable', () => {
  it('answers 503 with a sentence, not the driver error, when the server cannot be reached', async () => {
    const knex = reportDatabaseUnavailable(
      knexFactory({
        client: 'pg',
        connection: {
          host: '127.0.0.1',
          port: await closedPort(),
          user: 'nobody',
          password: 'none',
        },
        acquireConnectionTimeout: 5_000,
      }),
    );
    try {
      const error = await knex.raw('select 1').catch(e => e);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
      expect(error.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
    } finally {
      await knex.destroy();
    }
  });

  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  const postgres = databases
    .eachSupportedId()
    .filter(([id]) => id.startsWith('POSTGRES'));

  it.each(databases.eachSupportedId())(
    'leaves the errors of a wrong query alone, %p',
    async databaseId => {
      const knex = reportDatabaseUnavailable(await databases.init(databaseId));
      const error = await knex.raw('select * from no_such_table').catch(e => e);
      expect(error.message).toMatch(/no_such_table/);
      expect(error.statusCode).toBeUndefined();
      expect(isDatabaseUnavailable(error)).toBe(false);
    },
  );

  it.each(postgres)(
    'marks a query that loses its connection as 503 (PostgreSQL)',
    async databaseId => {
      const knex = reportDatabaseUnavailable(await databases.init(databaseId));
      // Another session ends this one's connection while it is in use, as
      // a PostgreSQL restart does.
      const error = await knex
        .transaction(async trx => {
          const [{ pid }] = (await trx.raw('select pg_backend_pid() as pid'))
            .rows;
          await knex.raw('select pg_terminate_backend(?)', [pid]);
          await trx.raw('select 1');
        })
        .catch(e => e);
      expect(error.statusCode).toBe(503);
      expect(error.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);
      // The pool recovers by itself.
      await expect(knex.raw('select 1')).resolves.toBeDefined();
    },
  );
});
