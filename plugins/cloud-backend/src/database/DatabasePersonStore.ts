import type {
  FederationPerson,
  FederationPersonInput,
} from '@amue/plugin-cloud-common';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { Row, toIso } from './rows';

const PEOPLE = 'cloud_people';

const migrationsDir = resolvePackagePath(
  '@amue/plugin-cloud-backend',
  'migrations',
);

function toPerson(row: Row): FederationPerson {
  return {
    name: row.name,
    displayName: row.display_name,
    ...(row.email ? { email: row.email } : {}),
    establishments: JSON.parse(row.establishments),
    lastSignInAt: toIso(row.last_sign_in_at),
  };
}

/**
 * The people signed in through the federation (table `cloud_people`).
 *
 * @internal
 */
export class DatabasePersonStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabasePersonStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabasePersonStore(client);
  }

  private constructor(private readonly db: Knex) {}

  /** Records a sign-in at `at`: creates the person or updates them. */
  async record(
    name: string,
    input: FederationPersonInput,
    at: Date,
  ): Promise<FederationPerson> {
    const values = {
      display_name: input.displayName,
      email: input.email ?? null,
      establishments: JSON.stringify([...input.establishments].sort()),
      last_sign_in_at: at,
    };
    await this.db(PEOPLE)
      .insert({ name, first_sign_in_at: at, ...values })
      .onConflict('name')
      .merge(values);
    return (await this.get(name))!;
  }

  async get(name: string): Promise<FederationPerson | undefined> {
    const row = await this.db(PEOPLE).where({ name }).first();
    return row ? toPerson(row) : undefined;
  }

  /** Every person, by name. */
  async list(): Promise<FederationPerson[]> {
    const rows = await this.db(PEOPLE).select().orderBy('name');
    return rows.map(toPerson);
  }

  /** Removes a person; false when there was none. */
  async remove(name: string): Promise<boolean> {
    return (await this.db(PEOPLE).where({ name }).delete()) > 0;
  }

  /** Removes the people whose last sign-in is before `cutoff`; their names. */
  async removeIdleSince(cutoff: Date): Promise<string[]> {
    return this.db.transaction(async tx => {
      const rows = await tx(PEOPLE)
        .where('last_sign_in_at', '<', cutoff)
        .select('name');
      const names = rows.map(r => r.name as string);
      if (names.length) {
        await tx(PEOPLE).whereIn('name', names).delete();
      }
      return names;
    });
  }
}
