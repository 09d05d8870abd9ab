import { APIRequestContext, expect, test } from '@playwright/test';
import { signInAs } from './personas';
import { api, expectAccessible, tokenOf } from './support';

/*
 * "Demandes" (issue 15): a request for two environments, made in one
 * submission, is decided once for both; the decision is confirmed on the
 * page in words, naming the request, with "Annuler", and the undo is real:
 * the backend puts the request back where it was.
 *
 * Its own data: Marc (administrator) files, as the request form does (one
 * idempotency key per environment of one task), a SIFAC request for test
 * and production of an establishment that has no SIFAC instance yet.
 */

// Several pages and personas in one journey.
test.setTimeout(150_000);

/** The establishment groups of the catalog, with their UAI and title. */
async function establishments(request: APIRequestContext, token: string) {
  const res = await request.get(
    api(
      '/api/catalog/entities/by-query?filter=kind=group,spec.type=establishment&fields=metadata.name,metadata.title,metadata.annotations&limit=500',
    ),
    { headers: { Authorization: token } },
  );
  expect(res.status()).toBe(200);
  return ((await res.json()).items as any[]).map(e => ({
    name: e.metadata.name as string,
    title: e.metadata.title as string,
    uai: e.metadata.annotations['cloud.amue.fr/uai'] as string,
  }));
}

async function tenantOf(
  request: APIRequestContext,
  token: string,
  name: string,
) {
  const res = await request.get(api(`/api/cloud/tenants/${name}`), {
    headers: { Authorization: token },
  });
  expect(res.status()).toBe(200);
  return res.json();
}

test('a request for two environments is decided once, confirmed in words and really undone', async ({
  page,
  request,
}, testInfo) => {
  const marc = await tokenOf(request, 'marc.petit');
  const taken = new Set<string>();
  let cursor: string | undefined;
  do {
    const res = await request.get(
      api(
        `/api/cloud/tenants?application=sifac&limit=500${
          cursor ? `&cursor=${cursor}` : ''
        }`,
      ),
      { headers: { Authorization: marc } },
    );
    const page1 = await res.json();
    for (const tenant of page1.items) {
      taken.add(tenant.establishment);
    }
    cursor = page1.nextCursor;
  } while (cursor);
  const free = (await establishments(request, marc))
    .filter(e => e.uai && !taken.has(e.name))
    // The highest UAI: its tenants list after the demo's in the catalog
    // (sorted by name), where lists.test.ts looks for Bordeaux's.
    .sort((a, b) => b.name.localeCompare(a.name));
  expect(free.length, 'an establishment without SIFAC').toBeGreaterThan(0);
  const establishment = free[0];

  const task = `e2e-${Date.now()}`;
  const names: string[] = [];
  for (const environment of ['test', 'production']) {
    const res = await request.post(api('/api/cloud/requests'), {
      headers: {
        Authorization: marc,
        'Idempotency-Key': `scaffolder:${task}:request:${environment}`,
      },
      data: {
        application: 'sifac',
        uai: establishment.uai,
        environment,
        version: '2026.2',
        request: { migration: false },
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    names.push((await res.json()).tenant.name);
  }
  const [testName, productionName] = names;
  const requestName = `SIFAC (Test, Production) — ${establishment.title}`;

  await signInAs(page, 'Sophie Bernard');
  await page.goto('/cloud/requests');
  const pending = page.getByRole('table', { name: 'Demandes à qualifier' });
  // One row holds both instances of the request.
  const row = pending
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: testName }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('link', { name: productionName })).toBeVisible();
  await expect(row).toContainText('Test, Production');
  const approve = row.getByRole('button', {
    name: `Accepter les 2 instances de la demande ${requestName}`,
  });
  await expect(approve).toHaveText('Accepter les 2 instances');
  // Each instance can still be decided alone.
  await row.getByText('Décider instance par instance').click();
  await expect(
    row.getByRole('button', {
      name: `Accepter la demande SIFAC (Production) — ${establishment.title}`,
    }),
  ).toBeVisible();
  await row.getByText('Décider instance par instance').click();
  await expectAccessible(page, 'Demandes with a request for two environments');

  // One decision for the request.
  await approve.click();
  const notice = page
    .getByRole('status')
    .filter({ hasText: `Demande acceptée : ${requestName}.` });
  await expect(notice).toBeVisible();
  await expect(pending.getByRole('link', { name: testName })).toHaveCount(0);
  for (const name of names) {
    const tenant = await tenantOf(request, marc, name);
    expect(tenant.status, name).toBe('provisioning');
  }
  await page.screenshot({
    path: testInfo.outputPath('decision-confirmed.png'),
    fullPage: true,
  });
  await expectAccessible(page, 'the confirmation of a decision');

  // "Annuler": both requests wait for a decision again, in the backend.
  await notice.getByRole('button', { name: 'Annuler' }).click();
  await expect(
    page.getByRole('status').filter({
      hasText: `Décision annulée : ${requestName} attend de nouveau votre décision.`,
    }),
  ).toBeVisible();
  for (const name of names) {
    const tenant = await tenantOf(request, marc, name);
    expect(tenant.status, name).toBe('requested');
    expect(tenant.currentStep, name).toBe('qualification');
    expect(
      tenant.events.map((e: { type: string }) => e.type).slice(-2),
      name,
    ).toEqual(['request.approved', 'request.decision-undone']);
  }
  await expect(row.getByRole('link', { name: productionName })).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('decision-undone.png'),
    fullPage: true,
  });

  // Refused then undone as well: the request is open again.
  await row
    .getByRole('textbox', { name: `Commentaire sur la demande ${requestName}` })
    .fill('Convention non signée.');
  await row
    .getByRole('button', {
      name: `Refuser les 2 instances de la demande ${requestName}`,
    })
    .click();
  const refused = page
    .getByRole('status')
    .filter({ hasText: `Demande refusée : ${requestName}.` });
  await expect(refused).toBeVisible();
  expect((await tenantOf(request, marc, productionName)).decommissioned).toBe(
    true,
  );
  await refused.getByRole('button', { name: 'Annuler' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Décision annulée' }),
  ).toBeVisible();
  for (const name of names) {
    const tenant = await tenantOf(request, marc, name);
    expect(tenant.decommissioned, name).toBe(false);
    expect(tenant.status, name).toBe('requested');
  }
});
