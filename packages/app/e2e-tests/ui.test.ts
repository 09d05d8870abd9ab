import { Page, expect as baseExpect, test } from '@playwright/test';
import { signInAs } from './personas';

/*
 * The portal as its users see it: the page's language is declared (RGAA
 * 8.3) and no string of the other language is left on the main pages.
 */

// Pages loaded from scratch one after another, on a busy machine.
const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 240_000 });

/** Strings of Backstage or of the documentation theme left in English. */
const english = [
  'Catalog',
  'Settings',
  'Feature Flags',
  'Authentication Providers',
  'General',
  'Table of contents',
  'Next',
  'Previous',
];

/*
 * English mode (`<html lang="en">`, no French label) is checked by
 * app.test.ts's switch to English, the one test that changes a user's
 * language (stored per user, so tests switching it would collide).
 */

/** A list of strings, none shown on the page. */
async function expectNone(page: Page, strings: string[], where: string) {
  for (const text of strings) {
    await expect(
      page.getByText(text, { exact: true }),
      `"${text}" on ${where}`,
    ).toHaveCount(0);
  }
}

test('French pages say they are French and show no English label', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await signInAs(page, 'Claire Dubois');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  await page.goto('/catalog/default/application/sifac');
  await expect(page.getByText('Versions et environnements')).toBeVisible();
  await expectNone(page, english, 'the SIFAC page');

  await page.goto('/settings');
  await expect(
    page.getByRole('heading', { name: 'Paramètres', level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Général' })).toBeVisible();
  await expectNone(page, english, 'the settings page');
  await page.screenshot({ path: testInfo.outputPath('settings-fr.png') });

  await page.goto('/catalog/default/application/sifac/docs/faq/');
  await expect(
    page
      .locator('article.md-content__inner')
      .getByRole('heading', { level: 1 }),
  ).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expectNone(page, english, 'the SIFAC documentation');
  await page.screenshot({ path: testInfo.outputPath('docs-fr.png') });
});

test('Home → Catalogue lands on the applications offered as a service, kinds in French', async ({
  page,
}, testInfo) => {
  await signInAs(page, 'Claire Dubois');
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Catalogue', exact: true })
    .click();
  await expect(page).toHaveURL(/\/catalog/);
  const table = page.getByRole('table').first();
  await expect(
    table.getByRole('link', { name: 'SIFAC', exact: true }),
  ).toBeVisible();
  // Only applications: no component nor establishment listed.
  await expect(table.getByText('Portail Amue Cloud')).toHaveCount(0);
  await expect(table.getByText('Université de Bordeaux')).toHaveCount(0);

  const kind = page.getByRole('button', { name: /Applications/ }).first();
  await expect(kind).toContainText('Applications');
  await kind.click();
  const options = page.getByRole('option');
  await expect(options.first()).toHaveText('Applications');
  for (const name of ['Instances hébergées', 'Établissements et équipes']) {
    await expect(page.getByRole('option', { name, exact: true })).toBeVisible();
  }
  await expectNone(
    page,
    ['Application', 'Tenant', 'Group', 'Component'],
    'the kind menu',
  );
  await page.screenshot({ path: testInfo.outputPath('catalog-kinds-fr.png') });
});

test('/create shows the request form first and no developer tab', async ({
  page,
}, testInfo) => {
  await signInAs(page, 'Claire Dubois');
  await page.goto('/create');
  const first = page.getByRole('heading', {
    name: 'Nouvelle instance hébergée',
  });
  const then = page.getByRole('heading', { name: 'Instances déjà hébergées' });
  await expect(first).toBeVisible();
  await expect(then).toBeVisible();
  // The request form is listed first, the day-2 forms after it.
  const [firstBox, thenBox] = [
    await first.boundingBox(),
    await then.boundingBox(),
  ];
  expect(firstBox!.y).toBeLessThan(thenBox!.y);
  await expect(
    page.getByRole('heading', { name: 'Demander une instance hébergée' }),
  ).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Formulaires' })).toBeVisible();
  await expectNone(
    page,
    [
      'Template Editor',
      'Actions',
      'Templating Extensions',
      'Templates',
      'Tasks',
      'Create',
    ],
    '/create',
  );
  // French descriptions, without an English summary inside.
  await expect(page.getByText(/\(EN:/)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('create-fr.png') });
});
