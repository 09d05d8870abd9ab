import { expect, test } from '@playwright/test';
import { tokenOf } from './support';

/*
 * Isolation between establishments, through every door of the running
 * portal (the onboarding API, its reports, the catalog, the actions
 * registry), with the Backstage tokens of the demonstration personas.
 */

/** A tenant of the demo data of Bordeaux (plugins/cloud-backend-module-demo-data). */
const BORDEAUX_TENANT = 'sifac-0333298f-production';

test('a member of Lille never sees nor changes a tenant of Bordeaux', async ({
  request,
}) => {
  const julien = await tokenOf(request, 'julien.lefebvre');
  const claire = await tokenOf(request, 'claire.dubois');
  const headers = { Authorization: julien };

  // Bordeaux sees its tenant; Lille gets the same answer as for a missing one.
  const own = await request.get(`/api/cloud/tenants/${BORDEAUX_TENANT}`, {
    headers: { Authorization: claire },
  });
  expect(own.status()).toBe(200);
  const rowVersion = (await own.json()).rowVersion;

  const list = await request.get('/api/cloud/tenants?limit=500', { headers });
  expect(list.status()).toBe(200);
  const establishments = new Set(
    (await list.json()).items.map((t: any) => t.establishment),
  );
  expect([...establishments]).toEqual(['etab-0597239y']);

  for (const [method, path, data] of [
    ['get', `/api/cloud/tenants/${BORDEAUX_TENANT}`, undefined],
    [
      'post',
      `/api/cloud/tenants/${BORDEAUX_TENANT}/comments`,
      { comment: 'Bonjour' },
    ],
    [
      'post',
      `/api/cloud/tenants/${BORDEAUX_TENANT}/version`,
      { version: '2026.2', rowVersion },
    ],
    [
      'get',
      `/api/catalog/entities/by-name/tenant/default/${BORDEAUX_TENANT}`,
      undefined,
    ],
  ] as const) {
    const res =
      method === 'get'
        ? await request.get(path, { headers })
        : await request.post(path, { headers, data });
    expect({ path, status: res.status() }).toEqual({ path, status: 404 });
  }

  // The tenant provider syncs a few seconds after start-up.
  let names: string[] = [];
  await expect
    .poll(async () => {
      const catalog = await request.get(
        '/api/catalog/entities/by-query?filter=kind=tenant&limit=500',
        { headers },
      );
      names = (await catalog.json()).items.map((e: any) => e.metadata.name);
      return names.length;
    })
    .toBeGreaterThan(0);
  expect(names.filter(n => !n.includes('-0597239y-'))).toEqual([]);

  for (const report of ['adoption', 'funnel', 'durations', 'blocked']) {
    const json = await request.get(`/api/cloud/reports/${report}`, { headers });
    expect(json.status()).toBe(403);
    const csv = await request.get(`/api/cloud/reports/${report}?format=csv`, {
      headers,
    });
    expect(csv.status()).toBe(403);
  }

  const action = await request.post(
    '/api/cloud/.backstage/actions/v1/actions/cloud:get-tenant/invoke',
    { headers, data: { name: BORDEAUX_TENANT } },
  );
  expect(action.status()).toBe(404);

  // Nothing changed for Bordeaux.
  const after = await request.get(`/api/cloud/tenants/${BORDEAUX_TENANT}`, {
    headers: { Authorization: claire },
  });
  expect((await after.json()).rowVersion).toBe(rowVersion);
});

test('the product owner of SIFAC reads the reports of SIFAC only', async ({
  request,
}) => {
  const sophie = await tokenOf(request, 'sophie.bernard');
  const blocked = await request.get('/api/cloud/reports/blocked', {
    headers: { Authorization: sophie },
  });
  expect(blocked.status()).toBe(200);
  const applications = new Set(
    (await blocked.json()).items.map((i: any) => i.application),
  );
  // The demo data blocks SIFAC tenants: the loop below checks something.
  expect(applications.size).toBeGreaterThan(0);
  for (const application of applications) {
    expect(['sifac', 'sifac-demat']).toContain(application);
  }
  const csv = await request.get('/api/cloud/reports/adoption?format=csv', {
    headers: { Authorization: sophie },
  });
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toMatch(/text\/csv/);
  expect(await csv.text()).toContain('Université de Bordeaux');
});
