/*
 * Speed benchmark of the onboarding service (docs/benchmarks.md, section
 * "Service d'accompagnement (API cloud)"). Run it with
 * `bash scripts/bench-cloud.sh [sqlite|postgres|both] [options]`.
 *
 * For each database:
 * 1. starts the portal's real backend (packages/backend) with the
 *    repository's app-config.yaml and an overlay (throwaway database,
 *    `cloud.demoData: false`), reads the establishments and applications
 *    the catalog ingested, stops it;
 * 2. seeds N tenants and the wanted number of events into the cloud
 *    plugin's database (seed.ts);
 * 3. starts the backend again and waits until the catalog holds the N
 *    Tenant entities (the tenant provider's full sync at start-up);
 * 4. signs in through the demonstration sign-in as an establishment member
 *    (claire.dubois), an administrator (marc.petit) and the staff of
 *    establishments (200 people over 50 establishments by default, seeded
 *    as federation sign-ins, each reading only their own establishment's
 *    tenants: each request in turn from another person) and, for each,
 *    loads at a fixed rate: the list of tenants of an establishment (page
 *    of 50), the detail of a tenant, and the catalog's
 *    `/entities/by-query` for the same page; the hit rate of the tenant
 *    service's per-user read-decision cache is read from the backend's
 *    metrics (`cloud_permission_read_decisions`) around each run;
 * 5. applies step changes through the REST API and measures, for each,
 *    the time until the catalog API returns the updated Tenant entity.
 *
 * Options: --tenants N (10000), --events N (10 per tenant), --duration S
 * (60), --rates R1,R2 (500; requests per second, each rate in turn),
 * --shapes autocannon,smooth (see load.ts), or --loads 500:autocannon,
 * 250:smooth (rate and shape of each run), --connections C (50),
 * --warmup S (5), --step-changes K (100), --replicas N (1; PostgreSQL only:
 * N backend processes on the same database, the load spread over them),
 * --ingest-timeout-minutes M (60; the wait for the catalog to hold the
 * N tenants), --processing-interval-seconds S (the catalog's, default: app-config.yaml),
 * --node-env (production), --out FILE (JSON results), --keep (keep the
 * temporary folder: backend logs, SQLite files), --endpoints list,detail,catalog
 * and --users member,admin,staff (which scenarios run; default all),
 * --staff P:E (200:50; P people spread over E establishments for the
 * staff scenario, 0 to leave it out),
 * --quiet-wait-seconds S (300; the longest wait for the rest of the machine
 * to be quiet before each run), --backend-node-args "ARGS" (e.g. --cpu-prof
 * --cpu-prof-dir=DIR), --event-loop-delay (the backend records its
 * event-loop delay every second; each run reports the worst second's p99
 * and max), --config FILE (a configuration file loaded after the overlay,
 * e.g. to try backend.rateLimit; repeatable), --establishments N (the
 * catalog's establishments: the ministry's dataset then synthetic ones up
 * to N, see establishments.ts; needed beyond 12,012 tenants),
 * --cpu-profile-dir DIR (a CPU profile of each backend during each load
 * run only, cpuProfileOnSignal.js; summarise with profileSummary.js),
 * --reuse-database (PostgreSQL only: measure on the databases an earlier
 * run seeded on the same server, BENCH_PG_URL, instead of seeding; pass
 * the same --establishments; staff people are not seeded again, so the
 * staff scenario needs --staff 0 or the people of that run).
 * BENCH_PG_URL
 * (postgresql://user:password@host:port) is needed for postgres.
 */
import { TENANT_CURRENT_STEP_ANNOTATION } from '@amue/plugin-cloud-common';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BenchBackend,
  freePort,
  machineCpu,
  postgresCpu,
  ProcessSample,
  repoRoot,
  sleep,
} from './backend';
import { writeEstablishmentsDataset } from './establishments';
import { LoadResult, LoadShape, runLoad } from './load';
import {
  readSeeded,
  SeededPerson,
  seedPeople,
  seedTenants,
  SeedResult,
} from './seed';

const MEMBER = { user: 'claire.dubois', establishment: 'etab-0333298f' };
const ADMIN = { user: 'marc.petit' };
/** The scenario of many establishment members, each with their own token. */
const STAFF = 'staff';
const TENANT_RELATIONS_FILTER =
  'kind=tenant,relations.ownedby,relations.instanceof';

interface Args {
  databases: string[];
  tenants: number;
  events?: number;
  duration: number;
  rates: number[];
  /** Rate and shape of each run; the rates × shapes when not given. */
  loads?: Array<{ rate: number; shape: LoadShape }>;
  connections: number;
  warmup: number;
  replicas: number;
  shapes: LoadShape[];
  stepChanges: number;
  ingestTimeoutMinutes: number;
  processingIntervalSeconds?: number;
  nodeEnv: string;
  out: string;
  keep: boolean;
  endpoints?: string[];
  users?: string[];
  quietWaitSeconds: number;
  backendNodeArgs: string[];
  eventLoopDelay: boolean;
  extraConfigs: string[];
  staff: { people: number; establishments: number };
  /** Where each load run's CPU profile of the backends is written. */
  cpuProfileDir?: string;
  /** Establishments in the catalog; synthetic ones beyond the dataset's. */
  establishments?: number;
  /** Measure on the database an earlier run seeded (PostgreSQL, BENCH_PG_URL). */
  reuseDatabase: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    databases: ['sqlite', 'postgres'],
    tenants: 10_000,
    duration: 60,
    rates: [500],
    connections: 50,
    warmup: 5,
    replicas: 1,
    shapes: ['autocannon', 'smooth'],
    stepChanges: 100,
    ingestTimeoutMinutes: 60,
    nodeEnv: 'production',
    out: path.join(os.tmpdir(), `amue-bench-cloud-${Date.now()}.json`),
    keep: false,
    quietWaitSeconds: 300,
    backendNodeArgs: [],
    eventLoopDelay: false,
    extraConfigs: [],
    staff: { people: 200, establishments: 50 },
    reuseDatabase: false,
  };
  const number = (name: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) {
      throw new Error(`${name} needs a number, got "${value}"`);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i];
    switch (arg) {
      case 'sqlite':
      case 'postgres':
        args.databases = [arg];
        break;
      case 'both':
        args.databases = ['sqlite', 'postgres'];
        break;
      case '--tenants':
        args.tenants = number(arg, value());
        break;
      case '--events':
        args.events = number(arg, value());
        break;
      case '--duration':
        args.duration = number(arg, value());
        break;
      case '--rate':
      case '--rates':
        args.rates = value()
          .split(',')
          .map(rate => number(arg, rate));
        break;
      case '--loads':
        args.loads = value()
          .split(',')
          .map(load => {
            const [rate, shape] = load.split(':');
            if (shape !== 'autocannon' && shape !== 'smooth') {
              throw new Error(
                `--loads takes rate:shape items, e.g. 500:autocannon,250:smooth; got "${load}"`,
              );
            }
            return { rate: number(arg, rate), shape };
          });
        break;
      case '--replicas':
        args.replicas = number(arg, value());
        break;
      case '--connections':
        args.connections = number(arg, value());
        break;
      case '--warmup':
        args.warmup = number(arg, value());
        break;
      case '--shapes':
        args.shapes = value()
          .split(',')
          .map(shape => {
            if (shape !== 'autocannon' && shape !== 'smooth') {
              throw new Error(`unknown shape "${shape}"`);
            }
            return shape;
          });
        break;
      case '--step-changes':
        args.stepChanges = number(arg, value());
        break;
      case '--ingest-timeout-minutes':
        args.ingestTimeoutMinutes = number(arg, value());
        break;
      case '--processing-interval-seconds':
        args.processingIntervalSeconds = number(arg, value());
        break;
      case '--node-env':
        args.nodeEnv = value();
        break;
      case '--out':
        args.out = path.resolve(value());
        break;
      case '--keep':
        args.keep = true;
        break;
      case '--endpoints':
        args.endpoints = value().split(',');
        break;
      case '--users': {
        const names: Record<string, string> = {
          member: MEMBER.user,
          admin: ADMIN.user,
        };
        args.users = value()
          .split(',')
          .map(u => names[u] ?? u);
        break;
      }
      case '--quiet-wait-seconds':
        args.quietWaitSeconds = number(arg, value());
        break;
      case '--backend-node-args':
        args.backendNodeArgs = value().split(' ').filter(Boolean);
        break;
      case '--config':
        args.extraConfigs.push(path.resolve(value()));
        break;
      case '--staff': {
        const [people, establishments] = value().split(':');
        args.staff = {
          people: number(arg, people),
          establishments: number(arg, establishments ?? '1'),
        };
        break;
      }
      case '--event-loop-delay':
        args.eventLoopDelay = true;
        break;
      case '--cpu-profile-dir':
        args.cpuProfileDir = path.resolve(value());
        break;
      case '--establishments':
        args.establishments = number(arg, value());
        break;
      case '--reuse-database':
        args.reuseDatabase = true;
        break;
      default:
        throw new Error(`unknown argument "${arg}"`);
    }
  }
  if (args.reuseDatabase && args.databases.includes('sqlite')) {
    throw new Error(
      '--reuse-database is for postgres only (a SQLite run has its own folder)',
    );
  }
  return args;
}

const log = (message: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

function databaseConfig(database: string, dir: string): JsonObject {
  if (database === 'sqlite') {
    return {
      client: 'better-sqlite3',
      connection: { directory: path.join(dir, 'sqlite') },
    };
  }
  const url = process.env.BENCH_PG_URL;
  if (!url) {
    throw new Error(
      'BENCH_PG_URL is required for postgres (scripts/bench-cloud.sh starts a throwaway PostgreSQL and sets it)',
    );
  }
  const u = new URL(url);
  return {
    client: 'pg',
    connection: {
      host: u.hostname,
      port: Number(u.port),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
    },
  };
}

/** Every entity of a catalog query, following the cursor. */
async function queryAll(
  backend: BenchBackend,
  token: string,
  filter: string,
  fields: string,
): Promise<any[]> {
  const items: any[] = [];
  let url = `/api/catalog/entities/by-query?filter=${encodeURIComponent(
    filter,
  )}&fields=${fields}&limit=500`;
  for (;;) {
    const page = await backend.api(url, token);
    items.push(...page.items);
    if (!page.pageInfo?.nextCursor) {
      return items;
    }
    url = `/api/catalog/entities/by-query?cursor=${encodeURIComponent(
      page.pageInfo.nextCursor,
    )}&fields=${fields}&limit=500`;
  }
}

/** Establishments and applications of the catalog, once fully ingested. */
async function readReferenceData(backend: BenchBackend, token: string) {
  let establishments: string[] = [];
  let applications: Array<{ name: string; version: string }> = [];
  let stable = 0;
  const deadline = Date.now() + 5 * 60_000;
  while (stable < 3) {
    if (Date.now() > deadline) {
      throw new Error(
        `the catalog did not ingest the establishments and applications (${establishments.length} establishments, ${applications.length} applications)`,
      );
    }
    const before = establishments.length + applications.length;
    establishments = (
      await queryAll(
        backend,
        token,
        'kind=group,spec.type=establishment',
        'metadata.name',
      )
    )
      .map(e => e.metadata.name as string)
      .sort();
    applications = (
      await queryAll(
        backend,
        token,
        'kind=application',
        'metadata.name,spec.versions',
      )
    )
      .map(e => ({
        name: e.metadata.name as string,
        version: e.spec.versions[0].version as string,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const ready = establishments.length > 200 && applications.length > 0;
    stable =
      ready && establishments.length + applications.length === before
        ? stable + 1
        : 0;
    await sleep(2000);
  }
  return { establishments, applications };
}

async function countTenantEntities(
  backend: BenchBackend,
  token: string,
): Promise<number> {
  const page = await backend.api(
    `/api/catalog/entities/by-query?filter=${encodeURIComponent(
      TENANT_RELATIONS_FILTER,
    )}&limit=1&fields=metadata.name`,
    token,
  );
  return page.totalItems as number;
}

interface Scenario {
  /** The user, or STAFF: many users, each request from the next one. */
  user: string;
  endpoint: 'list' | 'detail' | 'catalog';
  /** The requests in turn: a path and the user who sends it. */
  requests: Array<{ path: string; user: string }>;
}

interface LoadRun extends LoadResult {
  database: string;
  replicas: number;
  user: string;
  /** Requests per second asked. */
  rate: number;
  endpoint: string;
  /** Items (or events, for the detail) in the first answer. */
  items: number;
  /** CPU of the backend(s) during the run, % of one core. */
  backendCpu: number;
  /** CPU of the PostgreSQL server during the run, % of one core. */
  databaseCpu: number;
  /**
   * CPU of every other process of the machine (not the backend, the
   * database or the load generator) during the run, % of one core.
   */
  otherCpu: number;
  /** Seconds waited before the run for the machine to be quiet. */
  waitedQuietSeconds: number;
  /**
   * Read decisions of the tenant service during the run, answered by its
   * per-user cache or asked of the permission backend (every replica).
   */
  decisionCache?: { hits: number; misses: number; hitRate: number };
  backendRssMb: number;
  /** 1-minute load average of the machine at the end of the run. */
  loadAverage: number;
  /**
   * Event-loop delay of the first backend during the run (--event-loop-delay):
   * the median of the per-second p99, the worst second's p99, the max (ms).
   */
  eventLoopDelay?: { p99Median: number; p99Worst: number; max: number };
}

/** The event-loop delay the backend recorded between two instants. */
function eventLoopDelayBetween(
  file: string,
  from: number,
  to: number,
): LoadRun['eventLoopDelay'] {
  if (!fs.existsSync(file)) {
    return undefined;
  }
  const seconds = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line) as { t: number; p99: number; max: number })
    .filter(s => s.t > from + 1000 && s.t <= to);
  if (!seconds.length) {
    return undefined;
  }
  const p99s = seconds.map(s => s.p99).sort((a, b) => a - b);
  return {
    p99Median: p99s[Math.floor(p99s.length / 2)],
    p99Worst: p99s[p99s.length - 1],
    max: Math.max(...seconds.map(s => s.max)),
  };
}

interface StepChangeResult {
  changes: number;
  timeouts: number;
  checked: string;
  p50: number;
  p95: number;
  max: number;
  apiP50Ms: number;
  apiP95Ms: number;
}

interface DatabaseResult {
  database: string;
  replicas: number;
  seed: Omit<SeedResult, 'byEstablishment'>;
  referenceData: { establishments: number; applications: number };
  ingestSeconds: number;
  idleCpu: number;
  isolation: string;
  runs: LoadRun[];
  stepChanges?: StepChangeResult;
  rssMb: number;
  peakRssMb: number;
  failures: string[];
}

function pct(sorted: number[], p: number) {
  return sorted[
    Math.min(
      sorted.length - 1,
      Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
    )
  ];
}

function scenarios(
  byEstablishment: Map<string, string[]>,
  pageSize: number,
  staff: SeededPerson[],
): Scenario[] {
  const list = (e: string) =>
    `/api/cloud/tenants?establishment=${e}&limit=${pageSize}`;
  const detail = (name: string) => `/api/cloud/tenants/${name}`;
  const catalog = (e: string) =>
    `/api/catalog/entities/by-query?limit=${pageSize}&filter=${encodeURIComponent(
      `kind=tenant,spec.establishment=${e}`,
    )}`;
  const full = [...byEstablishment.entries()]
    .filter(([, names]) => names.length >= pageSize)
    .map(([e]) => e);
  const establishments = full.length ? full : [...byEstablishment.keys()];
  const all = [...byEstablishment.values()].flat();
  const step = Math.max(1, Math.floor(all.length / 2000));
  const sample = all.filter((_, i) => i % step === 0);
  const own = byEstablishment.get(MEMBER.establishment) ?? [];
  const as = (user: string, paths: string[]) =>
    paths.map(p => ({ path: p, user }));
  // Staff: request k comes from person k mod P, so consecutive requests
  // come from different people; for the detail, each person reads the
  // tenants of their establishment in turn.
  const rounds = (pathsOf: (person: SeededPerson) => string[]) => {
    const perPerson = staff.map(pathsOf);
    const longest = Math.max(0, ...perPerson.map(p => p.length));
    return Array.from({ length: longest }, (_, round) =>
      staff.flatMap((person, i) =>
        perPerson[i].length
          ? [
              {
                path: perPerson[i][round % perPerson[i].length],
                user: person.name,
              },
            ]
          : [],
      ),
    ).flat();
  };
  const ofEstablishment = (person: SeededPerson) =>
    (byEstablishment.get(person.establishment) ?? []).slice(0, 10);
  return [
    {
      user: MEMBER.user,
      endpoint: 'list' as const,
      requests: as(MEMBER.user, [list(MEMBER.establishment)]),
    },
    {
      user: MEMBER.user,
      endpoint: 'detail' as const,
      requests: as(MEMBER.user, own.map(detail)),
    },
    {
      user: MEMBER.user,
      endpoint: 'catalog' as const,
      requests: as(MEMBER.user, [catalog(MEMBER.establishment)]),
    },
    {
      user: ADMIN.user,
      endpoint: 'list' as const,
      requests: as(ADMIN.user, establishments.map(list)),
    },
    {
      user: ADMIN.user,
      endpoint: 'detail' as const,
      requests: as(ADMIN.user, sample.map(detail)),
    },
    {
      user: ADMIN.user,
      endpoint: 'catalog' as const,
      requests: as(ADMIN.user, establishments.map(catalog)),
    },
    ...(staff.length
      ? [
          {
            user: STAFF,
            endpoint: 'list' as const,
            requests: rounds(p => [list(p.establishment)]),
          },
          {
            user: STAFF,
            endpoint: 'detail' as const,
            requests: rounds(p => ofEstablishment(p).map(detail)),
          },
          {
            user: STAFF,
            endpoint: 'catalog' as const,
            requests: rounds(p => [catalog(p.establishment)]),
          },
        ]
      : []),
  ];
}

/**
 * The read decisions counted by the backends' metrics
 * (`cloud_permission_read_decisions_total`, Prometheus format), summed
 * over the replicas.
 */
async function readDecisionCounts(
  metricsPorts: number[],
): Promise<{ hits: number; misses: number }> {
  let hits = 0;
  let misses = 0;
  for (const port of metricsPorts) {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    for (const line of text.split('\n')) {
      const match = line.match(
        /^cloud_permission_read_decisions_total\{[^}]*cache="(hit|miss)"[^}]*\} ([0-9.e+]+)/,
      );
      if (match?.[1] === 'hit') {
        hits += Number(match[2]);
      } else if (match) {
        misses += Number(match[2]);
      }
    }
  }
  return { hits, misses };
}

/**
 * True when the Tenant entity shows the tenant as the API answered it after
 * a change: its status and, when the provider emits it, its current step.
 */
function showsChange(
  entity: any,
  tenant: { status: string; currentStep?: string | null },
  annotationMode: boolean,
): boolean {
  return (
    entity.spec?.status === tenant.status &&
    (!annotationMode ||
      entity.metadata?.annotations?.[TENANT_CURRENT_STEP_ANNOTATION] ===
        (tenant.currentStep ?? undefined))
  );
}

/**
 * Step changes through the REST API (as the administrator): `complete` of
 * the provisioning step of tenants whose provisioning is in progress, which
 * moves the tenant from status `provisioning` to `onboarding` and its
 * current step on. For each, the catalog's Tenant entity is read every
 * 50 ms until it shows the change.
 */
async function measureStepChanges(
  backend: BenchBackend,
  reader: BenchBackend,
  token: string,
  count: number,
  failures: string[],
): Promise<StepChangeResult | undefined> {
  const candidates: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await backend.api(
      `/api/cloud/tenants?status=provisioning&currentStep=provisioning&limit=500${
        cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      }`,
      token,
    );
    candidates.push(...page.items.map((t: { name: string }) => t.name));
    cursor = page.nextCursor;
  } while (cursor && candidates.length < count * 3);
  const latencies: number[] = [];
  const apiTimes: number[] = [];
  let timeouts = 0;
  let annotationMode = false;
  let firstChange = true;
  for (const name of candidates) {
    if (latencies.length + timeouts >= count) {
      break;
    }
    const tenant = await backend.api(`/api/cloud/tenants/${name}`, token);
    const step = tenant.steps.find(
      (s: { id: string }) => s.id === 'provisioning',
    );
    if (step?.status !== 'in_progress') {
      continue;
    }
    const entityUrl = `/api/catalog/entities/by-name/tenant/default/${name}`;
    const before = await reader.api(entityUrl, token);
    if (firstChange) {
      annotationMode =
        before.metadata.annotations?.[TENANT_CURRENT_STEP_ANNOTATION] !==
        undefined;
      firstChange = false;
    }
    const started = performance.now();
    const after = await backend.api(
      `/api/cloud/tenants/${name}/steps/provisioning`,
      token,
      {
        method: 'POST',
        body: JSON.stringify({
          action: 'complete',
          rowVersion: step.rowVersion,
        }),
      },
    );
    apiTimes.push(performance.now() - started);
    const deadline = started + 60_000;
    for (;;) {
      const response = await fetch(`${reader.base}${entityUrl}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (
        response.ok &&
        showsChange(await response.json(), after, annotationMode)
      ) {
        latencies.push((performance.now() - started) / 1000);
        break;
      }
      if (performance.now() > deadline) {
        timeouts += 1;
        break;
      }
      await sleep(50);
    }
  }
  if (latencies.length + timeouts < count) {
    failures.push(
      `only ${
        latencies.length + timeouts
      } tenants with provisioning in progress for ${count} step changes`,
    );
  }
  if (timeouts) {
    failures.push(
      `${timeouts} step changes did not reach the catalog within 60 s`,
    );
  }
  if (!latencies.length) {
    return undefined;
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  const api = [...apiTimes].sort((a, b) => a - b);
  const r2 = (n: number) => Math.round(n * 100) / 100;
  return {
    changes: latencies.length,
    timeouts,
    checked: annotationMode
      ? `spec.status and ${TENANT_CURRENT_STEP_ANNOTATION}`
      : 'spec.status (the entity carries nothing per step)',
    p50: r2(pct(sorted, 50)),
    p95: r2(pct(sorted, 95)),
    max: r2(sorted[sorted.length - 1]),
    apiP50Ms: Math.round(pct(api, 50)),
    apiP95Ms: Math.round(pct(api, 95)),
  };
}

/** Memory and CPU of all the replicas together. */
function sampleAll(backends: BenchBackend[]): ProcessSample {
  return backends
    .map(b => b.sample())
    .reduce((a, b) => ({
      rssMb: a.rssMb + b.rssMb,
      peakRssMb: a.peakRssMb + b.peakRssMb,
      cpuSeconds: a.cpuSeconds + b.cpuSeconds,
    }));
}

/**
 * Waits (at most 60 s) until the backends use less than 40 % of one core
 * over a second: requests left queued by an overloaded run must not weigh
 * on the next one.
 */
async function waitIdle(backends: BenchBackend[]) {
  const deadline = Date.now() + 60_000;
  let previous = sampleAll(backends);
  while (Date.now() < deadline) {
    await sleep(1000);
    const current = sampleAll(backends);
    if (current.cpuSeconds - previous.cpuSeconds < 0.4) {
      return;
    }
    previous = current;
  }
}

/**
 * Waits (at most 5 minutes) until the rest of the machine (other people's
 * tests and servers) uses less than 30 % of one core over 2 seconds, and
 * returns how long it waited. The machine is shared; what other processes
 * used during each run is reported beside it.
 */
async function waitQuiet(
  backends: BenchBackend[],
  maxSeconds: number,
): Promise<number> {
  const started = Date.now();
  if (maxSeconds <= 0) {
    return 0;
  }
  for (;;) {
    const m0 = machineCpu();
    const b0 = sampleAll(backends).cpuSeconds;
    const p0 = process.cpuUsage();
    const pg0 = postgresCpu();
    await sleep(2000);
    const others =
      machineCpu().busy -
      m0.busy -
      (sampleAll(backends).cpuSeconds - b0) -
      (postgresCpu() - pg0) -
      (process.cpuUsage(p0).user + process.cpuUsage(p0).system) / 1e6;
    if (others < 0.6 || Date.now() - started > maxSeconds * 1000) {
      return Math.round((Date.now() - started) / 1000);
    }
  }
}

async function runDatabase(
  database: string,
  args: Args,
): Promise<DatabaseResult> {
  const dir = fs.mkdtempSync(
    path.join(os.tmpdir(), `amue-bench-cloud-${database}-`),
  );
  const failures: string[] = [];
  const backends: BenchBackend[] = [];
  const stopAll = async () => {
    await Promise.all(backends.map(b => b.stop()));
    backends.length = 0;
  };
  try {
    const dbConfig = databaseConfig(database, dir);
    let establishmentsSource: string | undefined;
    if (args.establishments !== undefined) {
      establishmentsSource = path.join(dir, 'establishments.csv');
      const added = writeEstablishmentsDataset(
        establishmentsSource,
        args.establishments,
      );
      log(`${database}: ${added} synthetic establishments in the dataset`);
    }
    const replicas = database === 'postgres' ? args.replicas : 1;
    const ports = await Promise.all(
      Array.from({ length: replicas }, () => freePort()),
    );
    // The backend's metrics (packages/backend/src/instrumentation.js, as
    // in production), for the read-decision cache's hit rate.
    const metricsPorts = await Promise.all(
      Array.from({ length: replicas }, () => freePort()),
    );
    // One overlay per replica (its own port and base URL); JSON is YAML, so
    // the overlay needs no YAML library.
    const overlayPaths = ports.map((port, i) => {
      const overlay: JsonObject = {
        backend: {
          baseUrl: `http://127.0.0.1:${port}`,
          listen: { port, host: '127.0.0.1' },
          database: dbConfig,
        },
        cloud: { demoData: false },
        catalog: {
          ...(args.processingIntervalSeconds !== undefined
            ? {
                processingInterval: {
                  seconds: args.processingIntervalSeconds,
                },
              }
            : {}),
          ...(establishmentsSource
            ? {
                providers: {
                  cloudEstablishments: { source: establishmentsSource },
                },
              }
            : {}),
        },
      };
      const overlayPath = path.join(dir, `app-config.bench-${i + 1}.yaml`);
      fs.writeFileSync(overlayPath, JSON.stringify(overlay, null, 2));
      return overlayPath;
    });
    const start = (phase: string, replica: number) =>
      BenchBackend.start({
        port: ports[replica],
        overlayPath: overlayPaths[replica],
        extraConfigs: args.extraConfigs,
        logPath: path.join(dir, `backend-${phase}-${replica + 1}.log`),
        env: {
          NODE_ENV: args.nodeEnv,
          AMUE_DATA_DIR: dir,
          METRICS_PORT: String(metricsPorts[replica]),
          METRICS_HOST: '127.0.0.1',
          ...(args.cpuProfileDir
            ? { BENCH_CPU_PROFILE_DIR: args.cpuProfileDir }
            : {}),
          ...(args.eventLoopDelay
            ? {
                BENCH_EVENT_LOOP_DELAY_FILE: path.join(
                  dir,
                  `event-loop-delay-${phase}-${replica + 1}.jsonl`,
                ),
              }
            : {}),
        },
        nodeArgs: [
          '--require',
          path.join(repoRoot, 'packages/backend/src/instrumentation.js'),
          ...args.backendNodeArgs,
          ...(args.cpuProfileDir
            ? [
                '--require',
                resolvePackagePath('@amue/bench', 'src/cpuProfileOnSignal.js'),
              ]
            : []),
          ...(args.eventLoopDelay
            ? [
                '--require',
                resolvePackagePath('@amue/bench', 'src/eventLoopDelay.js'),
              ]
            : []),
        ],
      });

    log(
      `${database}: starting the backend to read the catalog's reference data`,
    );
    backends.push(await start('reference', 0));
    const reference = await readReferenceData(
      backends[0],
      await backends[0].signIn(ADMIN.user),
    );
    await stopAll();
    if (!reference.establishments.includes(MEMBER.establishment)) {
      throw new Error(`the catalog has no ${MEMBER.establishment}`);
    }
    log(
      `${database}: ${reference.establishments.length} establishments, ${
        reference.applications.length
      } applications; ${
        args.reuseDatabase
          ? 'reading the tenants already seeded'
          : `seeding ${args.tenants} tenants`
      }`,
    );

    const seed = args.reuseDatabase
      ? await readSeeded({ databaseConfig: dbConfig })
      : await seedTenants({
          databaseConfig: dbConfig,
          tenants: args.tenants,
          events: args.events ?? args.tenants * 10,
          establishments: [
            MEMBER.establishment,
            ...reference.establishments.filter(e => e !== MEMBER.establishment),
          ],
          applications: reference.applications,
          log,
        });
    log(
      `${database}: seeded ${seed.tenants} tenants and ${seed.events} events (${
        seed.storeEvents
      } through the store with ${
        seed.storeActions
      } step actions in ${seed.storeSeconds.toFixed(0)} s, ${
        seed.bulkEvents
      } comments in bulk in ${seed.bulkSeconds.toFixed(1)} s)`,
    );

    const withStaff =
      args.staff.people > 0 && (!args.users || args.users.includes(STAFF));
    if (withStaff && args.reuseDatabase) {
      throw new Error(
        '--reuse-database does not seed people again: add --staff 0 or --users without staff',
      );
    }
    const staff = withStaff
      ? await seedPeople({
          databaseConfig: dbConfig,
          people: args.staff.people,
          establishments: [...seed.byEstablishment.keys()].slice(
            0,
            args.staff.establishments,
          ),
        })
      : [];
    if (withStaff) {
      log(
        `${database}: seeded ${staff.length} people over ${
          new Set(staff.map(p => p.establishment)).size
        } establishments (federation sign-ins)`,
      );
    }

    log(
      `${database}: starting ${replicas} backend replica(s) on the seeded database`,
    );
    const startedAt = Date.now();
    for (let i = 0; i < replicas; i++) {
      backends.push(await start('bench', i));
    }
    const [backend] = backends;
    const last = backends[backends.length - 1];
    const adminToken = await backend.signIn(ADMIN.user);
    let ingested = 0;
    let lastReport = Date.now();
    const ingestDeadline = Date.now() + args.ingestTimeoutMinutes * 60_000;
    while (ingested < seed.tenants) {
      if (Date.now() > ingestDeadline) {
        throw new Error(
          `the catalog holds ${ingested} of ${seed.tenants} tenants after ${args.ingestTimeoutMinutes} minutes`,
        );
      }
      await sleep(2000);
      ingested = await countTenantEntities(backend, adminToken);
      if (Date.now() - lastReport > 30_000) {
        log(
          `${database}: ${ingested} of ${seed.tenants} Tenant entities in the catalog`,
        );
        lastReport = Date.now();
      }
    }
    const ingestSeconds = (Date.now() - startedAt) / 1000;
    log(
      `${database}: the catalog holds the ${
        seed.tenants
      } tenants ${ingestSeconds.toFixed(0)} s after the start`,
    );

    const idleStart = sampleAll(backends);
    await sleep(15_000);
    const idleEnd = sampleAll(backends);
    const idleCpu = Math.round(
      ((idleEnd.cpuSeconds - idleStart.cpuSeconds) / 15) * 100,
    );
    log(`${database}: backend CPU at rest (no load): ${idleCpu} % of one core`);

    const tokens: Record<string, string> = {
      [MEMBER.user]: await backend.signIn(MEMBER.user),
      [ADMIN.user]: adminToken,
    };
    // The staff: each signs in as themself once the catalog publishes them
    // (PersonEntityProvider), with their own establishment's rights.
    for (const person of staff) {
      tokens[person.name] = await backend.signIn(person.name);
    }
    if (staff.length) {
      const person = staff[0];
      const others = [...seed.byEstablishment.keys()].find(
        e => e !== person.establishment,
      );
      const seen = (
        await backend.api(
          `/api/cloud/tenants?establishment=${others}&limit=50`,
          tokens[person.name],
        )
      ).items.length;
      if (seen) {
        failures.push(
          `isolation: ${person.name} of ${person.establishment} sees ${seen} tenants of ${others}`,
        );
      }
      log(`${database}: ${staff.length} people signed in`);
    }
    // Isolation check: the member sees nothing of another establishment.
    const other = [...seed.byEstablishment.keys()].find(
      e => e !== MEMBER.establishment,
    );
    const foreignCloud = other
      ? (
          await backend.api(
            `/api/cloud/tenants?establishment=${other}&limit=50`,
            tokens[MEMBER.user],
          )
        ).items.length
      : 0;
    const foreignCatalog = other
      ? (
          await backend.api(
            `/api/catalog/entities/by-query?limit=50&filter=${encodeURIComponent(
              `kind=tenant,spec.establishment=${other}`,
            )}`,
            tokens[MEMBER.user],
          )
        ).items.length
      : 0;
    const isolation = `${MEMBER.user} sees ${foreignCloud} tenants (API) and ${foreignCatalog} Tenant entities (catalog) of ${other}`;
    if (foreignCloud || foreignCatalog) {
      failures.push(`isolation: ${isolation}`);
    }

    const runs: LoadRun[] = [];
    for (const scenario of scenarios(seed.byEstablishment, 50, staff).filter(
      s =>
        (!args.endpoints || args.endpoints.includes(s.endpoint)) &&
        (!args.users || args.users.includes(s.user)),
    )) {
      const requests = scenario.requests.map(({ path: p, user }) => ({
        path: p,
        token: tokens[user],
      }));
      const first = await last.api(requests[0].path, requests[0].token);
      const items =
        scenario.endpoint === 'detail'
          ? first.events.length
          : first.items.length;
      const loads =
        args.loads ??
        args.rates.flatMap(rate => args.shapes.map(shape => ({ rate, shape })));
      for (const { rate, shape } of loads) {
        const options = {
          bases: backends.map(b => b.base),
          requests,
          rate,
          connections: args.connections,
          shape,
        };
        await waitIdle(backends);
        if (args.warmup > 0) {
          await runLoad({
            ...options,
            shape: 'smooth',
            duration: args.warmup,
          });
          await waitIdle(backends);
        }
        const waited = await waitQuiet(backends, args.quietWaitSeconds);
        const before = sampleAll(backends);
        const machineBefore = machineCpu();
        const postgresBefore = postgresCpu();
        const wallStart = performance.now();
        const epochStart = Date.now();
        const decisionsBefore = await readDecisionCounts(metricsPorts);
        const profile = (phase: string) => {
          if (args.cpuProfileDir) {
            // cpuProfileOnSignal.js: the first signal starts, the next stops
            backends.forEach(b => b.child.kill('SIGUSR2'));
            log(`${database}: CPU profile ${phase} (${args.cpuProfileDir})`);
          }
        };
        profile('started');
        const result = await runLoad({ ...options, duration: args.duration });
        profile('written');
        const decisionsAfter = await readDecisionCounts(metricsPorts);
        const hits = decisionsAfter.hits - decisionsBefore.hits;
        const misses = decisionsAfter.misses - decisionsBefore.misses;
        const after = sampleAll(backends);
        const machineAfter = machineCpu();
        const wall = (performance.now() - wallStart) / 1000;
        const databaseCpu = ((postgresCpu() - postgresBefore) / wall) * 100;
        const backendCpu =
          ((after.cpuSeconds - before.cpuSeconds) / wall) * 100;
        const run: LoadRun = {
          database,
          replicas,
          user: scenario.user,
          endpoint: scenario.endpoint,
          rate,
          items,
          ...result,
          backendCpu: Math.round(backendCpu),
          databaseCpu: Math.round(databaseCpu),
          otherCpu: Math.max(
            0,
            Math.round(
              ((machineAfter.busy - machineBefore.busy) / wall) * 100 -
                backendCpu -
                databaseCpu -
                result.generatorCpu,
            ),
          ),
          waitedQuietSeconds: waited,
          decisionCache:
            hits + misses > 0
              ? {
                  hits,
                  misses,
                  hitRate: Math.round((hits / (hits + misses)) * 1000) / 10,
                }
              : undefined,
          backendRssMb: after.rssMb,
          loadAverage: Math.round(os.loadavg()[0] * 10) / 10,
          eventLoopDelay: eventLoopDelayBetween(
            path.join(dir, 'event-loop-delay-bench-1.jsonl'),
            epochStart,
            Date.now(),
          ),
        };
        runs.push(run);
        log(
          `${database} ${scenario.user} ${
            scenario.endpoint
          } ${rate}/s ${shape}: ${run.rps} req/s, p50 ${run.p50} ms, p95 ${
            run.p95
          } ms, p99 ${run.p99} ms, max ${run.max} ms, non-2xx ${
            run.non2xx
          }, errors ${run.errors}, backend CPU ${
            run.backendCpu
          } %, PostgreSQL ${run.databaseCpu} %, other processes ${
            run.otherCpu
          } %, RSS ${run.backendRssMb} MB, load average ${run.loadAverage}${
            run.decisionCache
              ? `, read-decision cache ${run.decisionCache.hitRate} % hits (${
                  run.decisionCache.hits
                }/${run.decisionCache.hits + run.decisionCache.misses})`
              : ''
          }${
            run.eventLoopDelay
              ? `, event-loop delay p99 median ${run.eventLoopDelay.p99Median} ms / worst ${run.eventLoopDelay.p99Worst} ms / max ${run.eventLoopDelay.max} ms`
              : ''
          }`,
        );
        if (run.non2xx || run.errors) {
          failures.push(
            `${scenario.user} ${scenario.endpoint} ${rate}/s ${shape}: ${
              run.non2xx
            } non-2xx (${JSON.stringify(run.statusCodes)}), ${
              run.errors
            } errors`,
          );
        }
      }
    }

    let stepChanges: StepChangeResult | undefined;
    if (args.stepChanges > 0) {
      await waitIdle(backends);
      log(`${database}: ${args.stepChanges} step changes`);
      stepChanges = await measureStepChanges(
        backend,
        last,
        await backend.signIn(ADMIN.user),
        args.stepChanges,
        failures,
      );
      if (stepChanges) {
        log(
          `${database}: step change to catalog: p50 ${stepChanges.p50} s, p95 ${stepChanges.p95} s, max ${stepChanges.max} s (${stepChanges.changes} changes, checked ${stepChanges.checked}; POST p50 ${stepChanges.apiP50Ms} ms)`,
        );
      }
    }

    const memory = sampleAll(backends);
    const { byEstablishment: _, ...seedFigures } = seed;
    return {
      database,
      replicas,
      seed: seedFigures,
      referenceData: {
        establishments: reference.establishments.length,
        applications: reference.applications.length,
      },
      ingestSeconds: Math.round(ingestSeconds),
      idleCpu,
      isolation,
      runs,
      stepChanges,
      rssMb: memory.rssMb,
      peakRssMb: memory.peakRssMb,
      failures,
    };
  } catch (error) {
    for (const backend of backends) {
      console.error(`backend output (${backend.logPath}):\n${backend.tail()}`);
    }
    throw error;
  } finally {
    await stopAll();
    if (args.keep) {
      log(`${database}: kept ${dir}`);
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** The target (p95 ≤ 25 ms, no error) for the service's own endpoints. */
function verdict(run: LoadRun): string {
  if (run.endpoint === 'catalog') {
    return '(comparison)';
  }
  return run.p95 <= 25 && !run.non2xx && !run.errors ? 'yes' : 'NO';
}

function printSummary(results: DatabaseResult[], args: Args) {
  const database = (r: { database: string; replicas: number }) =>
    r.replicas > 1 ? `${r.database} ×${r.replicas}` : r.database;
  console.log('');
  console.log(
    `Onboarding service benchmark: ${args.tenants} tenants, ${args.duration} s per run, ${args.connections} connections`,
  );
  console.log('');
  console.log(
    '| database | user | endpoint | asked req/s | load | items | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | errors | backend CPU % | PostgreSQL CPU % | other CPU % | decision cache hits % | p95 ≤ 25 ms |',
  );
  console.log(
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  const who = (user: string) =>
    user === STAFF
      ? `${args.staff.people} people / ${args.staff.establishments} establishments`
      : user;
  for (const r of results) {
    for (const run of r.runs) {
      console.log(
        `| ${database(r)} | ${who(run.user)} | ${run.endpoint} | ${
          run.rate
        } | ${run.shape} | ${run.items} | ${run.rps} | ${run.p50} | ${
          run.p95
        } | ${run.p99} | ${run.max} | ${run.non2xx} | ${run.errors} | ${
          run.backendCpu
        } | ${run.databaseCpu} | ${run.otherCpu} | ${
          run.decisionCache?.hitRate ?? '-'
        } | ${verdict(run)} |`,
      );
    }
  }
  console.log('');
  console.log(
    '| database | seed (s) | catalog ingest (s) | idle CPU % | step changes | to catalog p50 s | p95 s | max s | POST p50 ms | RSS MB | peak RSS MB |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const s = r.stepChanges;
    console.log(
      `| ${database(r)} | ${Math.round(r.seed.seconds)} | ${
        r.ingestSeconds
      } | ${r.idleCpu} | ${s?.changes ?? 0} | ${s?.p50 ?? '-'} | ${
        s?.p95 ?? '-'
      } | ${s?.max ?? '-'} | ${s?.apiP50Ms ?? '-'} | ${r.rssMb} | ${
        r.peakRssMb
      } |`,
    );
  }
  for (const r of results) {
    console.log(`${database(r)}: isolation check: ${r.isolation}`);
    if (r.stepChanges) {
      console.log(
        `${database(r)}: step changes checked ${r.stepChanges.checked}`,
      );
    }
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const results: DatabaseResult[] = [];
  const errors: string[] = [];
  for (const database of args.databases) {
    try {
      results.push(await runDatabase(database, args));
    } catch (error) {
      // The other databases still run; the failure is reported at the end.
      console.error(error);
      errors.push(
        `${database}: ${error instanceof Error ? error.message : error}`,
      );
    }
  }
  printSummary(results, args);
  fs.writeFileSync(args.out, JSON.stringify({ args, results }, null, 2));
  console.log(`\nresults: ${args.out}`);
  const failures = [
    ...errors,
    ...results.flatMap(r => r.failures.map(f => `${r.database}: ${f}`)),
  ];
  if (failures.length) {
    console.error(`\nFAILED:\n${failures.join('\n')}`);
    process.exit(1);
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
