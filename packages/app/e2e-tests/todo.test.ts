import { APIRequestContext, Page, expect, test } from '@playwright/test';
import fs from 'node:fs/promises';
import { signInAs } from './personas';
import { api, expectAccessible, tokenOf } from './support';

/*
 * "À faire" at the top of the home page, per persona, on the demo data
 * (plugins/cloud-backend-module-demo-data), and the incentive envelope of the
 * adoption page (cloud.funding.envelopeEur of app-config.yaml). The lines
 * shown are compared with what the backend answers the same persona
 * (`GET /api/cloud/todo`): other tests may move the demo tenants meanwhile,
 * so the figures are read, not assumed.
 */

type TodoList = {
  role: string;
  total: number;
  items: Array<{
    kind: string;
    tenant: string;
    step: string;
    establishment: string;
  }>;
};

async function todoOf(
  request: APIRequestContext,
  user: string,
): Promise<TodoList> {
  const res = await request.get(api('/api/cloud/todo'), {
    headers: { authorization: await tokenOf(request, user) },
  });
  expect(res.status()).toBe(200);
  return res.json();
}

/**
 * The lines of "À faire" are those the backend answers the persona: other
 * tests may change the demo tenants meanwhile, so both are read again
 * until they agree (the page follows the changes through signals; a
 * reload covers a signal missed).
 */
async function expectLinesOfBackend(
  page: Page,
  request: APIRequestContext,
  user: string,
) {
  const lines = todoCard(page)
    .getByRole('list', { name: 'À faire' })
    .getByRole('listitem');
  let expected: TodoList | undefined;
  await expect(async () => {
    expected = await todoOf(request, user);
    if ((await lines.count()) !== expected.items.length) {
      await page.reload();
    }
    await expect(lines).toHaveCount(expected.items.length, { timeout: 5000 });
  }).toPass({ timeout: 45_000 });
  return { lines, expected: expected! };
}

/** The "À faire" card of the home page. */
function todoCard(page: Page) {
  return page.getByRole('region', { name: 'À faire' });
}

test('Claire finds the steps waiting on Bordeaux first on her home page, each leading to its step', async ({
  page,
  request,
}, testInfo) => {
  const expected = await todoOf(request, 'claire.dubois');
  expect(expected.role).toBe('establishment');
  // Bordeaux's own lines only.
  expect(expected.items.every(i => i.establishment === 'etab-0333298f')).toBe(
    true,
  );
  expect(expected.items.length).toBeGreaterThan(0);

  await signInAs(page, 'Claire Dubois');
  const card = todoCard(page);
  await expect(
    card.getByText(
      'Les étapes qui attendent votre établissement, les retards en premier.',
    ),
  ).toBeVisible();
  // "À faire" comes before the entry points.
  const headings = await page.getByRole('heading').allTextContents();
  expect(headings.indexOf('À faire')).toBeLessThan(
    headings.indexOf('Par où commencer'),
  );
  const { lines, expected: shown } = await expectLinesOfBackend(
    page,
    request,
    'claire.dubois',
  );
  const first = shown.items[0];
  const link = lines.first().getByRole('link');
  await expect(link).toHaveAttribute(
    'href',
    `/cloud/tenants/${first.tenant}#step-${first.step}`,
  );
  await page.screenshot({
    path: testInfo.outputPath('todo-claire-fr.png'),
    fullPage: true,
  });
  await expectAccessible(page, 'the home page with À faire', 'main');

  await link.click();
  await expect(page).toHaveURL(
    new RegExp(`/cloud/tenants/${first.tenant}#step-${first.step}$`),
  );
  await expect(page.locator(`li#step-${first.step}`)).toBeVisible();
});

test('Julien is told that nothing waits on Lille, and sees nothing of Bordeaux', async ({
  page,
  request,
}) => {
  const expected = await todoOf(request, 'julien.lefebvre');
  expect(expected.role).toBe('establishment');
  expect(JSON.stringify(expected)).not.toContain('0333298f');
  await signInAs(page, 'Julien Lefebvre');
  const card = todoCard(page);
  await expect(
    card.getByText(/^Les étapes qui attendent votre établissement/),
  ).toBeVisible();
  await expect(card).not.toContainText('0333298f');
  await expectLinesOfBackend(page, request, 'julien.lefebvre');
});

test('Sophie finds the requests to qualify, with their age, and the steps on Amue’s side', async ({
  page,
  request,
}, testInfo) => {
  const expected = await todoOf(request, 'sophie.bernard');
  expect(expected.role).toBe('product-owner');
  const requests = expected.items.filter(i => i.kind === 'request');
  expect(requests.length).toBeGreaterThan(0);

  await signInAs(page, 'Sophie Bernard');
  const { lines, expected: shown } = await expectLinesOfBackend(
    page,
    request,
    'sophie.bernard',
  );
  const requestLines = lines.filter({ hasText: 'Qualifier la demande' });
  await expect(requestLines).toHaveCount(
    shown.items.filter(i => i.kind === 'request').length,
  );
  await expect(requestLines.first()).toContainText(
    /Demandée (il y a \d+ jours?|aujourd'hui)/,
  );
  await expect(requestLines.first().getByRole('link')).toHaveAttribute(
    'href',
    '/cloud/requests',
  );
  await page.screenshot({
    path: testInfo.outputPath('todo-sophie-fr.png'),
    fullPage: true,
  });
});

test('Marc finds the blocked and overdue steps of every establishment', async ({
  page,
  request,
}, testInfo) => {
  const expected = await todoOf(request, 'marc.petit');
  expect(expected.role).toBe('administrator');
  expect(expected.items.length).toBeGreaterThan(0);
  expect(
    new Set(expected.items.map(i => i.establishment)).size,
  ).toBeGreaterThan(1);

  await signInAs(page, 'Marc Petit');
  const { lines } = await expectLinesOfBackend(page, request, 'marc.petit');
  await expect(lines.filter({ hasText: /^.*Bloquée/ }).first()).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('todo-marc-fr.png'),
    fullPage: true,
  });
});

test('Marc reads the incentive envelope against the funding, on the page and in its CSV', async ({
  page,
  request,
}, testInfo) => {
  const res = await request.get(api('/api/cloud/reports/adoption'), {
    headers: { authorization: await tokenOf(request, 'marc.petit') },
  });
  const { envelope } = await res.json();
  expect(envelope).toMatchObject({ envelopeEur: 12000000, programme: true });
  expect(envelope.remainingEur).toBe(
    envelope.envelopeEur - envelope.grantedEur,
  );

  await signInAs(page, 'Marc Petit');
  await page.goto('/cloud/adoption');
  // the innermost section holding the heading: the report's own
  const section = page
    .locator('section', {
      has: page.getByRole('heading', {
        level: 2,
        name: 'Enveloppe incitative',
      }),
    })
    .last();
  await expect(section).toBeVisible();
  const figure = (term: string) =>
    section
      .locator('dl > div', { has: page.getByText(term, { exact: true }) })
      .locator('dd');
  const euros = (value: number) =>
    new Intl.NumberFormat('fr-FR', {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: 0,
    }).format(value);
  await expect(figure('Enveloppe du programme')).toHaveText(
    euros(envelope.envelopeEur),
  );
  await expect(figure('Reste à accorder')).toHaveText(
    euros(envelope.remainingEur),
  );
  await expect(
    section.getByRole('table', { name: 'Financements par établissement' }),
  ).toContainText(envelope.establishments[0].title);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Étapes en retard' }),
  ).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: testInfo.outputPath('envelope-fr.png') });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    section
      .getByRole('button', {
        name: 'Exporter en CSV brut (pour les programmes) : Enveloppe incitative',
      })
      .click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^amue-cloud-enveloppe-incitative-\d{4}-\d{2}-\d{2}-raw\.csv$/,
  );
  const csv = await fs.readFile((await download.path())!, 'utf8');
  expect(csv).toContain(
    'scope,name,title,uai,grantedEur,paidEur,envelopeShare',
  );
  expect(csv).toContain(
    `establishment,${envelope.establishments[0].establishment},`,
  );
});
