/*
 * How the project's browser tests launch Debian's chromium (Playwright's own
 * browser download is not available on the project's machines): shared by
 * playwright.config.ts, playwright.federation.config.ts and the replica
 * stage (scripts/replicas/run.js).
 */
const launchOptions = {
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

module.exports = { launchOptions };
