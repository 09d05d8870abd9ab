#!/usr/bin/env node
/*
 * Reads a Jest (--json) or Playwright (JSON reporter) result file and prints
 * "<passed> <failed>" for scripts/test-all.sh. Besides the failed tests, it
 * counts as failures (each explained on stderr):
 *
 * - every skipped, pending or todo test (a skipped test proves nothing);
 * - every test file that ran no test (a Jest suite that failed to run or
 *   whose tests were all skipped; a Playwright file of the test folder
 *   absent from the report);
 * - with `--stage <id>`: a number of tests run (passed or failed; the
 *   failures are counted anyway) below the floor recorded
 *   for that stage in scripts/test-counts.json, in total and for each
 *   package (Jest) or file (Playwright) recorded there. The floors are
 *   minimums: new tests raise the counts without touching the file; when
 *   tests are removed on purpose, record the new counts with `--record`.
 *
 * Usage:
 *   test-report.js <report> [--stage <id>] [--record]
 *   test-report.js <jest report> --postgres [--stage <id>]
 *
 * `--postgres` prints "<passed> <failed>" for the database guard: each
 * database-backed test (its name carries a TestDatabases id such as
 * SQLITE_3 or POSTGRES_15) must have run on both SQLite and PostgreSQL 15,
 * test by test (whether it passed is the Jest stage's count); it prints the
 * number of pairs and one failure per test that ran on one database only.
 * With `--stage`, the number of pairs has a floor too.
 */
const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..');
const COUNTS_FILE = path.join(__dirname, 'test-counts.json');

const args = process.argv.slice(2);
const file = args[0];
const flag = name => args.includes(name);
const option = name => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const stage = option('--stage');

const problems = [];
const problem = message => problems.push(message);

const relative = p => path.relative(REPO_ROOT, p).split(path.sep).join('/');

/** The workspace of a test file: packages/<name> or plugins/<name>. */
function workspaceOf(testFile) {
  const parts = relative(testFile).split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
}

function jestCounts(data) {
  let passed = 0;
  let failed = 0;
  const groups = {};
  for (const suite of data.testResults ?? []) {
    const name = relative(suite.name);
    const tests = suite.assertionResults ?? [];
    const ran = tests.filter(
      t => t.status === 'passed' || t.status === 'failed',
    );
    const ok = tests.filter(t => t.status === 'passed').length;
    const ko = tests.filter(t => t.status === 'failed').length;
    passed += ok;
    failed += ko;
    const group = workspaceOf(suite.name);
    groups[group] = (groups[group] ?? 0) + ran.length;
    for (const t of tests) {
      if (t.status !== 'passed' && t.status !== 'failed') {
        problem(`${name}: test ${t.status}: ${t.fullName}`);
      }
    }
    if (ran.length === 0) {
      problem(
        suite.status === 'failed'
          ? `${name}: the file failed to run (${
              (suite.message ?? '').split('\n').find(l => l.trim()) ??
              'no message'
            })`
          : `${name}: the file ran no test`,
      );
    }
  }
  return { passed, failed, ran: passed + failed, groups };
}

function playwrightCounts(data) {
  let passed = 0;
  let failed = 0;
  const groups = {};
  const rootDir = data.config?.rootDir ?? REPO_ROOT;
  const visit = (suite, fileName) => {
    const f = suite.file ?? fileName;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const key = relative(path.resolve(rootDir, spec.file ?? f));
        groups[key] = groups[key] ?? 0;
        if (t.status === 'expected' || t.status === 'flaky') {
          passed += 1;
          groups[key] += 1;
        } else if (t.status === 'unexpected') {
          failed += 1;
          groups[key] += 1;
        } else {
          problem(`${key}: test ${t.status}: ${spec.title}`);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child, f);
  };
  for (const suite of data.suites ?? []) visit(suite, suite.file);
  // Every test file of every project's folder must have run a test (a
  // stage with a recorded count runs the whole folder; a stage without one,
  // such as the PostgreSQL re-run of the isolation files, runs a subset).
  const pattern = /\.(spec|test)\.[cm]?[jt]sx?$/;
  const testDirs = new Set(
    stage
      ? (data.config?.projects ?? []).map(p => p.testDir).filter(Boolean)
      : [],
  );
  for (const dir of testDirs) {
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir, { recursive: true })) {
      const name = String(entry);
      if (!pattern.test(name)) continue;
      const key = relative(path.join(dir, name));
      if (!groups[key]) problem(`${key}: the file ran no test`);
    }
  }
  return { passed, failed, ran: passed + failed, groups };
}

/** Each database-backed test, by name without its database id. */
function postgresPairs(data) {
  const ID = /\b(SQLITE_\d+|POSTGRES_\d+|MYSQL_\d+)\b/;
  const byTest = new Map();
  for (const suite of data.testResults ?? []) {
    for (const t of suite.assertionResults ?? []) {
      const match = ID.exec(t.fullName);
      if (!match) continue;
      const key = `${relative(suite.name)}: ${t.fullName.replace(
        ID,
        '<database>',
      )}`;
      const entry = byTest.get(key) ?? {};
      entry[match[1]] = t.status;
      byTest.set(key, entry);
    }
  }
  // Failures are counted by the Jest stage itself; here a test must have
  // run (passed or failed) on both databases.
  const ran = status => status === 'passed' || status === 'failed';
  let pairs = 0;
  for (const [key, runs] of byTest) {
    if (ran(runs.SQLITE_3) && ran(runs.POSTGRES_15)) {
      pairs += 1;
    } else {
      problem(
        `${key}: SQLite ${runs.SQLITE_3 ?? 'did not run'}, PostgreSQL 15 ${
          runs.POSTGRES_15 ?? 'did not run'
        }`,
      );
    }
  }
  return { passed: pairs, failed: 0, ran: pairs, groups: {} };
}

function readCounts() {
  return fs.existsSync(COUNTS_FILE)
    ? JSON.parse(fs.readFileSync(COUNTS_FILE, 'utf8'))
    : {};
}

function checkFloors(result) {
  const counts = readCounts();
  const floors = counts[stage];
  if (!floors) {
    problem(
      `stage "${stage}" has no recorded count in scripts/test-counts.json (record it with --record)`,
    );
    return;
  }
  if (result.ran < floors.total) {
    problem(
      `stage "${stage}": ${result.ran} tests ran, fewer than the ${floors.total} recorded in scripts/test-counts.json`,
    );
  }
  for (const [group, floor] of Object.entries(floors.groups ?? {})) {
    const count = result.groups[group] ?? 0;
    if (count < floor) {
      problem(
        `stage "${stage}", ${group}: ${count} tests ran, fewer than the ${floor} recorded in scripts/test-counts.json`,
      );
    }
  }
}

function record(result) {
  const counts = readCounts();
  counts[stage] = { total: result.ran, groups: result.groups };
  const sorted = Object.fromEntries(
    Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)),
  );
  for (const value of Object.values(sorted)) {
    value.groups = Object.fromEntries(
      Object.entries(value.groups ?? {}).sort(([a], [b]) => a.localeCompare(b)),
    );
  }
  fs.writeFileSync(COUNTS_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
  console.error(`recorded stage "${stage}": ${result.ran} tests`);
}

const data = JSON.parse(fs.readFileSync(file, 'utf8'));
let result;
if (flag('--postgres')) {
  result = postgresPairs(data);
} else if ('numPassedTests' in data) {
  result = jestCounts(data);
} else if (data.stats) {
  result = playwrightCounts(data);
} else {
  throw new Error(`${file}: unknown test report format`);
}

if (stage && flag('--record')) {
  record(result);
} else if (stage) {
  checkFloors(result);
}
for (const message of problems) console.error(`test-report: ${message}`);
console.log(`${result.passed} ${result.failed + problems.length}`);
