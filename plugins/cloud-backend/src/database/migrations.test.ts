import { TestDatabases } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { Knex } from 'knex';

const migrationsDir = path.resolve(__dirname, '../../migrations');
const migrationsFiles = fs
  .readdirSync(migrationsDir)
  .filter(f => f.endsWith('.js'))
  .sort();

const TABLES = [
  'cloud_tenants',
  'cloud_onboarding_steps',
  'cloud_events',
  'cloud_funding',
  'cloud_training',
];

async function migrateUpOnce(knex: Knex): Promise<void> {
  await knex.migrate.up({ directory: migrationsDir });
}

async function migrateDownOnce(knex: Knex): Promise<void> {
  await knex.migrate.down({ directory: migrationsDir });
}

async function tablesPresent(knex: Knex): Promise<boolean[]> {
  return Promise.all(TABLES.map(t => knex.schema.hasTable(t)));
}

jest.setTimeout(60_000);

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it('are dated and named YYYYMMDDHHmm_verb.js', () => {
    expect(migrationsFiles.length).toBeGreaterThan(0);
    for (const file of migrationsFiles) {
      expect(file).toMatch(/^\d{12}_[a-zA-Z]+\.js$/);
    }
  });

  it.each(databases.eachSupportedId())(
    'every migration goes up, down and up again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const [, applied] = await knex.migrate.latest({
        directory: migrationsDir,
      });
      expect(applied).toEqual(migrationsFiles);
      expect(await tablesPresent(knex)).toEqual(TABLES.map(() => true));
      expect(await knex.schema.hasTable('cloud_report_step_counts')).toBe(true);
      await knex.migrate.rollback({ directory: migrationsDir }, true);
      expect(await tablesPresent(knex)).toEqual(TABLES.map(() => false));
      expect(await knex.schema.hasTable('cloud_report_step_counts')).toBe(
        false,
      );
      const [, again] = await knex.migrate.latest({
        directory: migrationsDir,
      });
      expect(again).toEqual(migrationsFiles);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '202611281500_init.js goes up, down and up again, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await migrateUpOnce(knex);
      expect(await tablesPresent(knex)).toEqual(TABLES.map(() => true));

      const id = '6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4';
      const now = new Date();
      await knex('cloud_tenants').insert({
        id,
        name: 'sifac-0333298f-production',
        application: 'sifac',
        establishment: 'etab-0333298f',
        uai: '0333298F',
        environment: 'production',
        version: '1',
        status: 'requested',
        request: '{}',
        created_by: 'user:default/a',
        created_at: now,
        updated_at: now,
      });
      await knex('cloud_onboarding_steps').insert({
        tenant_id: id,
        step_id: 'request',
        status: 'done',
        updated_by: 'user:default/a',
        updated_at: now,
      });
      await knex('cloud_events').insert({
        tenant_id: id,
        at: now,
        actor: 'user:default/a',
        type: 'request.created',
      });
      const [tenant] = await knex('cloud_tenants');
      expect(tenant).toMatchObject({ row_version: 1 });
      expect(Boolean(tenant.suspended)).toBe(false);
      // the tenant name is unique
      let duplicate: unknown;
      try {
        await knex('cloud_tenants').insert({
          ...tenant,
          id: '7f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4',
        });
      } catch (error) {
        duplicate = error;
      }
      // Refused by the unique index on the name, not by anything else.
      expect(String((duplicate as Error | undefined)?.message)).toMatch(
        databaseId === 'SQLITE_3'
          ? /UNIQUE constraint failed: cloud_tenants\.name/
          : /duplicate key value violates unique constraint "cloud_tenants_name_uq"/,
      );
      expect(await knex('cloud_tenants').select('id')).toHaveLength(1);

      await migrateDownOnce(knex);
      expect(await tablesPresent(knex)).toEqual(TABLES.map(() => false));

      await migrateUpOnce(knex);
      expect(await tablesPresent(knex)).toEqual(TABLES.map(() => true));
      await knex.destroy();
    },
  );
});
