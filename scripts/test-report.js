#!/usr/bin/env node
/*
 * Prints "<passed> <failed>" for a Jest (--json) or Playwright (JSON
 * reporter) result file, and with --postgres also the number of tests whose
 * name mentions POSTGRES_15, so the caller can prove they ran.
 */
const fs = require('node:fs');

const [file, flag] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(file, 'utf8'));

if (flag === '--postgres') {
  let count = 0;
  for (const suite of data.testResults ?? []) {
    for (const t of suite.assertionResults ?? []) {
      if (t.status === 'passed' && /POSTGRES_15/.test(t.fullName)) count++;
    }
  }
  console.log(count);
} else if ('numPassedTests' in data) {
  // Jest: a suite that fails to run counts as one failure.
  const broken = (data.testResults ?? []).filter(
    s => s.status === 'failed' && (s.assertionResults ?? []).length === 0,
  ).length;
  console.log(`${data.numPassedTests} ${data.numFailedTests + broken}`);
} else if (data.stats) {
  // Playwright: flaky tests passed on retry and are reported as passed.
  const s = data.stats;
  console.log(`${s.expected + s.flaky} ${s.unexpected}`);
} else {
  throw new Error(`${file}: unknown test report format`);
}
