/*
 * A database that cannot be reached is a temporary condition, not a bug:
 * the APIs answer it with 503 Service Unavailable and a sentence, instead of
 * 500 and a driver message naming the server's address. Readiness reports it
 * as well (modules/rootHealth.ts), so that a load balancer stops sending
 * requests meanwhile; these answers are for the requests already there.
 */
import { isDatabaseUnavailable } from '@amue/plugin-cloud-common';
import { ServiceUnavailableError } from '@backstage/errors';
import type { DatabaseService } from '@backstage/backend-plugin-api';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

/** The message of every answer given while the database is unreachable. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database of the portal cannot be reached at the moment; try again in a minute.';

const watched = new WeakSet<Knex>();

/**
 * Makes a PostgreSQL knex instance fail with {@link ServiceUnavailableError}
 * (503) when its server cannot be reached: acquiring a connection is
 * wrapped, and a query that loses its connection is marked 503 with the
 * same message. Other clients are returned as they are.
 */
export function reportDatabaseUnavailable(knex: Knex): Knex {
  if (knex.client.config.client !== 'pg' || watched.has(knex)) {
    return knex;
  }
  watched.add(knex);
  const client = knex.client;
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = async () => {
    try {
      return await acquire();
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        throw new ServiceUnavailableError(DATABASE_UNAVAILABLE_MESSAGE);
      }
      throw error;
    }
  };
  knex.on('query-error', (error: unknown) => {
    if (isDatabaseUnavailable(error)) {
      Object.assign(error as object, {
        statusCode: 503,
        message: DATABASE_UNAVAILABLE_MESSAGE,
      });
    }
  });
  return knex;
}
