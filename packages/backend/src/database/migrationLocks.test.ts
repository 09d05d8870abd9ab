import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMigrationContention, waitForMigrationLocks } from './migrationLocks';

jest.setTimeout(120_000);

/** Temporary migration folders, removed after the tests. */
const folders: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amue-migrations-'));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of folders) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A migrations folder with one migration that takes a second. */
function migrationsFolder(): string {
  const dir = tempDir();
  fs.writeFileSync(
    path.join(dir, '20261205_slow.js'),
    `exports.up = async knex => {
  if (knex.client.config.client === 'pg') await knex.raw('select pg_sleep(1)');
  await knex.schema.createTable('slow_table', t => t.increments('id'));
};
exports.down = async knex => knex.schema.dropTable('slow_table');
`,
  );
  // Outside a transaction, as the catalog's index migrations: on PostgreSQL
  // CREATE INDEX CONCURRENTLY waits for every open transaction.
  fs.writeFileSync(
    path.join(dir, '20261206_index.js'),
    `exports.config = { transaction: false };
exports.up = async knex => {
  const concurrently = knex.client.config.client === 'pg' ? 'concurrently' : '';
  await knex.raw('create index ' + concurrently + ' slow_table_id on slow_table (id)');
};
exports.down = async () => {};
`,
  );
  return dir;
}

describe('waitForMigrationLocks', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  /** The contention itself exists on PostgreSQL only (SQLite: one process). */
  const postgres = databases
    .eachSupportedId()
    .filter(([id]) => id.startsWith('POSTGRES'));

  /** Two knex clients on the same database, as two replicas have. */
  async function twoReplicas(databaseId: 'POSTGRES_15'): Promise<[Knex, Knex]> {
    const first = await databases.init(databaseId);
    const second = knexFactory({
      client: 'pg',
      connection: first.client.config.connection,
    });
    return [first, second];
  }

  it.each(databases.eachSupportedId())(
    'runs the migrations of one process as before, %p',
    async databaseId => {
      const knex = waitForMigrationLocks(await databases.init(databaseId), {
        waitMs: 30_000,
      });
      await knex.migrate.latest({ directory: migrationsFolder() });
      expect(await knex.schema.hasTable('slow_table')).toBe(true);
      const rows = await knex('knex_migrations').select('name');
      expect(rows.map(r => r.name)).toEqual([
        '20261205_slow.js',
        '20261206_index.js',
      ]);
    },
  );

  it.each(postgres)(
    'lets two processes migrate an empty database at once (PostgreSQL)',
    async databaseId => {
      const [a, b] = await twoReplicas(databaseId as 'POSTGRES_15');
      const directory = migrationsFolder();
      try {
        const results = await Promise.allSettled(
          [a, b].map(k =>
            waitForMigrationLocks(k, { waitMs: 30_000 }).migrate.latest({
              directory,
            }),
          ),
        );
        expect(results.map(r => r.status)).toEqual(['fulfilled', 'fulfilled']);
        const rows = await a('knex_migrations').select('name');
        expect(rows.map(r => r.name)).toEqual([
          '20261205_slow.js',
          '20261206_index.js',
        ]);
        expect(await a.schema.hasTable('slow_table')).toBe(true);
      } finally {
        await b.destroy();
      }
    },
  );

  /**
   * A database whose migration lock another process holds (its lock row
   * set, as knex does while it migrates), and a function that frees it.
   */
  async function lockedByAnotherProcess(knex: Knex) {
    const empty = tempDir();
    await knex.migrate.latest({ directory: empty }); // the lock table
    await knex('knex_migrations_lock').update({ is_locked: 1 });
    return async () => {
      await knex('knex_migrations_lock').update({ is_locked: 0 });
    };
  }

  it.each(postgres)(
    'waits for the lock of another process, then migrates (PostgreSQL)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const unlock = await lockedByAnotherProcess(knex);
      const started = Date.now();
      const migrated = waitForMigrationLocks(knex, {
        waitMs: 30_000,
      }).migrate.latest({ directory: migrationsFolder() });
      setTimeout(unlock, 2_000);
      await expect(migrated).resolves.toBeDefined();
      expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
      expect(await knex.schema.hasTable('slow_table')).toBe(true);
    },
  );

  it.each(postgres)(
    'without it, the lock of another process fails the migration at once (PostgreSQL)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await lockedByAnotherProcess(knex);
      const error = await knex.migrate
        .latest({ directory: migrationsFolder() })
        .catch(e => e);
      expect(error.name).toBe('MigrationLocked');
      expect(isMigrationContention(error)).toBe(true);
      expect(await knex.schema.hasTable('slow_table')).toBe(false);
    },
  );

  it.each(postgres)(
    'repairs a lock table left with two rows by two processes (PostgreSQL)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const empty = tempDir();
      await knex.migrate.latest({ directory: empty });
      await knex('knex_migrations_lock').insert({ is_locked: 0 });
      // knex alone: "already locked" for ever
      const error = await knex.migrate
        .latest({ directory: migrationsFolder() })
        .catch(e => e);
      expect(error.name).toBe('MigrationLocked');
      // with the wrapper: repaired, then migrated
      await waitForMigrationLocks(knex, { waitMs: 10_000 }).migrate.latest({
        directory: migrationsFolder(),
      });
      expect(await knex('knex_migrations_lock').count({ n: '*' })).toEqual([
        { n: '1' },
      ]);
      expect(await knex.schema.hasTable('slow_table')).toBe(true);
    },
  );

  it.each(postgres)(
    'gives up after its wait, with the lock error (PostgreSQL)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await lockedByAnotherProcess(knex);
      const error = await waitForMigrationLocks(knex, { waitMs: 1_000 })
        .migrate.latest({ directory: migrationsFolder() })
        .catch(e => e);
      expect(error.name).toBe('MigrationLocked');
    },
  );

  it.each(postgres)(
    'still fails at once on an error of the migration itself (PostgreSQL)',
    async databaseId => {
      const knex = waitForMigrationLocks(await databases.init(databaseId), {
        waitMs: 30_000,
      });
      const directory = tempDir();
      fs.writeFileSync(
        path.join(directory, '20261205_broken.js'),
        `exports.up = async knex => knex.raw('select * from no_such_table');
exports.down = async () => {};
`,
      );
      const started = Date.now();
      await expect(knex.migrate.latest({ directory })).rejects.toThrow(
        /no_such_table/,
      );
      expect(Date.now() - started).toBeLessThan(10_000);
    },
  );
});
