import { defineConfig } from '@playwright/test';
// Debian's chromium, launched as every browser test of the project does.
import { launchOptions } from './scripts/chromium';

/**
 * The federation sign-in suite (packages/app/e2e-federation): the
 * production build with app-config.production.yaml on PostgreSQL, signing
 * in through a test OpenID provider. Run by scripts/stage-federation.sh,
 * which starts both and sets PLAYWRIGHT_URL; kept apart from the main
 * browser suite (playwright.config.ts), which uses the demonstration
 * sign-in.
 */

export default defineConfig({
  testDir: './packages/app/e2e-federation',
  timeout: 300_000,
  expect: { timeout: 20_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  // The journeys share one portal and build on each other (a request
  // before the notification about it).
  workers: 1,
  fullyParallel: false,
  reporter: [['list']],
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:7007',
    locale: 'fr-FR',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions,
  },
  outputDir: 'node_modules/.cache/e2e-federation-results',
});
