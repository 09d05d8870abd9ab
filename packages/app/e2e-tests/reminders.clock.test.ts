import { expect, test } from '@playwright/test';
import { signInAs } from './personas';
import { api, tokenOf } from './support';

/*
 * Onboarding that moves by itself (issue 14), on the running portal, with
 * time moved: an instance of Lille reaches its identity step (the
 * establishment's turn); the portal's clock is moved past the step's due
 * date (`PUT /api/cloud/testing/clock`, app-config.e2e.yaml only) and the
 * reminder task is run through the scheduler: Julien (Lille) finds the
 * reminder in Notifications and the late step at the top of his home page.
 *
 * Moving the clock would disturb the other journeys: this file runs in a
 * project of its own, after them (playwright.config.ts).
 */

const LILLE_UAI = '0597239Y';
const CANDIDATES = [
  ['sinchro', 'formation'],
  ['sinchro', 'production'],
  ['pegase', 'test'],
  ['pegase', 'formation'],
] as const;
const DAY = 24 * 60 * 60 * 1000;

test('a late step is reminded to the establishment and tops its home page', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  const julien = await tokenOf(request, 'julien.lefebvre');
  const marc = await tokenOf(request, 'marc.petit');
  const get = async (path: string, token: string) => {
    const res = await request.get(api(path), {
      headers: { Authorization: token },
    });
    expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
    return res.json();
  };
  const send = async (
    method: 'post' | 'put',
    path: string,
    token: string,
    data: unknown,
  ) => {
    const res = await request[method](api(path), {
      headers: { Authorization: token },
      data,
    });
    expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
    return res.status() === 200 || res.status() === 201
      ? res.json().catch(() => undefined)
      : undefined;
  };

  // An instance of Lille of its own.
  const existing = new Set(
    (
      await get(
        '/api/cloud/tenants?establishment=etab-0597239y&limit=500',
        marc,
      )
    ).items.map((t: { name: string }) => t.name),
  );
  const candidate = CANDIDATES.find(
    ([app, env]) => !existing.has(`${app}-${LILLE_UAI.toLowerCase()}-${env}`),
  );
  if (!candidate) {
    throw new Error(
      'Every candidate instance of Lille exists already: run on a fresh database (a new AMUE_DATA_DIR).',
    );
  }
  const [application, environment] = candidate;
  const entity = await get(
    `/api/catalog/entities/by-name/application/default/${application}`,
    marc,
  );
  const version = entity.spec.versions.find(
    (v: { status: string }) => v.status === 'supported',
  ).version;
  const created = await send('post', '/api/cloud/requests', julien, {
    application,
    uai: LILLE_UAI,
    environment,
    version,
    request: { migration: false },
  });
  const name: string = created.tenant.name;
  const title: string = entity.metadata.title;

  // Amue approves and provisions: the identity step is Lille's turn.
  const stepOf = async (id: string) =>
    (await get(`/api/cloud/tenants/${name}`, marc)).steps.find(
      (s: { id: string }) => s.id === id,
    );
  await send('post', `/api/cloud/tenants/${name}/decision`, marc, {
    decision: 'approve',
    rowVersion: (await stepOf('qualification')).rowVersion,
  });
  for (const action of ['start', 'complete']) {
    await send('post', `/api/cloud/tenants/${name}/steps/provisioning`, marc, {
      action,
      rowVersion: (await stepOf('provisioning')).rowVersion,
    });
  }
  const identity = await stepOf('identity');
  expect(identity.status).toBe('todo');
  expect(identity.dueDate).not.toBeNull();

  // Time moves two days past the due date; the task runs.
  const moved = new Date(Date.parse(identity.dueDate) + 2 * DAY);
  await send('put', '/api/cloud/testing/clock', marc, {
    now: moved.toISOString(),
  });
  const trigger = await request.post(
    api(
      '/api/cloud/.backstage/scheduler/v1/tasks/cloud-onboarding-reminders/trigger',
    ),
    { headers: { Authorization: marc } },
  );
  expect(trigger.status(), await trigger.text()).toBe(200);

  // Julien's reminder, in French.
  const expectedTitle = `Étape en retard : ${title} (${environment})`;
  await expect
    .poll(
      async () =>
        (
          await get('/api/notifications/notifications?limit=50', julien)
        ).notifications
          .map((n: { payload: { title: string } }) => n.payload.title)
          .find((t: string) => t.startsWith(expectedTitle)) ?? '',
      { timeout: 60_000, intervals: [1_000] },
    )
    .toContain('Université de Lille');

  // The browser's time moves too: the pages compare due dates with it.
  await page.clock.setFixedTime(moved);
  await signInAs(page, 'Julien Lefebvre');

  // Home: "À faire" (the top of the page) lists the late identity step
  // among the late lines, which come first, in words, leading to the step.
  const list = page
    .getByRole('region', { name: 'À faire' })
    .getByRole('list', { name: 'À faire' });
  const lines = list.getByRole('listitem');
  const line = list.locator(`li[data-tenant="${name}"][data-step="identity"]`);
  await expect(async () => {
    if ((await line.count()) === 0) {
      await page.reload();
    }
    await expect(line).toHaveCount(1, { timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
  await expect(line.locator('[data-overdue="true"]')).toHaveText(
    /^En retard de 2 jours/,
  );
  const flags = await lines.evaluateAll(items =>
    items.map(item => ({
      tenant: item.getAttribute('data-tenant'),
      overdue: item.querySelector('[data-overdue="true"]') !== null,
    })),
  );
  const index = flags.findIndex(f => f.tenant === name);
  expect(index).toBeGreaterThanOrEqual(0);
  expect(flags.slice(0, index + 1).every(f => f.overdue)).toBe(true);
  await line.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('home.png') });
  await line
    .getByRole('link', {
      name: /Ouvrir l'accompagnement à cette étape$/,
    })
    .click();
  await expect(page).toHaveURL(
    new RegExp(`/cloud/tenants/${name}#step-identity$`),
  );

  await page.goto('/notifications');
  const reminder = page.getByText(expectedTitle).first();
  await expect(reminder).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('notifications.png') });
});
