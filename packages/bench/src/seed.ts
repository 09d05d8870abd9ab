/*
 * Seeds the cloud plugin's database before the backend starts: N tenants
 * created and moved along their onboarding through DatabaseTenantStore (the
 * plugin's own store and migrations), then comment events inserted in bulk
 * until the event log holds the wanted total.
 *
 * The database is opened with Backstage's DatabaseManager and the same
 * `backend.database` config as the backend, so the data lands where the
 * plugin will read it: `<directory>/cloud.sqlite` for SQLite, the
 * `backstage_plugin_cloud` database for PostgreSQL.
 */
import {
  ENVIRONMENTS,
  OnboardingStepId,
  establishmentGroupName,
  tenantName,
  uaiOfEstablishment,
} from '@amue/plugin-cloud-common';
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { LifecycleService, LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
// eslint-disable-next-line @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports -- the benchmark seeds and times the plugin's internals on purpose
import { DatabasePersonStore } from '@amue/plugin-cloud-backend/src/database/DatabasePersonStore';
// eslint-disable-next-line @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports -- the benchmark seeds and times the plugin's internals on purpose
import { DatabaseTenantStore } from '@amue/plugin-cloud-backend/src/database/DatabaseTenantStore';
// eslint-disable-next-line @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports -- the benchmark seeds and times the plugin's internals on purpose
import { TenantWorkflow } from '@amue/plugin-cloud-backend/src/service/TenantWorkflow';

export interface SeedApplication {
  name: string;
  version: string;
}

export interface SeedOptions {
  /** `backend.database` of the backend's config. */
  databaseConfig: JsonObject;
  tenants: number;
  /** Total rows wanted in the event log. */
  events: number;
  /** Establishment Group names, in the order they receive tenants. */
  establishments: string[];
  applications: SeedApplication[];
  log: (message: string) => void;
}

export interface SeedResult {
  tenants: number;
  events: number;
  /** Events written by the store (creation and step actions). */
  storeEvents: number;
  /** Comment events inserted in bulk. */
  bulkEvents: number;
  storeActions: number;
  seconds: number;
  storeSeconds: number;
  bulkSeconds: number;
  /** Tenant names per establishment. */
  byEstablishment: Map<string, string[]>;
}

const ADMIN = 'user:default/marc.petit';
const DAY = 86_400_000;

/** Steps in onboarding order, after the request (done on creation). */
function plannedSteps(migration: boolean): OnboardingStepId[] {
  return [
    'qualification',
    'provisioning',
    'identity',
    ...(migration ? (['data-migration'] as const) : []),
    'acceptance',
    'training',
    'go-live',
  ];
}

/**
 * How far a tenant has gone, by its index (deterministic): steps done, and
 * whether the next one is in progress. Out of 20 tenants: 2 new requests,
 * 1 in qualification, 4 in provisioning (the step changes of the benchmark
 * complete these), 2 in each later step but go-live (1), 4 live.
 */
function progressOf(
  index: number,
  steps: OnboardingStepId[],
): { done: number; inProgress: boolean } {
  const slot = (index * 7) % 20;
  const at = (step: OnboardingStepId) => steps.indexOf(step);
  if (slot < 2) return { done: 0, inProgress: false };
  if (slot < 3) return { done: 0, inProgress: true };
  if (slot < 7) return { done: at('provisioning'), inProgress: true };
  if (slot < 9) return { done: at('identity'), inProgress: true };
  if (slot < 11) return { done: at('identity') + 1, inProgress: true };
  if (slot < 13) return { done: at('acceptance'), inProgress: true };
  if (slot < 15) return { done: at('training'), inProgress: true };
  if (slot < 16) return { done: at('go-live'), inProgress: true };
  return { done: steps.length, inProgress: false };
}

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function quietLogger(): LoggerService {
  const logger: LoggerService = {
    error: () => {},
    warn: () => {},
    info: () => {},
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

export const noLifecycle: LifecycleService = {
  addStartupHook: () => {},
  addShutdownHook: () => {},
};

/**
 * The N tenants: every (application, environment) of an establishment
 * before the next establishment, so each establishment holding tenants has
 * the 4 × applications combinations (52 with the 13 curated applications)
 * and a filtered page of 50 is full.
 */
function plannedTenants(options: SeedOptions) {
  const planned: Array<{
    name: string;
    application: SeedApplication;
    uai: string;
    environment: (typeof ENVIRONMENTS)[number];
  }> = [];
  for (const establishment of options.establishments) {
    const uai = uaiOfEstablishment(establishment);
    if (!uai) {
      throw new Error(`${establishment} is not an establishment group name`);
    }
    for (const application of options.applications) {
      for (const environment of ENVIRONMENTS) {
        if (planned.length === options.tenants) {
          return planned;
        }
        planned.push({
          name: tenantName(application.name, uai, environment),
          application,
          uai,
          environment,
        });
      }
    }
  }
  if (planned.length < options.tenants) {
    throw new Error(
      `only ${planned.length} combinations of establishment, application and environment exist, ${options.tenants} tenants asked`,
    );
  }
  return planned;
}

export async function seedTenants(options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const config = mockServices.rootConfig({
    data: { backend: { database: options.databaseConfig } },
  });
  const database = DatabaseManager.fromConfig(config).forPlugin('cloud', {
    logger: quietLogger(),
    lifecycle: noLifecycle,
  });
  const isPostgres = String(options.databaseConfig.client).startsWith('pg');
  // SQLite runs one query at a time; PostgreSQL takes several writers.
  const workers = isPostgres ? 6 : 1;
  const end = Date.now() - DAY;
  const span = 540 * DAY;

  // Migrations once, then one store per worker: each has its own clock, so
  // that every tenant gets a believable history (creation, then one step
  // action every few days).
  await DatabaseTenantStore.create({ database });
  const db = await database.getClient();
  const existing = Number((await db('cloud_tenants').count({ n: '*' }))[0].n);
  if (existing > 0) {
    throw new Error(
      `the cloud database already holds ${existing} tenants; the benchmark seeds an empty database`,
    );
  }

  const planned = plannedTenants(options);
  const byEstablishment = new Map<string, string[]>();
  for (const tenant of planned) {
    const establishment = establishmentGroupName(tenant.uai);
    byEstablishment.set(establishment, [
      ...(byEstablishment.get(establishment) ?? []),
      tenant.name,
    ]);
  }

  let storeActions = 0;
  let storeEvents = 0;
  let next = 0;
  const createdAt: Array<{ id: string; at: number }> = [];
  const worker = async (w: number) => {
    let now = 0;
    const store = new TenantWorkflow(
      await DatabaseTenantStore.create({
        database,
        skipMigrations: true,
        clock: () => new Date(now),
      }),
    );
    const rnd = random(1000 + w);
    for (;;) {
      const index = next++;
      if (index >= planned.length) {
        return;
      }
      const plan = planned[index];
      const migration = index % 3 !== 0;
      now =
        end - span + Math.floor((index / planned.length) * span) - 130 * DAY;
      const { tenant } = await store.createTenant(
        {
          application: plan.application.name,
          uai: plan.uai,
          environment: plan.environment,
          version: plan.application.version,
          url: `https://${plan.name}.cloud.amue.fr`,
          ssoProtocol: 'saml',
          ssoIdpEntityId: `https://idp.etab-${plan.uai.toLowerCase()}.fr/idp/shibboleth`,
          request: {
            migration,
            expectedUsers: 20 + Math.floor(rnd() * 480),
            comment: 'Demande créée par le banc de mesure',
          },
        },
        { actor: `user:default/dsi.${plan.uai.toLowerCase()}` },
      );
      createdAt[index] = { id: tenant.id, at: now };
      storeEvents += 1;
      const steps = plannedSteps(migration);
      const { done, inProgress } = progressOf(index, steps);
      const actions: Array<[OnboardingStepId, 'start' | 'complete', number]> =
        [];
      for (const step of steps.slice(0, done)) {
        actions.push([step, 'start', 1], [step, 'complete', 2]);
      }
      if (inProgress && done < steps.length) {
        actions.push([steps[done], 'start', 1]);
      }
      for (const [step, action, expectedVersion] of actions) {
        now += DAY + Math.floor(rnd() * 8 * DAY);
        await store.applyStepAction(tenant.id, step, action, {
          actor: ADMIN,
          actorSide: 'any',
          expectedVersion,
        });
        storeActions += 1;
        storeEvents += 1;
      }
      if ((index + 1) % 1000 === 0) {
        options.log(
          `  ${index + 1} tenants, ${storeActions} step actions (${Math.round(
            (Date.now() - started) / 1000,
          )} s)`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  const storeSeconds = (Date.now() - started) / 1000;

  // Filler: comment events spread over the tenants and their lifetime.
  const bulkStarted = Date.now();
  const bulk = Math.max(0, options.events - storeEvents);
  const rnd = random(42);
  const rows = [];
  for (let k = 0; k < bulk; k++) {
    const { id, at } = createdAt[k % createdAt.length];
    rows.push({
      tenant_id: id,
      at: new Date(at + Math.floor(rnd() * (end - at))),
      actor: k % 2 ? ADMIN : 'user:default/claire.dubois',
      type: 'comment.added',
      step_id: null,
      comment: `Point d'étape n° ${
        k + 1
      } : échanges avec l'établissement, rien de bloquant.`,
      before: null,
      after: null,
    });
  }
  await db.batchInsert('cloud_events', rows, 500);
  const bulkSeconds = (Date.now() - bulkStarted) / 1000;

  const count = async (table: string) =>
    Number((await db(table).count({ n: '*' }))[0].n);
  const result: SeedResult = {
    tenants: await count('cloud_tenants'),
    events: await count('cloud_events'),
    storeEvents,
    bulkEvents: bulk,
    storeActions,
    seconds: (Date.now() - started) / 1000,
    storeSeconds,
    bulkSeconds,
    byEstablishment,
  };
  await db.destroy();
  return result;
}

/**
 * The figures of a database seeded by an earlier run (`--reuse-database`):
 * the tenants and events it holds and the tenant names per establishment;
 * the seeding's own figures (actions, seconds) are not known and are 0.
 */
export async function readSeeded(options: {
  databaseConfig: JsonObject;
}): Promise<SeedResult> {
  const config = mockServices.rootConfig({
    data: { backend: { database: options.databaseConfig } },
  });
  const database = DatabaseManager.fromConfig(config).forPlugin('cloud', {
    logger: quietLogger(),
    lifecycle: noLifecycle,
  });
  const db = await database.getClient();
  try {
    const count = async (table: string) =>
      Number((await db(table).count({ n: '*' }))[0].n);
    const byEstablishment = new Map<string, string[]>();
    const rows: Array<{ name: string; establishment: string }> = await db(
      'cloud_tenants',
    )
      .select('name', 'establishment')
      .orderBy('name');
    for (const row of rows) {
      byEstablishment.set(row.establishment, [
        ...(byEstablishment.get(row.establishment) ?? []),
        row.name,
      ]);
    }
    const tenants = rows.length;
    if (tenants === 0) {
      throw new Error(
        'the cloud database holds no tenant: run once without --reuse-database (and with --keep) to seed it',
      );
    }
    return {
      tenants,
      events: await count('cloud_events'),
      storeEvents: 0,
      bulkEvents: 0,
      storeActions: 0,
      seconds: 0,
      storeSeconds: 0,
      bulkSeconds: 0,
      byEstablishment,
    };
  } finally {
    await db.destroy();
  }
}

export interface SeededPerson {
  /** Entity name of the catalog User. */
  name: string;
  /** Establishment Group name. */
  establishment: string;
}

/**
 * People of the establishments, as the federation sign-in records them
 * (DatabasePersonStore, table `cloud_people`): `people` persons spread
 * evenly over the given establishments. The catalog's PersonEntityProvider
 * publishes them as Users member of their establishment, so the
 * demonstration sign-in signs them in as distinct users with their own
 * establishment's rights.
 */
export async function seedPeople(options: {
  databaseConfig: JsonObject;
  people: number;
  establishments: string[];
}): Promise<SeededPerson[]> {
  const config = mockServices.rootConfig({
    data: { backend: { database: options.databaseConfig } },
  });
  const database = DatabaseManager.fromConfig(config).forPlugin('cloud', {
    logger: quietLogger(),
    lifecycle: noLifecycle,
  });
  const store = await DatabasePersonStore.create({ database });
  const people: SeededPerson[] = [];
  const at = new Date();
  for (let i = 0; i < options.people; i++) {
    const establishment =
      options.establishments[i % options.establishments.length];
    const name = `bench-staff-${String(i + 1).padStart(3, '0')}`;
    await store.record(
      name,
      {
        displayName: `Personnel ${i + 1}`,
        email: `${name}@bench.invalid`,
        establishments: [establishment],
      },
      at,
    );
    people.push({ name, establishment });
  }
  return people;
}
