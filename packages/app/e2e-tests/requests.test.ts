import { expect, test } from '@playwright/test';
import { signInAs } from './personas';
import { api, tokenOf } from './support';

/*
 * "Demandes" as a product owner reads it (issue 15): the establishment
 * filter offers the establishments that have requests, not the 231
 * establishments of the catalog.
 */

test('the establishment filter of Demandes lists only establishments with requests', async ({
  page,
  request,
}, testInfo) => {
  // What the page shows: pending and blocked requests of Sophie's
  // applications.
  const sophie = await tokenOf(request, 'sophie.bernard');
  const names = new Set<string>();
  for (const query of [
    'status=requested&currentStep=qualification&limit=500',
    'blocked=true&limit=500',
  ]) {
    const res = await request.get(api(`/api/cloud/tenants?${query}`), {
      headers: { Authorization: sophie },
    });
    expect(res.status()).toBe(200);
    for (const tenant of (await res.json()).items) {
      names.add(tenant.establishment);
    }
  }
  expect(names.size).toBeGreaterThan(0);

  await signInAs(page, 'Sophie Bernard');
  await page.goto('/cloud/requests');
  await expect(
    page.getByRole('table', { name: 'Demandes à qualifier' }),
  ).toBeVisible();
  const filter = page.getByLabel('Établissement', { exact: true });
  // "Tous les établissements" and one option per establishment with requests.
  await expect(filter.locator('option')).toHaveCount(names.size + 1);
  const values = await filter
    .locator('option')
    .evaluateAll(options =>
      options.map(o => (o as HTMLOptionElement).value).filter(Boolean),
    );
  expect(new Set(values)).toEqual(names);
  await page.screenshot({
    path: testInfo.outputPath('requests-filter.png'),
    fullPage: true,
  });
});
