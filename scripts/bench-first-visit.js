#!/usr/bin/env node
/*
 * First visit of the portal's main pages with an empty browser cache
 * (docs/benchmarks.md, "Première visite"): for each page, a new Chromium
 * context (no cache, no service worker) that carries only the session of a
 * persona signed in beforehand, navigates to the page and waits until it is
 * usable. Reports per page the median over the runs of the time to ready
 * (the page's own clock, from the navigation start) and of the bytes and
 * requests transferred, JavaScript apart.
 *
 *   node scripts/bench-first-visit.js --url http://localhost:7007
 *
 * against a running portal with the demonstration sign-in (`npm start`,
 * which serves the production build; `yarn dev` serves the development
 * build, several times heavier). Options: --runs N (3), --json FILE,
 * --page NAME=PATH=PERSONA=TEXT (adds a page: ready when TEXT is visible).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..');
const { chromium } = require(require.resolve('playwright-core', {
  paths: [REPO_ROOT],
}));
const { launchOptions } = require('./chromium');

/** The pages measured: ready when their text is visible. */
const PAGES = [
  {
    name: 'sign-in page',
    path: '/',
    persona: null,
    ready: 'Se connecter en tant que Claire Dubois',
  },
  { name: 'home', path: '/', persona: 'Claire Dubois', ready: 'Mes instances' },
  {
    name: 'Offre de services',
    path: '/cloud/offer',
    persona: 'Claire Dubois',
    ready: 'Prérequis',
  },
  {
    name: 'Mes instances',
    path: '/cloud/instances',
    persona: 'Claire Dubois',
    ready: 'Prochaine action',
  },
  {
    name: 'Adoption',
    path: '/cloud/adoption',
    persona: 'Marc Petit',
    ready: 'Établissement',
  },
];

function parseArgs(argv) {
  const args = { url: null, runs: 3, json: null, pages: [...PAGES] };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value`);
      return argv[++i];
    };
    switch (argv[i]) {
      case '--url':
        args.url = value().replace(/\/$/, '');
        break;
      case '--runs':
        args.runs = Number(value());
        break;
      case '--json':
        args.json = value();
        break;
      case '--page': {
        const [name, p, persona, ready] = value().split('=');
        if (!ready) throw new Error('--page needs NAME=PATH=PERSONA=TEXT');
        args.pages.push({ name, path: p, persona, ready });
        break;
      }
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (!args.url) throw new Error('--url URL is required');
  if (!Number.isInteger(args.runs) || args.runs < 1) {
    throw new Error('--runs needs a whole number from 1');
  }
  return args;
}

const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

/** The session of a persona, signed in on the demonstration page. */
async function sessionOf(browser, url, persona) {
  const context = await browser.newContext({ baseURL: url, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto('/');
  await page
    .getByRole('button', { name: `Se connecter en tant que ${persona}` })
    .click();
  await page
    .getByRole('heading', { name: 'Portail Amue Cloud', level: 1 })
    .waitFor({ timeout: 120_000 });
  const state = await context.storageState();
  await context.close();
  return state;
}

/** One cold visit: a new context, the page, until its text is visible. */
async function visit(browser, url, page, storageState) {
  const context = await browser.newContext({
    baseURL: url,
    locale: 'fr-FR',
    storageState,
    serviceWorkers: 'block',
  });
  const tab = await context.newPage();
  const transfers = [];
  tab.on('requestfinished', async request => {
    const sizes = await request.sizes().catch(() => undefined);
    if (sizes) {
      transfers.push({
        js: request.resourceType() === 'script',
        bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      });
    }
  });
  await tab.goto(page.path, { waitUntil: 'commit', timeout: 120_000 });
  await tab
    .getByText(page.ready, { exact: false })
    .first()
    .waitFor({ timeout: 120_000 });
  const readyMs = await tab.evaluate(() => performance.now());
  await tab.waitForLoadState('networkidle').catch(() => undefined);
  await context.close();
  const sum = list => list.reduce((total, t) => total + t.bytes, 0);
  return {
    readyMs: Math.round(readyMs),
    requests: transfers.length,
    bytes: sum(transfers),
    jsBytes: sum(transfers.filter(t => t.js)),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const browser = await chromium.launch(launchOptions);
  const sessions = new Map();
  const results = [];
  try {
    for (const page of args.pages) {
      let state;
      if (page.persona) {
        if (!sessions.has(page.persona)) {
          sessions.set(
            page.persona,
            await sessionOf(browser, args.url, page.persona),
          );
        }
        state = sessions.get(page.persona);
      }
      const runs = [];
      for (let run = 0; run < args.runs; run++) {
        runs.push(await visit(browser, args.url, page, state));
      }
      const result = {
        page: page.name,
        path: page.path,
        persona: page.persona,
        runs,
        medianReadyMs: median(runs.map(r => r.readyMs)),
        medianBytes: median(runs.map(r => r.bytes)),
        medianJsBytes: median(runs.map(r => r.jsBytes)),
        medianRequests: median(runs.map(r => r.requests)),
      };
      results.push(result);
      console.log(
        `${page.name.padEnd(16)} ready ${String(result.medianReadyMs).padStart(
          6,
        )} ms (runs: ${runs.map(r => r.readyMs).join(', ')}), ${(
          result.medianBytes /
          1024 /
          1024
        ).toFixed(2)} MB in ${result.medianRequests} requests, JavaScript ${(
          result.medianJsBytes /
          1024 /
          1024
        ).toFixed(2)} MB`,
      );
    }
  } finally {
    await browser.close();
  }
  if (args.json) {
    fs.writeFileSync(
      args.json,
      JSON.stringify({ url: args.url, runs: args.runs, results }, null, 2),
    );
  }
}

main().catch(error => {
  console.error(error.message ?? error);
  process.exit(1);
});
