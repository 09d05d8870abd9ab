import { Page, expect, test } from '@playwright/test';
import { signInAs } from './personas';
import { STEP_NAMES, api, tokenOf } from './support';

/*
 * One name per step and environments in words (issue 15): every page that
 * names onboarding steps (the onboarding page, Mes instances, Demandes, the
 * home page's "À faire", the adoption dashboards, the steps'
 * documentation) reads them from cloud-common's one list, and no page
 * shows another name (Déploiement, Identité, Migration des données...).
 * The catalog titles tenants with their environment in words.
 */

// Several pages and personas in one journey.
test.setTimeout(150_000);

/** The one name of each step (cloud-common's ONBOARDING_STEP_LABELS.fr). */
const STEP_NAME_LIST = Object.values(STEP_NAMES);

/** Other names the pages used for the same steps. */
const OTHER_NAMES: RegExp[] = [
  // "Déploiement (Argo CD)" names who acted, not a step.
  /\bDéploiement(?! \(Argo CD\))/u,
  /\bIdentité(?!\p{L})/u,
  /\bMigration des données/u,
  // The single sign-on step is "Authentification unique (SSO)".
  /Authentification unique(?!\s*\(SSO\))/u,
];

async function expectOneNamePerStep(page: Page, where: string) {
  const text = await page.locator('main').innerText();
  for (const other of OTHER_NAMES) {
    expect(text, `${where}: ${other}`).not.toMatch(other);
  }
  return text;
}

test('every page calls each step by its one name', async ({
  page: claire,
  browser,
  baseURL,
}, testInfo) => {
  let page = claire;
  await signInAs(page, 'Claire Dubois');
  // Home: "À faire" and the steps of the journey. "À faire" is drawn once
  // its list has come: wait for its first line before reading the page.
  const todoLine = new RegExp(
    `(${STEP_NAME_LIST.map(n => n.replace(/[()]/g, '\\$&')).join('|')}) : `,
  );
  await expect(page.locator('main')).toContainText(todoLine);
  const home = await expectOneNamePerStep(page, 'home');
  expect(home).toContain('Provisionnement, authentification unique (SSO)');
  expect(home).toMatch(todoLine);

  await page.goto('/cloud/instances');
  await expect(page.getByRole('table')).toBeVisible();
  await expectOneNamePerStep(page, 'Mes instances');

  await page.goto('/cloud/tenants/siham-0333298f-preproduction');
  await expect(
    page.getByRole('heading', { name: '1. Demande', exact: true }),
  ).toBeVisible();
  await expectOneNamePerStep(page, 'the onboarding page');
  for (const [index, name] of STEP_NAME_LIST.entries()) {
    await expect(
      page.getByRole('heading', { name: `${index + 1}. ${name}`, exact: true }),
    ).toBeVisible();
  }
  await page.screenshot({
    path: testInfo.outputPath('onboarding-steps.png'),
    fullPage: true,
  });

  // The steps' documentation: one heading per step, the same names.
  await page.goto('/docs/default/application/siham/accompagnement/');
  for (const [index, name] of STEP_NAME_LIST.entries()) {
    await expect(
      page.getByRole('heading', { name: `${index + 1}. ${name}`, exact: true }),
    ).toBeVisible();
  }

  // Sophie, in a browser of her own.
  const sophie = await browser.newContext({ baseURL, locale: 'fr-FR' });
  page = await sophie.newPage();
  await signInAs(page, 'Sophie Bernard');
  await page.goto('/cloud/requests');
  await expect(
    page.getByRole('table', { name: 'Instances bloquées' }),
  ).toBeVisible();
  await expectOneNamePerStep(page, 'Demandes');

  await page.goto('/cloud/adoption');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('Recette').first()).toBeVisible();
  await expectOneNamePerStep(page, 'Adoption');
  await sophie.close();
});

test('the catalog titles tenants with their environment in words', async ({
  page,
  request,
}) => {
  const marc = await tokenOf(request, 'marc.petit');
  const res = await request.get(
    api(
      '/api/catalog/entities/by-query?filter=kind=tenant&fields=metadata.title,spec.environment&limit=500',
    ),
    { headers: { Authorization: marc } },
  );
  expect(res.status()).toBe(200);
  const items = (await res.json()).items as any[];
  expect(items.length).toBeGreaterThan(0);
  const words: Record<string, string> = {
    production: 'Production',
    preproduction: 'Pré-production',
    formation: 'Formation',
    test: 'Test',
  };
  for (const item of items) {
    expect(item.metadata.title).toMatch(
      new RegExp(`\\(${words[item.spec.environment]}\\)$`),
    );
    expect(item.metadata.title).not.toMatch(
      /\((production|preproduction|formation|test)\)/,
    );
  }

  // The tenant's page is titled the same way.
  await signInAs(page, 'Marc Petit');
  await page.goto('/catalog/default/tenant/siham-0333298f-preproduction');
  await expect(
    page.getByRole('heading', {
      name: 'SIHAM — Université de Bordeaux (Pré-production)',
    }),
  ).toBeVisible();
});
