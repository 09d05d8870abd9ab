/*
 * Catalog ingestion benchmark: N synthetic Tenants over the real
 * establishments and applications, and the same count of plain Resources
 * with the same relations, on SQLite and PostgreSQL. Measures the time from
 * the provider's mutation until every entity is returned by the catalog API
 * with its relations. See docs/benchmarks.md; run with
 * `yarn workspace @amue/plugin-catalog-backend-module-cloud bench`.
 *
 * Environment: BENCH_COUNTS (default "1000,10000"), BENCH_DATABASES
 * ("sqlite,postgres"), BENCH_KINDS ("Tenant,Resource"), BENCH_MODE
 * ("full" | "delta"), BENCH_BATCH (delta batch size, default 1000),
 * BENCH_PG_URL (postgresql://user:password@host:port, needed for postgres),
 * BENCH_STITCHING ("immediate" | "deferred"), BENCH_SQLITE_MODES ("wal",
 * "stock" or both, e.g. "wal,stock": the portal's tuned SQLite connections
 * and/or backend-defaults' stock ones; each kind runs in each mode, in the
 * order given, per N), BENCH_STOCK_KINDS (the kinds run in stock mode,
 * default: BENCH_KINDS), BENCH_RUNS (runs of each combination, interleaved
 * round by round, default 3; the ratios use the medians), BENCH_REPLICAS
 * (PostgreSQL only, default 1: backends on the same database, as the
 * portal's replicas run; each one's processing engine takes its share of
 * the entities, the first one emits them).
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

const benchDir = resolvePackagePath('@amue/bench');
const repoRoot = path.resolve(benchDir, '../..');
const token = 'bench-token-0123456789abcdef';

const counts = (process.env.BENCH_COUNTS ?? '1000,10000')
  .split(',')
  .map(Number);
const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
const kinds = (process.env.BENCH_KINDS ?? 'Tenant,Resource').split(
  ',',
) as Array<'Tenant' | 'Resource'>;
const mode = (process.env.BENCH_MODE ?? 'full') as 'full' | 'delta';
const batchSize = Number(process.env.BENCH_BATCH ?? 1000);
const repeats = Number(process.env.BENCH_RUNS ?? 3);
const stitching = process.env.BENCH_STITCHING ?? 'immediate';
const processingInterval = process.env.BENCH_PROCESSING_INTERVAL; // e.g. "{ minutes: 30 }"
const sqliteModes = (process.env.BENCH_SQLITE_MODES ?? 'wal').split(
  ',',
) as Array<'wal' | 'stock'>;
const replicas = Number(process.env.BENCH_REPLICAS ?? 1);
if (
  !Number.isInteger(replicas) ||
  replicas < 1 ||
  (replicas > 1 && databases.includes('sqlite'))
) {
  throw new Error(
    'BENCH_REPLICAS is a positive integer, above 1 with BENCH_DATABASES=postgres only',
  );
}
const stockKinds = (process.env.BENCH_STOCK_KINDS ?? kinds.join(',')).split(
  ',',
);

function freePort(): Promise<number> {
  return new Promise(resolve => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function databaseConfig(database: string, dir: string, runId: string): string {
  if (database === 'sqlite') {
    return `  database:\n    client: better-sqlite3\n    connection:\n      directory: ${dir}/sqlite\n`;
  }
  const url = process.env.BENCH_PG_URL;
  if (!url) throw new Error('BENCH_PG_URL is required for postgres');
  const u = new URL(url);
  return [
    '  database:',
    '    client: pg',
    `    prefix: bench_${runId}_`,
    '    connection:',
    `      host: ${u.hostname}`,
    `      port: ${u.port}`,
    `      user: ${decodeURIComponent(u.username)}`,
    `      password: ${decodeURIComponent(u.password)}`,
    '',
  ].join('\n');
}

async function startBackend(
  database: string,
  runId: string,
  sqliteMode: 'wal' | 'stock',
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amue-bench-'));
  const port = await freePort();
  const config = `backend:
  baseUrl: http://localhost:${port}
  listen: { port: ${port} }
${databaseConfig(database, dir, runId)}  auth:
    externalAccess:
      - type: static
        options: { token: ${token}, subject: bench }
catalog:
  stitchingStrategy: { mode: ${stitching} }
${processingInterval ? `  processingInterval: ${processingInterval}\n` : ''}
  rules:
    - allow: [Component, Location, Domain, Group, User, Application, Tenant, Resource]
  # The curated catalog without its demo tenants (their names would collide
  # with synthetic ones).
  locations:
${[
  'domains.yaml',
  'org/amue.yaml',
  'org/users.yaml',
  'applications/*/catalog-info.yaml',
]
  .map(
    f =>
      `    - type: file\n      target: ${path.join(repoRoot, 'catalog', f)}\n`,
  )
  .join('')}`;
  fs.writeFileSync(path.join(dir, 'app-config.yaml'), config);
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
      '-r',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.join(benchDir, 'src/catalog/benchBackend.ts'),
      '--config',
      path.join(dir, 'app-config.yaml'),
    ],
    {
      // The backend looks for the monorepo root from its working directory.
      cwd: benchDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'warn', BENCH_SQLITE: sqliteMode },
    },
  );
  const output = { log: '' };
  const keep = (d: Buffer) => {
    output.log = (output.log + d).slice(-20000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const base = `http://localhost:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null)
      throw new Error(`backend exited:\n${output.log}`);
    try {
      const r = await fetch(`${base}/.backstage/health/v1/readiness`);
      if (r.ok) return { child, base, dir };
    } catch {
      /* not yet */
    }
    await sleep(500);
  }
  throw new Error(`backend not ready:\n${output.log}`);
}

async function api(base: string, url: string, init?: RequestInit) {
  const r = await fetch(`${base}${url}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(init?.headers ?? {}),
    },
  });
  if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
  return r.json();
}

/** All entities of a query, following the cursor. */
async function queryAll(
  base: string,
  filter: string,
  fields: string,
): Promise<any[]> {
  const items: any[] = [];
  let url = `/api/catalog/entities/by-query?filter=${encodeURIComponent(
    filter,
  )}&fields=${fields}&limit=1000`;
  for (;;) {
    const page = await api(base, url);
    items.push(...page.items);
    if (!page.pageInfo?.nextCursor) return items;
    url = `/api/catalog/entities/by-query?cursor=${encodeURIComponent(
      page.pageInfo.nextCursor,
    )}&fields=${fields}&limit=1000`;
  }
}

function peakRssMb(child: ChildProcess): number {
  try {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
  } catch {
    return NaN;
  }
}

async function runOne(
  database: string,
  kind: 'Tenant' | 'Resource',
  count: number,
  sqliteMode: 'wal' | 'stock',
) {
  const runId = `${kind.toLowerCase()}${count}_${Date.now() % 100000}`;
  const backend = await startBackend(database, runId, sqliteMode);
  // The other replicas once the first one has migrated the database.
  const backends = [backend];
  const load = os.loadavg()[0];
  try {
    for (let i = 1; i < replicas; i++) {
      backends.push(await startBackend(database, runId, sqliteMode));
    }
    // The baseline: real establishments and applications in the catalog,
    // fully ingested (the same count three polls in a row).
    let establishments: string[] = [];
    let applications: Array<{ name: string; version: string }> = [];
    let stable = 0;
    for (let i = 0; i < 240 && stable < 3; i++) {
      const previous = establishments.length + applications.length;
      establishments = (
        await queryAll(
          backend.base,
          'kind=group,spec.type=establishment',
          'metadata.name',
        )
      )
        .map(e => e.metadata.name)
        .sort();
      applications = (
        await queryAll(
          backend.base,
          'kind=application',
          'metadata.name,spec.versions',
        )
      )
        .map(e => ({
          name: e.metadata.name,
          version: e.spec.versions[0].version,
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const ready = establishments.length > 200 && applications.length >= 13;
      stable =
        ready && establishments.length + applications.length === previous
          ? stable + 1
          : 0;
      await sleep(1000);
    }
    const secondRelation = kind === 'Tenant' ? 'instanceOf' : 'dependsOn';
    const relationFilter = `kind=${kind.toLowerCase()},relations.ownedby,relations.${secondRelation.toLowerCase()}`;
    const countWithRelations = async () =>
      (
        await api(
          backend.base,
          `/api/catalog/entities/by-query?filter=${encodeURIComponent(
            relationFilter,
          )}&limit=1&fields=metadata.name`,
        )
      ).totalItems as number;
    // Entities of the kind already in the catalog (none expected).
    const before = await countWithRelations();
    const start = Date.now();
    await api(backend.base, '/api/catalog/bench/emit', {
      method: 'POST',
      body: JSON.stringify({
        kind,
        count,
        establishments,
        applications,
        mode,
        batchSize,
      }),
    });
    const emitted = Date.now();
    // Cheap progress check: the count of entities of the kind that already
    // carry both relations (a catalog filter on relation existence), so the
    // measurement does not slow the catalog down; then one full check.
    for (;;) {
      const done = (await countWithRelations()) - before;
      if (done >= count) break;
      if (Date.now() - start > 30 * 60_000) {
        throw new Error(`timeout: ${done}/${count}`);
      }
      await sleep(500);
    }
    const seconds = (Date.now() - start) / 1000;
    const items = await queryAll(
      backend.base,
      `kind=${kind.toLowerCase()}`,
      'metadata.name,relations',
    );
    const complete = items.filter(
      e =>
        e.relations?.some((r: any) => r.type === 'ownedBy') &&
        e.relations?.some((r: any) => r.type === secondRelation),
    ).length;
    if (complete !== count + before) {
      throw new Error(
        `only ${complete} of ${count} entities carry both relations`,
      );
    }
    return {
      database,
      sqliteMode: database === 'sqlite' ? sqliteMode : '-',
      kind,
      count,
      mode,
      stitching,
      processingInterval: processingInterval ?? 'default',
      seconds: Math.round(seconds * 10) / 10,
      emitSeconds: Math.round((emitted - start) / 100) / 10,
      replicas: backends.length,
      // all replicas together
      peakRssMb: backends.reduce((sum, b) => sum + peakRssMb(b.child), 0),
      loadBefore: Math.round(load * 10) / 10,
      loadAfter: Math.round(os.loadavg()[0] * 10) / 10,
      establishments: establishments.length,
      applications: applications.length,
    };
  } finally {
    for (const b of backends) {
      b.child.kill('SIGTERM');
    }
    await sleep(1000);
    for (const b of backends) {
      fs.rmSync(b.dir, { recursive: true, force: true });
    }
  }
}

async function main() {
  const results: Array<Awaited<ReturnType<typeof runOne>>> = [];
  console.log(
    `| database | SQLite mode | replicas | kind | N | mode | stitching | processing interval | seconds | of which emit | peak RSS MB | load avg before → after |`,
  );
  console.log(`|---|---|---|---|---|---|---|---|---|---|---|---|`);
  // Rounds: every combination once per round, so that a slower period of
  // the machine weighs on all of them alike.
  for (let round = 1; round <= repeats; round++) {
    for (const database of databases) {
      for (const count of counts) {
        const runs = (
          database === 'sqlite' ? sqliteModes : (['wal'] as const)
        ).flatMap(m =>
          kinds
            .filter(k => m !== 'stock' || stockKinds.includes(k))
            .map(k => [m, k] as const),
        );
        for (const [sqliteMode, kind] of runs) {
          const r = await runOne(database, kind, count, sqliteMode);
          results.push(r);
          console.log(
            `| ${r.database} | ${r.sqliteMode} | ${r.replicas} | ${r.kind} | ${r.count} | ${r.mode} | ${r.stitching} | ${r.processingInterval} | ${r.seconds} | ${r.emitSeconds} | ${r.peakRssMb} | ${r.loadBefore} → ${r.loadAfter} |`,
          );
        }
      }
    }
  }
  /** The run of median duration of a combination (of `repeats` runs). */
  const find = (
    database: string,
    count: number,
    kind: string,
    sqliteMode: string,
  ) => {
    const same = results
      .filter(
        r =>
          r.database === database &&
          r.count === count &&
          r.kind === kind &&
          r.sqliteMode === (database === 'sqlite' ? sqliteMode : '-'),
      )
      .sort((x, y) => x.seconds - y.seconds);
    return same[Math.floor((same.length - 1) / 2)];
  };
  console.log('');
  console.log(`Medians of ${repeats} runs:`);
  for (const database of databases) {
    for (const count of counts) {
      for (const kind of kinds) {
        for (const m of database === 'sqlite' ? sqliteModes : ['wal']) {
          const r = find(database, count, kind, m);
          if (r) {
            console.log(
              `${database}${
                database === 'sqlite' ? ` (${m})` : ''
              } ${kind} N=${count}: ${r.seconds} s`,
            );
          }
        }
      }
    }
  }
  for (const database of databases) {
    for (const count of counts) {
      const t = find(database, count, 'Tenant', 'wal');
      const b = find(database, count, 'Resource', 'wal');
      // the stock SQLite baseline, for SQLite only (PostgreSQL has no mode)
      const stock =
        database === 'sqlite'
          ? find(database, count, 'Resource', 'stock')
          : undefined;
      if (t && b) {
        console.log(
          `${database} N=${count}: Tenant/Resource = ${(
            t.seconds / b.seconds
          ).toFixed(2)}`,
        );
      }
      if (t && stock) {
        console.log(
          `${database} N=${count}: Tenant (WAL) / Resource (stock SQLite) = ${(
            t.seconds / stock.seconds
          ).toFixed(2)}`,
        );
      }
    }
  }
  console.log(JSON.stringify(results));
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
