import { request } from '@playwright/test';

/**
 * Waits until the portal under test is ready for the journeys: the catalog
 * holds the demo tenants (the tenant provider syncs them a few seconds after
 * start-up) and the establishments. Gives up after two minutes.
 */
export default async function globalSetup() {
  const baseURL = process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000';
  const context = await request.newContext({ baseURL });
  const deadline = Date.now() + 120_000;
  try {
    for (;;) {
      const signIn = await context.get('/api/auth/dev/refresh', {
        headers: {
          'x-amue-dev-user': 'marc.petit',
          'x-requested-with': 'XMLHttpRequest',
        },
      });
      if (signIn.ok()) {
        const token = (await signIn.json()).backstageIdentity.token;
        const tenants = await context.get(
          '/api/catalog/entities/by-query?filter=kind=tenant&limit=1',
          { headers: { Authorization: `Bearer ${token}` } },
        );
        if (tenants.ok() && (await tenants.json()).items.length > 0) {
          return;
        }
      }
      if (Date.now() > deadline) {
        throw new Error(
          `the portal at ${baseURL} has no Tenant entities after two minutes`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  } finally {
    await context.dispose();
  }
}
