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
