import { expect, test } from '@playwright/test';

test('readiness and liveness endpoints answer', async ({ request }) => {
  for (const probe of ['readiness', 'liveness']) {
    const res = await request.get(`/.backstage/health/v1/${probe}`);
    expect(res.status(), probe).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  }
});

test('the cloud plugin reaches its database', async ({ request }) => {
  const res = await request.get('/api/cloud/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({
    status: 'ok',
    database: 'better-sqlite3',
  });
});

test('the demonstration sign-in refuses an unknown user', async ({
  request,
}) => {
  const res = await request.get('/api/auth/dev/refresh', {
    headers: {
      'x-amue-dev-user': 'nobody',
      'x-requested-with': 'XMLHttpRequest',
    },
  });
  expect(res.status()).toBe(404);
  expect((await res.json()).error.message).toContain(
    'no catalog User is named "nobody"',
  );
});

test('error bodies of the production build carry no stack trace, address or SQL', async ({
  request,
}) => {
  const { tokenOf } = await import('./support');
  const julien = await tokenOf(request, 'julien.lefebvre');
  const headers = { Authorization: julien };
  // One failing call per kind of refusal, over several plugins.
  const probes: Array<[string, () => ReturnType<typeof request.get>, number]> =
    [
      ['cloud, no token', () => request.get('/api/cloud/tenants'), 401],
      [
        'cloud, forged cursor',
        () =>
          request.get('/api/cloud/tenants?cursor=x%27%20OR%201%3D1', {
            headers,
          }),
        0,
      ],
      [
        'cloud, text/plain body',
        () =>
          request.post('/api/cloud/requests', {
            headers: { ...headers, 'content-type': 'text/plain' },
            data: 'hello',
          }),
        415,
      ],
      [
        'cloud, unknown tenant',
        () =>
          request.get('/api/cloud/tenants/sifac-0000000a-production', {
            headers,
          }),
        0,
      ],
      [
        'catalog, unknown entity',
        () =>
          request.get('/api/catalog/entities/by-name/component/default/nope', {
            headers,
          }),
        404,
      ],
      [
        'catalog, forbidden delete',
        () =>
          request.delete(
            '/api/catalog/entities/by-uid/00000000-0000-4000-8000-000000000000',
            { headers },
          ),
        0,
      ],
      [
        'scaffolder, malformed task',
        () =>
          request.post('/api/scaffolder/v2/tasks', {
            headers,
            data: { templateRef: 42 },
          }),
        0,
      ],
    ];
  expect(probes).toHaveLength(7);
  for (const [what, call, status] of probes) {
    const res = await call();
    // The exact status where the API defines it; a refusal (4xx) elsewhere.
    if (status) {
      expect(res.status(), what).toBe(status);
    } else {
      expect(res.status(), what).toBeGreaterThanOrEqual(400);
      expect(res.status(), what).toBeLessThan(500);
    }
    const body = await res.text();
    expect(body, what).not.toMatch(/"stack"|\n\s+at \S|\.[jt]s:\d+:\d+/);
    expect(body, what).not.toMatch(/\b(127\.0\.0\.1|localhost):\d+/);
    expect(body, what).not.toMatch(/ECONNREFUSED|\bselect\b.*\bfrom\b/i);
  }
});
