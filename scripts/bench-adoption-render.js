#!/usr/bin/env node
/*
 * First render of the Adoption page (docs/benchmarks.md, section "Page
 * Adoption : premier affichage"): the time from navigation to the page being
 * usable (charts drawn, the establishments × applications matrix filled),
 * in Chromium, signed in as an Amue administrator.
 *
 *   node scripts/bench-adoption-render.js --url http://localhost:3000
 *     measures a running portal (yarn dev, or any deployment);
 *   node scripts/bench-adoption-render.js --data-dir DIR
 *     starts the portal's backend from source on a free port with
 *     AMUE_DATA_DIR=DIR (e.g. the folder kept by
 *     `bash scripts/bench-cloud.sh sqlite --keep`, 10,000 tenants; an empty
 *     folder gets the demo data, as `npm start` does), serving
 *     the production build of packages/app/dist (build it first:
 *     `bash scripts/bench-bundle.sh` or `yarn workspace app build`), measures
 *     it, then stops it.
 *
 * Two measures per run, for the Adoption page then for "Demandes" (ready:
 * both its tables have their first rows):
 * - "load": a full page load of /cloud/adoption (app start-up, lazy chunks,
 *   the adoption report), from the navigation start to ready, read from the
 *   page's own clock (performance.now()), split into the app's start-up (to
 *   the adoption report's request), the adoption report and the drawing;
 *   then "whole page": until every section is drawn (the map and the
 *   sections of the funnel, durations and blocked reports, which the page
 *   asks for once the adoption report is in);
 * - "navigation": from a click on the "Adoption" sidebar entry on the home
 *   page to ready (what a user does once the portal is open).
 * Ready: the bars of the charts are drawn and the matrix has its rows.
 *
 * Options: --runs N (5), --user NAME (Marc Petit: the persona whose button
 * the demonstration sign-in page shows), --json FILE, --chromium PATH
 * (PLAYWRIGHT_CHROMIUM_PATH, or /usr/bin/chromium), --headed,
 * --defer-tenant-sync (with --data-dir: the catalog's tenant provider first
 * syncs after an hour, so that the catalog's ingestion of the tenants,
 * measured apart in "Catalog ingestion of tenants", does not compete with
 * the page for the CPU; the Adoption page reads no Tenant entity).
 */
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..');
const { chromium } = require(require.resolve('playwright-core', {
  paths: [REPO_ROOT],
}));

function parseArgs(argv) {
  const args = {
    url: null,
    dataDir: null,
    runs: 5,
    user: 'Marc Petit',
    json: null,
    chromium: process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium',
    headed: false,
    deferTenantSync: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      if (i + 1 >= argv.length) {
        throw new Error(`${argv[i]} needs a value`);
      }
      return argv[++i];
    };
    switch (argv[i]) {
      case '--url':
        args.url = value().replace(/\/$/, '');
        break;
      case '--data-dir':
        args.dataDir = path.resolve(value());
        break;
      case '--runs':
        args.runs = Number(value());
        break;
      case '--user':
        args.user = value();
        break;
      case '--json':
        args.json = value();
        break;
      case '--chromium':
        args.chromium = value();
        break;
      case '--headed':
        args.headed = true;
        break;
      case '--defer-tenant-sync':
        args.deferTenantSync = true;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (!args.url === !args.dataDir) {
    throw new Error('give either --url URL or --data-dir DIR');
  }
  if (!Number.isInteger(args.runs) || args.runs < 1) {
    throw new Error('--runs needs a whole number from 1');
  }
  return args;
}

const log = message =>
  console.log(
    `[adoption ${new Date().toISOString().slice(11, 19)}] ${message}`,
  );
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts packages/backend from source, serving packages/app/dist. */
async function startBackend(dataDir, options) {
  const dist = path.join(REPO_ROOT, 'packages/app/dist/index.html');
  if (!fs.existsSync(dist)) {
    throw new Error(
      'packages/app/dist is missing: build the app first (bash scripts/bench-bundle.sh)',
    );
  }
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'amue-bench-adoption-'));
  const overlay = path.join(work, 'app-config.render.yaml');
  // JSON is YAML: no YAML library needed.
  fs.writeFileSync(
    overlay,
    JSON.stringify(
      {
        app: { baseUrl: base },
        backend: {
          baseUrl: base,
          listen: { port },
          cors: { origin: base },
        },
        ...(options.deferTenantSync
          ? {
              catalog: {
                providers: {
                  cloudTenants: {
                    schedule: {
                      frequency: { hours: 24 },
                      timeout: { hours: 1 },
                      initialDelay: { hours: 1 },
                    },
                  },
                },
              },
            }
          : {}),
      },
      null,
      2,
    ),
  );
  const logPath = path.join(work, 'backend.log');
  const out = fs.openSync(logPath, 'a');
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs', {
        paths: [REPO_ROOT],
      }),
      'src/index.ts',
      '--config',
      path.join(REPO_ROOT, 'app-config.yaml'),
      '--config',
      overlay,
    ],
    {
      cwd: path.join(REPO_ROOT, 'packages/backend'),
      stdio: ['ignore', out, out],
      env: { ...process.env, NODE_ENV: 'production', AMUE_DATA_DIR: dataDir },
    },
  );
  fs.closeSync(out);
  /** Stops the backend; its log is kept when something went wrong. */
  const stop = async ({ keepLog = false } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    if (!keepLog) {
      fs.rmSync(work, { recursive: true, force: true });
    }
  };
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the backend exited (${child.exitCode}), see ${logPath}`);
    }
    try {
      const res = await fetch(`${base}/.backstage/health/v1/readiness`);
      if (res.ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop({ keepLog: true });
      throw new Error(
        `the backend was not ready after 10 minutes, see ${logPath}`,
      );
    }
    await sleep(1000);
  }
  log(`backend ready on ${base} (log: ${logPath})`);
  return { base, stop, logPath };
}

/** Signs in through the demonstration sign-in page. */
async function signIn(page, base, user) {
  await page.goto(`${base}/`);
  await page
    .getByRole('button', {
      name: new RegExp(`^(Se connecter en tant que|Sign in as) ${user}$`),
    })
    .click();
  // The sidebar offers the Adoption page to Amue users only.
  await adoptionLink(page).waitFor();
}

function adoptionLink(page) {
  return page.getByRole('navigation').getByRole('link', { name: 'Adoption' });
}

/** True once the page is usable: bars drawn and matrix filled. */
const READY = () =>
  document.querySelectorAll('.recharts-bar-rectangle').length > 0 &&
  [...document.querySelectorAll('table')].some(
    table =>
      /×/.test(table.querySelector('caption')?.textContent ?? '') &&
      table.querySelectorAll('tbody tr').length > 0,
  );

async function waitReady(page) {
  await page.waitForFunction(READY, null, { timeout: 120_000, polling: 'raf' });
}

/** True once every section is drawn: no progress bar left, the map drawn. */
const WHOLE = () =>
  document.querySelector('[role="progressbar"]') === null &&
  document.querySelector(
    'svg[aria-label^="Carte de France"], svg[aria-label^="Map of France"]',
  ) !== null &&
  document.querySelectorAll('.recharts-bar-rectangle').length > 0;

function requestsLink(page) {
  return page
    .getByRole('navigation')
    .getByRole('link', { name: /^(Demandes|Requests)$/ });
}

/**
 * True once "Demandes" is usable: each of its two lists (requests to
 * qualify, blocked instances) shows its first page of rows, blocked steps
 * and reasons included, or says it is empty.
 */
const REQUESTS_READY = () => {
  const shown = (caption, empty) =>
    empty.test(document.body.textContent ?? '') ||
    [...document.querySelectorAll('table')].some(
      table =>
        caption.test(table.querySelector('caption')?.textContent ?? '') &&
        table.querySelectorAll('tbody tr').length > 0,
    );
  return (
    shown(
      /^(Demandes à qualifier|Requests to qualify)/,
      /Aucune demande n'attend de qualification|No request is waiting/,
    ) &&
    shown(
      /^(Instances bloquées|Blocked instances)/,
      /Aucune instance n'est bloquée|No instance is blocked/,
    )
  );
};

async function waitRequestsReady(page) {
  await page.waitForFunction(REQUESTS_READY, null, {
    timeout: 120_000,
    polling: 'raf',
  });
}

/**
 * The four reports' request times (ms) from the page's resource timing, and
 * when, on the page's clock, the first one started and the last one ended.
 */
async function reportTimings(page) {
  return page.evaluate(() => {
    const entries = performance
      .getEntriesByType('resource')
      // e.g. /api/cloud/reports/adoption?scope=all (the page's filters
      // are in the query)
      .filter(e => /\/api\/cloud\/reports\/[a-z-]+(\?|$)/.test(e.name));
    const adoption = entries.find(e =>
      /\/reports\/adoption(\?|$)/.test(e.name),
    );
    return {
      requests: entries.map(e => ({
        report: e.name.split('?')[0].split('/').pop(),
        ms: Math.round(e.responseEnd - e.startTime),
        bytes: e.encodedBodySize,
      })),
      start: Math.round(Math.min(...entries.map(e => e.startTime))),
      end: Math.round(Math.max(...entries.map(e => e.responseEnd))),
      adoptionStart: Math.round(adoption?.startTime ?? NaN),
      adoptionEnd: Math.round(adoption?.responseEnd ?? NaN),
    };
  });
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = p =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return {
    runs: sorted.length,
    min: sorted[0],
    median: at(0.5),
    p90: at(0.9),
    max: sorted[sorted.length - 1],
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const backend = args.dataDir
    ? await startBackend(args.dataDir, {
        deferTenantSync: args.deferTenantSync,
      })
    : null;
  const base = args.url ?? backend.base;
  const browser = await chromium.launch({
    executablePath: args.chromium,
    headless: !args.headed,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const result = {
    base,
    user: args.user,
    cpus: os.cpus().length,
    loadAverage: os.loadavg().map(l => Math.round(l * 10) / 10),
    load: [],
    navigation: [],
    reports: [],
    phases: [],
    requestsLoad: [],
    requestsNavigation: [],
  };
  let failed = false;
  try {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      locale: 'fr-FR',
    });
    const page = await context.newPage();
    await signIn(page, base, args.user);
    // Warm-up: the first visit compiles the queries and fills the caches.
    // The funnel report says how many tenants the dashboard counts.
    const funnel = page.waitForResponse(response =>
      /\/api\/cloud\/reports\/funnel$/.test(response.url()),
    );
    await page.goto(`${base}/cloud/adoption`);
    await waitReady(page);
    try {
      result.tenants = (await (await funnel).json()).tenants;
    } catch {
      // not JSON: the count is only informative
    }

    for (let run = 1; run <= args.runs; run++) {
      await page.goto(`${base}/cloud/adoption`);
      await waitReady(page);
      const load = Math.round(await page.evaluate(() => performance.now()));
      result.load.push(load);
      await page.waitForFunction(WHOLE, null, {
        timeout: 120_000,
        polling: 'raf',
      });
      const whole = Math.round(await page.evaluate(() => performance.now()));
      const timings = await reportTimings(page);
      result.reports.push(timings.requests);
      // Where the time goes: the app starts and loads the page's chunks,
      // the backend answers the adoption report, the browser draws it.
      result.phases.push({
        startUp: timings.adoptionStart,
        reports: timings.adoptionEnd - timings.adoptionStart,
        render: load - timings.adoptionEnd,
        whole,
      });

      await page.goto(`${base}/`);
      await adoptionLink(page).waitFor();
      const start = Date.now();
      await adoptionLink(page).click();
      await waitReady(page);
      const navigation = Date.now() - start;
      result.navigation.push(navigation);
      log(`run ${run}: load ${load} ms, navigation ${navigation} ms`);
    }

    // "Demandes", the same two ways (its lists come a page at a time, each
    // tenant with its steps).
    await page.goto(`${base}/cloud/requests`);
    await waitRequestsReady(page);
    for (let run = 1; run <= args.runs; run++) {
      await page.goto(`${base}/cloud/requests`);
      await waitRequestsReady(page);
      const load = Math.round(await page.evaluate(() => performance.now()));
      result.requestsLoad.push(load);
      await page.goto(`${base}/`);
      await requestsLink(page).waitFor();
      const start = Date.now();
      await requestsLink(page).click();
      await waitRequestsReady(page);
      const navigation = Date.now() - start;
      result.requestsNavigation.push(navigation);
      log(`Demandes run ${run}: load ${load} ms, navigation ${navigation} ms`);
    }
  } catch (error) {
    failed = true;
    if (backend) {
      console.error(`backend log kept: ${backend.logPath}`);
    }
    throw error;
  } finally {
    await browser.close();
    if (backend) {
      await backend.stop({ keepLog: failed });
    }
  }

  result.loadAverageAfter = os.loadavg().map(l => Math.round(l * 10) / 10);
  result.loadStats = stats(result.load);
  result.phaseStats = Object.fromEntries(
    ['startUp', 'reports', 'render', 'whole'].map(phase => [
      phase,
      stats(result.phases.map(p => p[phase])),
    ]),
  );
  result.navigationStats = stats(result.navigation);
  result.requestsLoadStats = stats(result.requestsLoad);
  result.requestsNavigationStats = stats(result.requestsNavigation);
  const perReport = {};
  for (const run of result.reports) {
    for (const { report, ms } of run) {
      (perReport[report] ??= []).push(ms);
    }
  }
  result.reportStats = Object.fromEntries(
    Object.entries(perReport).map(([report, values]) => [
      report,
      stats(values),
    ]),
  );

  console.log('');
  console.log(
    `Adoption page, ${base}${
      result.tenants !== undefined
        ? `, ${result.tenants} tenants counted by the funnel`
        : ''
    }, ${args.runs} runs (ms):`,
  );
  const row = (name, s) =>
    console.log(
      `  ${name.padEnd(22)} median ${String(s.median).padStart(
        6,
      )}  p90 ${String(s.p90).padStart(6)}  min ${String(s.min).padStart(
        6,
      )}  max ${String(s.max).padStart(6)}`,
    );
  row('full page load', result.loadStats);
  row('  app start-up', result.phaseStats.startUp);
  row('  adoption report', result.phaseStats.reports);
  row('  drawing', result.phaseStats.render);
  row('whole page drawn', result.phaseStats.whole);
  row('sidebar navigation', result.navigationStats);
  for (const [report, s] of Object.entries(result.reportStats)) {
    row(`  GET reports/${report}`, s);
  }
  console.log('Demandes page (ms):');
  row('full page load', result.requestsLoadStats);
  row('sidebar navigation', result.requestsNavigationStats);
  console.log(
    `Machine: ${result.cpus} CPUs, load average ${result.loadAverage.join(
      ' ',
    )} before, ${result.loadAverageAfter.join(' ')} after`,
  );
  const target = 1500;
  console.log(
    `Target (first render ≤ ${target} ms, p90): Adoption ${
      result.loadStats.p90 <= target ? 'met' : 'NOT met'
    }, Demandes ${
      result.requestsLoadStats.p90 <= target ? 'met' : 'NOT met'
    } (full page loads)`,
  );
  if (args.json) {
    fs.writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
