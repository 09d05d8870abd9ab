import { defineConfig } from '@playwright/test';
// Debian's chromium, launched as every browser test of the project does.
import { launchOptions } from './scripts/chromium';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';

/**
 * Browser tests of the portal, in Debian's chromium (Playwright's own browser
 * download is not available on the project's machines).
 *
 * `npm test` serves the production build on a free port and sets
 * PLAYWRIGHT_URL; against a running `npm start`, run
 * `PLAYWRIGHT_URL=http://localhost:7007 yarn test:e2e`.
 */

export default defineConfig({
  timeout: 60_000,
  globalSetup: './packages/app/e2e-tests/globalSetup.ts',
  expect: { timeout: 20_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: process.env.PLAYWRIGHT_URL ?? 'http://localhost:7007',
    locale: 'fr-FR',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions,
  },
  outputDir: 'node_modules/.cache/e2e-test-results',
  // The journeys that move the portal's clock (`*.clock.test.ts`, see
  // reminders.clock.test.ts) run after all the others, in a project of
  // their own: moved time would disturb them.
  projects: generateProjects({ channel: 'chromium' }).flatMap(project => [
    { ...project, testIgnore: /\.clock\.test\.ts$/ },
    {
      ...project,
      name: `${project.name} (time moved)`,
      testMatch: /\.clock\.test\.ts$/,
      dependencies: [project.name],
    },
  ]),
});
