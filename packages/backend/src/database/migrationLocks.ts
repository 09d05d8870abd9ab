/*
 * Plugins run their knex migrations when they start. Two replicas started
 * together on an empty PostgreSQL meet each other there: one holds knex's
 * migration lock (`MigrationLocked: Migration table is already locked`), or
 * both create the lock table at the same instant (`relation
 * "knex_migrations_lock" already exists`). knex gives up at once, the plugin
 * fails to start and the whole backend exits: an orchestrator restart loop
 * on every first deployment, and scheduled tasks claimed by the dying
 * process stay locked until their timeout. Here a plugin's migration waits
 * for the other replica instead, as `knex migrate` would be run by hand
 * once the lock is free.
 */
import type {
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

/** How long a plugin's migrations wait for another replica's. */
export const MIGRATION_LOCK_WAIT_MS = 5 * 60_000;

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
            return await latest(...args);
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
