// StrykerJS configuration of scripts/mutation.sh (mutation testing of the
// onboarding rules, permissions, UAI, naming, validation and the permission
// policy). The script runs it from each package's folder and passes the
// files to mutate with --mutate.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const scripts = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(scripts);
const cache = path.join(repo, 'node_modules', '.cache', 'stryker');
const pkg = path.basename(process.cwd());

export default {
  packageManager: 'yarn',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: path.join(scripts, 'stryker-jest.config.js'),
    enableFindRelatedTests: true,
  },
  coverageAnalysis: 'perTest',
  // Two cores shared with other work: one test process.
  concurrency: 1,
  timeoutMS: 20000,
  incremental: true,
  incrementalFile: path.join(cache, `${pkg}.incremental.json`),
  ignorePatterns: ['dist', 'dist-types', 'node_modules', '.stryker-tmp'],
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: path.join(cache, `${pkg}.report.json`) },
  htmlReporter: { fileName: path.join(cache, `${pkg}.report.html`) },
  thresholds: { high: 90, low: 85, break: null },
};
