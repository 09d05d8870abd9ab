/*
 * Timing of the onboarding reminder task (issue 14) at scale:
 *   bash scripts/bench-reminders.sh [sqlite|postgres|both] [--tenants N]
 *
 * Seeds N tenants (10,000 by default) through DatabaseTenantStore, each
 * created at a believable time in the last 60 days and moved along its
 * first steps, so that its due dates come from the store itself: some due
 * soon, some late, some blocked or closed. 200 establishments of 3 members,
 * 13 applications in 6 product teams of 4, 3 administrators, in an in-memory catalog. Then runs
 * the task twice on the same day: the first run sends, the second finds
 * everything sent. Notifications are counted, not delivered (the
 * notifications backend's own cost is not measured here).
 */
import {
  ENVIRONMENTS,
  establishmentGroupName,
  resolveStepTargetDays,
} from '@amue/plugin-cloud-common';
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// eslint-disable-next-line @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports -- the benchmark seeds and times the plugin's internals on purpose
import { DatabaseTenantStore } from '@amue/plugin-cloud-backend/src/database/DatabaseTenantStore';
// eslint-disable-next-line @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports -- the benchmark seeds and times the plugin's internals on purpose
import { TenantWorkflow } from '@amue/plugin-cloud-backend/src/service/TenantWorkflow';
// eslint-disable-next-line @backstage/no-forbidden-package-imports, @backstage/no-mixed-plugin-imports -- the benchmark seeds and times the plugin's internals on purpose
import {
  OnboardingReminders,
  readReminderSettings,
} from '@amue/plugin-cloud-backend/src/reminders/OnboardingReminders';
import { noLifecycle, quietLogger } from './seed';

const DAY = 86_400_000;
const NOW = new Date('2026-12-07T07:00:00.000Z');
const APPLICATIONS = [
  ['sifac', 'amue-equipe-finance'],
  ['sifac-demat', 'amue-equipe-finance'],
  ['siham', 'amue-equipe-rh'],
  ['siham-pms', 'amue-equipe-rh'],
  ['harpege', 'amue-equipe-rh'],
  ['pegase', 'amue-equipe-scolarite'],
  ['apogee', 'amue-equipe-scolarite'],
  ['rof', 'amue-equipe-scolarite'],
  ['caplab', 'amue-equipe-recherche'],
  ['geslab', 'amue-equipe-recherche'],
  ['sinchro', 'amue-equipe-recherche'],
  ['sinaps', 'amue-equipe-referentiels'],
  ['dialog', 'amue-equipe-pilotage'],
] as const;
/** Establishments: 200 x 13 applications x 4 environments > 10,000. */
const ESTABLISHMENTS = 200;

function uais(count: number): string[] {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  const result: string[] = [];
  for (let n = 100000; result.length < count; n += 7) {
    const digits = String(n).padStart(7, '0');
    result.push(`${digits}${letters[Number(digits) % 23]}`);
  }
  return result;
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function databaseConfig(kind: string, dir: string) {
  if (kind === 'sqlite') {
    return {
      client: 'better-sqlite3',
      connection: { directory: path.join(dir, 'sqlite') },
    };
  }
  const url = new URL(process.env.BENCH_PG_URL ?? '');
  return {
    client: 'pg',
    connection: {
      host: url.hostname,
      port: Number(url.port),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    },
  };
}

async function bench(kind: string, tenants: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-reminders-'));
  const database = DatabaseManager.fromConfig(
    new ConfigReader({
      backend: { database: databaseConfig(kind, dir) },
    }),
  ).forPlugin('cloud', { logger: quietLogger(), lifecycle: noLifecycle });
  let now = NOW;
  const store = new TenantWorkflow(
    await DatabaseTenantStore.create({
      database,
      clock: () => now,
    }),
  );
  const db = await database.getClient();
  await db('cloud_reminders').delete();
  await db('cloud_events').delete();
  await db('cloud_onboarding_steps').delete();
  await db('cloud_funding').delete();
  await db('cloud_training').delete();
  await db('cloud_tenants').delete();
  await db('cloud_report_step_counts').delete();

  const establishments = uais(ESTABLISHMENTS);
  const next = random(42);
  const targetDays = resolveStepTargetDays();
  const seedStart = Date.now();
  let created = 0;
  for (let i = 0; created < tenants; i++) {
    const uai = establishments[i % establishments.length];
    const perRound = ESTABLISHMENTS * APPLICATIONS.length;
    const [application] =
      APPLICATIONS[Math.floor(i / ESTABLISHMENTS) % APPLICATIONS.length];
    const environment = ENVIRONMENTS[Math.floor(i / perRound)];
    if (!environment) {
      throw new Error(
        `at most ${
          perRound * ENVIRONMENTS.length
        } tenants (${ESTABLISHMENTS} establishments, ${
          APPLICATIONS.length
        } applications, ${ENVIRONMENTS.length} environments)`,
      );
    }
    now = new Date(NOW.getTime() - Math.floor(next() * 60 * DAY));
    const { tenant } = await store.createTenant(
      {
        application,
        uai,
        environment,
        version: '2026.2',
        request: { migration: next() < 0.5 },
      },
      {
        actor: 'user:default/bench',
        idempotencyKey: `bench-${i}`,
        targetDays,
      },
    );
    created += 1;
    const roll = next();
    const qualification = tenant.steps.find(s => s.id === 'qualification')!;
    now = new Date(now.getTime() + Math.floor(next() * 12 * DAY));
    if (now > NOW) {
      continue;
    }
    if (roll < 0.05) {
      await store.decideRequest(tenant.id, 'reject', {
        actor: 'user:default/bench',
        reason: 'bench',
        expectedVersion: qualification.rowVersion,
      });
    } else if (roll < 0.15) {
      await store.applyStepAction(tenant.id, 'qualification', 'block', {
        actor: 'user:default/bench',
        actorSide: 'amue',
        reason: 'bench',
        expectedVersion: qualification.rowVersion,
      });
    } else if (roll < 0.6) {
      await store.decideRequest(tenant.id, 'approve', {
        actor: 'user:default/bench',
        expectedVersion: qualification.rowVersion,
        targetDays,
      });
    }
  }
  const seedSeconds = (Date.now() - seedStart) / 1000;

  const entities: Entity[] = [];
  const user = (name: string, group: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: { memberOf: [group] },
    relations: [{ type: 'memberOf', targetRef: `group:default/${group}` }],
  });
  for (const uai of establishments) {
    const group = establishmentGroupName(uai);
    for (let k = 0; k < 3; k++) {
      entities.push(user(`${group}-member-${k}`, group));
    }
  }
  for (const [name, team] of APPLICATIONS) {
    entities.push({
      apiVersion: 'cloud.amue.fr/v1alpha1',
      kind: 'Application',
      metadata: { name, namespace: 'default', title: name.toUpperCase() },
      spec: { owner: team, productOwner: `${team}-member-0` },
    });
    for (let k = 0; k < 4; k++) {
      entities.push(user(`${team}-member-${k}`, team));
    }
  }
  for (let k = 0; k < 3; k++) {
    entities.push(user(`admin-${k}`, 'amue-admins'));
  }
  let sent = 0;
  const reminders = new OnboardingReminders({
    db,
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    notifications: {
      send: async () => {
        sent += 1;
      },
    },
    logger: quietLogger(),
    settings: readReminderSettings(new ConfigReader({})),
  });
  const rss = () => Math.round(process.memoryUsage().rss / 1048576);
  const t1 = Date.now();
  const first = await reminders.run(NOW);
  const firstMs = Date.now() - t1;
  const rss1 = rss();
  const t2 = Date.now();
  const second = await reminders.run(new Date(NOW.getTime() + 3600_000));
  const secondMs = Date.now() - t2;
  const counts = await db('cloud_onboarding_steps')
    .whereNotNull('due_date')
    .count({ n: '*' });
  console.log(
    JSON.stringify({
      database: kind,
      tenants: created,
      stepsWithDueDate: Number(counts[0].n),
      seedSeconds,
      firstRun: { ms: firstMs, ...first, notificationsCounted: sent },
      secondRunSameDay: { ms: secondMs, ...second },
      rssMb: rss1,
    }),
  );
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--tenants');
  const tenants = at >= 0 ? Number(args[at + 1]) : 10_000;
  const which =
    args.find(a => ['sqlite', 'postgres', 'both'].includes(a)) ?? 'both';
  for (const kind of which === 'both' ? ['sqlite', 'postgres'] : [which]) {
    await bench(kind, tenants);
  }
}

// Ends once the results are written: the database clients and timers of
// the Backstage services used for seeding would keep the process alive.
main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
