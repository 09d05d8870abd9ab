/*
 * The database service of the portal: backend-defaults' DatabaseManager,
 * with every better-sqlite3 connection of the embedded default tuned when it
 * is opened (see docs/decisions.md, "SQLite in WAL mode"), and PostgreSQL
 * clients answering 503 while their server cannot be reached
 * (./unavailable.ts) and waiting for another replica's migrations
 * (./migrationLocks.ts).
 *
 * backend-defaults opens one better-sqlite3 connection per plugin (one file
 * per plugin under data/sqlite) in SQLite's defaults: rollback journal,
 * `synchronous = FULL`, and foreign keys off (its own pool hook calls a
 * `run` method that better-sqlite3 connections do not have).
 */
import {
  coreServices,
  createServiceFactory,
  DatabaseService,
} from '@backstage/backend-plugin-api';
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { ConfigReader } from '@backstage/config';
import { reportDatabaseUnavailable } from './unavailable';
import { waitForMigrationLocks } from './migrationLocks';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

/**
 * Pragmas run, in this order, on every new better-sqlite3 connection.
 *
 * - `journal_mode = WAL`: writers append to `<file>-wal` and readers are not
 *   blocked; a commit is one append instead of a journal file written,
 *   synced and deleted. Persistent in the database file.
 * - `synchronous = NORMAL`: in WAL mode, commits survive a crash of the
 *   process; only a power loss or OS crash can lose the last transactions
 *   (never corrupt the file). The WAL is synced at each checkpoint.
 * - `busy_timeout = 5000`: wait up to 5 s for a lock held by another
 *   connection to the same file (a backup, the sqlite3 shell) instead of
 *   failing at once with SQLITE_BUSY.
 * - `foreign_keys = ON`: enforce the `REFERENCES ... ON DELETE CASCADE` of
 *   the plugins' schemas, as PostgreSQL does.
 */
export const SQLITE_CONNECTION_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'busy_timeout = 5000',
  'foreign_keys = ON',
] as const;

/** The part of a better-sqlite3 `Database` this module uses. */
export interface SqliteConnection {
  pragma(source: string, options?: { simple?: boolean }): unknown;
}

/** Runs {@link SQLITE_CONNECTION_PRAGMAS} on one connection. */
export function tuneSqliteConnection(connection: SqliteConnection): void {
  for (const pragma of SQLITE_CONNECTION_PRAGMAS) {
    connection.pragma(pragma);
  }
}

const tunedClients = new WeakSet<Knex>();

/**
 * Tunes every connection a better-sqlite3 knex instance opens from now on.
 * The pool's `createSuccess` event runs synchronously when a connection is
 * opened, before any query can use it. Other clients are returned as they
 * are.
 */
export function tuneSqliteClient(knex: Knex): Knex {
  if (
    knex.client.config.client !== 'better-sqlite3' ||
    tunedClients.has(knex)
  ) {
    return knex;
  }
  tunedClients.add(knex);
  const pool = knex.client.pool;
  if (pool.numUsed() + pool.numFree() + pool.numPendingCreates() > 0) {
    // Not expected: the manager hands out a new knex instance before any
    // query. Refuse rather than leave a connection untuned.
    throw new Error(
      'SQLite tuning: the connection pool was used before it could be tuned',
    );
  }
  pool.on('createSuccess', (_eventId: number, connection: SqliteConnection) =>
    tuneSqliteConnection(connection),
  );
  // Knex rebuilds a table on SQLite (some ALTERs of migrations) with
  // foreign keys switched off on the connection it holds; a connection that
  // comes back to the pool must not stay that way, so every acquisition
  // switches them on again (a pragma outside any transaction, microseconds).
  pool.on('acquireSuccess', (_eventId: number, connection: SqliteConnection) =>
    connection.pragma('foreign_keys = ON'),
  );
  return knex;
}

/**
 * `coreServices.database` as backend-defaults provides it (same
 * configuration, same per-plugin databases), with the SQLite tuning above.
 */
export const tunedDatabaseServiceFactory = createServiceFactory({
  service: coreServices.database,
  deps: {
    config: coreServices.rootConfig,
    lifecycle: coreServices.lifecycle,
    logger: coreServices.logger,
    pluginMetadata: coreServices.pluginMetadata,
    rootLifecycle: coreServices.rootLifecycle,
    rootLogger: coreServices.rootLogger,
  },
  async createRootContext({ config, rootLifecycle, rootLogger }) {
    // Without backend.database, an in-memory SQLite database, as upstream.
    const effective = config.getOptional('backend.database')
      ? config
      : new ConfigReader({
          backend: {
            database: { client: 'better-sqlite3', connection: ':memory:' },
          },
        });
    return DatabaseManager.fromConfig(effective, {
      rootLifecycle,
      rootLogger,
    });
  },
  async factory({ pluginMetadata, lifecycle, logger }, manager) {
    const database = manager.forPlugin(pluginMetadata.getId(), {
      lifecycle,
      logger,
    });
    return {
      ...database,
      getClient: async () =>
        reportDatabaseUnavailable(
          waitForMigrationLocks(tuneSqliteClient(await database.getClient()), {
            logger,
          }),
        ),
    };
  },
});
