/*
 * Plugins run their knex migrations when they start. Two replicas started
 * together on an empty PostgreSQL meet each other there, and knex is not
 * safe for it: one holds the migration lock (`MigrationLocked: Migration
 * table is already locked`), both create the lock table at the same instant
 * (`relation "knex_migrations_lock" already exists`), or - worse - both
 * insert the lock table's row, after which every `update ... set is_locked
 * = 1` touches two rows and knex reports "already locked" forever (seen in
 * the replica stage, on the user-settings database). knex gives up at once,
 * the plugin fails to start and the whole backend exits.
 *
 * Here `knex.migrate.latest()` of a PostgreSQL client first takes a
 * session-level advisory lock of the database (`pg_try_advisory_lock`,
 * polled on a connection of its own, outside any transaction), so the
 * migrations of the replicas
 * run one after the other, each finding the work done by the previous one;
 * under that lock, a lock table left with several rows is repaired. Errors
 * of contention with a process that does not take the advisory lock (an
 * older version during a rolling upgrade) are retried for a while.
 */
import type {
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

/** How long a plugin's migrations retry after contention. */
export const MIGRATION_LOCK_WAIT_MS = 5 * 60_000;

/**
 * The advisory lock of the portal's migrations (advisory locks are scoped
 * to their database: one per plugin database). "AMUEMIGR" in ASCII.
 */
export const MIGRATION_ADVISORY_LOCK = '4705232341245278546';

/**
 * True for the errors of two processes migrating the same database at the
 * same time (never for an error of a migration itself).
 */
export function isMigrationContention(error: unknown): boolean {
  if (!error || typeof error !== 'object') {
    return false;
  }
  const { name, code, message } = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
  };
  if (name === 'MigrationLocked') {
    return true;
  }
  // 42P07 duplicate_table, 23505 unique_violation (the lock row, or the
  // catalog's pg_type row of a table created twice at once), 40P01
  // deadlock and 40001 serialization failure on the lock table
  return (
    typeof code === 'string' &&
    ['42P07', '23505', '40P01', '40001'].includes(code) &&
    typeof message === 'string' &&
    /knex_migrations/.test(message)
  );
}

const patched = new WeakSet<Knex>();

/**
 * Runs `fn` holding the session-level advisory lock of the migrations, on
 * a connection of its own that stays outside any transaction while it
 * waits: an open transaction would hold back the migrations that build
 * indexes concurrently (`CREATE INDEX CONCURRENTLY` waits for every
 * transaction of the database). The lock ends with the session if the
 * process dies.
 */
async function withAdvisoryLock<T>(
  db: Knex,
  waitMs: number,
  fn: () => Promise<T>,
  logger?: LoggerService,
) {
  const connection = await db.client.acquireConnection();
  try {
    // Polled, never waited for in a statement: a statement blocked on the
    // lock is a transaction that `CREATE INDEX CONCURRENTLY` (the
    // catalog's migrations) in the process holding the lock would wait
    // for, a deadlock nobody detects.
    const deadline = Date.now() + waitMs;
    for (let attempt = 1; ; attempt++) {
      const result = await db
        .raw('select pg_try_advisory_lock(?::bigint) as locked', [
          MIGRATION_ADVISORY_LOCK,
        ])
        .connection(connection);
      if (result.rows[0].locked) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Another process has been migrating this database for more than ${Math.round(
            waitMs / 1000,
          )} s`,
        );
      }
      if (attempt === 1) {
        logger?.info(
          'Another process is migrating this database; waiting for it',
        );
      }
      await new Promise(resolve =>
        setTimeout(resolve, 500 + Math.random() * 500),
      );
    }
    try {
      return await fn();
    } finally {
      await db
        .raw('select pg_advisory_unlock(?::bigint)', [MIGRATION_ADVISORY_LOCK])
        .connection(connection)
        .catch(() => undefined);
    }
  } finally {
    await db.client.releaseConnection(connection);
  }
}

/**
 * knex keeps one row in its lock table; two processes creating the table at
 * once may both insert it, and knex then never takes the lock again.
 * Called under the advisory lock: keeps the first row, unlocked.
 */
async function repairLockTable(db: Knex, logger?: LoggerService) {
  if (!(await db.schema.hasTable('knex_migrations_lock'))) {
    return;
  }
  const rows: Array<{ index: number; is_locked: number }> = await db(
    'knex_migrations_lock',
  ).orderBy('index');
  if (rows.length > 1) {
    await db('knex_migrations_lock').whereNot('index', rows[0].index).delete();
    logger?.warn(
      `Repaired knex's migration lock table: ${rows.length} rows, kept one`,
    );
  }
}

/**
 * Makes `knex.migrate.latest()` of a PostgreSQL client wait (with a
 * growing, jittered pause) while another process migrates the same
 * database, for at most `waitMs`. Other clients are returned as they are.
 */
export function waitForMigrationLocks(
  knex: Knex,
  options: { logger?: LoggerService; waitMs?: number } = {},
): Knex {
  if (knex.client.config.client !== 'pg' || patched.has(knex)) {
    return knex;
  }
  const descriptor = Object.getOwnPropertyDescriptor(knex, 'migrate');
  if (!descriptor?.get || !descriptor.configurable) {
    return knex;
  }
  patched.add(knex);
  const waitMs = options.waitMs ?? MIGRATION_LOCK_WAIT_MS;
  const createMigrator = descriptor.get;
  Object.defineProperty(knex, 'migrate', {
    configurable: true,
    get() {
      const migrator = createMigrator.call(this);
      const latest = migrator.latest.bind(migrator);
      migrator.latest = async (...args: Parameters<typeof latest>) => {
        const deadline = Date.now() + waitMs;
        for (let attempt = 1; ; attempt++) {
          try {
            return await withAdvisoryLock(
              knex,
              waitMs,
              async () => {
                await repairLockTable(knex, options.logger);
                return latest(...args);
              },
              options.logger,
            );
          } catch (error) {
            if (!isMigrationContention(error) || Date.now() > deadline) {
              throw error;
            }
            options.logger?.info(
              `Another process is migrating this database; waiting for it (attempt ${attempt})`,
            );
            const pause = Math.min(500 * attempt, 3_000) + Math.random() * 500;
            await new Promise(resolve => setTimeout(resolve, pause));
          }
        }
      };
      return migrator;
    },
  });
  return knex;
}
