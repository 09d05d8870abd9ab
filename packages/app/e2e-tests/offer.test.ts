import { expect, test } from '@playwright/test';
import { signInAs } from './personas';
import { expectAccessible } from './support';

/*
 * The offer page (issue 15): the applications Amue offers as a service as
 * cards — availability, environments, supported versions, prerequisites,
 * documentation — each with "Demander une instance" opening the request
 * form with the application filled in.
 */

test('the home page leads to the offer, one card per application offered as a service', async ({
  page,
}, testInfo) => {
  await signInAs(page, 'Claire Dubois');
  await page.getByRole('link', { name: 'Ouvrir : Offre de services' }).click();
  await expect(page).toHaveURL(/\/cloud\/offer$/);
  await expect(
    page.getByRole('heading', {
      name: 'Applications proposées en mode service',
    }),
  ).toBeVisible();

  // Available, pilot and planned applications (catalog/applications): ten;
  // those not offered (Apogée, Harpège, ROF) have no card.
  // The cards: articles named by their title (the page's content is an
  // article too).
  const cards = page.locator('article[aria-labelledby]');
  const titles = page.getByRole('heading', { level: 3 });
  await expect(titles).toHaveCount(10);
  await expect(titles).toHaveText([
    'Pégase',
    'SIFAC',
    'SIFAC Démat',
    'Sinchro',
    'Caplab',
    'SIHAM',
    'SINAPS',
    'Dialog',
    'Geslab',
    'SIHAM PMS',
  ]);
  for (const absent of ['Apogée', 'Harpège', 'ROF']) {
    await expect(
      page.getByRole('heading', { name: absent, exact: true }),
    ).toHaveCount(0);
  }
  await expect(cards).toHaveCount(10);

  // SIFAC's card: availability, environments and versions in words, its
  // prerequisites, its documentation.
  const sifac = page.getByRole('article', { name: 'SIFAC', exact: true });
  await expect(sifac.getByText('Disponible', { exact: true })).toBeVisible();
  for (const environment of [
    'Production',
    'Pré-production',
    'Formation',
    'Test',
  ]) {
    await expect(sifac.getByText(environment, { exact: true })).toBeVisible();
  }
  await expect(sifac.getByText('2026.2 (Maintenue)')).toBeVisible();
  await expect(sifac.getByText('2025.2 (Dépréciée)')).toBeVisible();
  // End-of-life versions are not offered.
  await expect(sifac.getByText(/^2025\.1/)).toHaveCount(0);
  await expect(
    sifac.getByText(/convention de service avec l'Amue est signée/),
  ).toBeVisible();
  await expect(
    sifac.getByRole('link', { name: 'Documentation de SIFAC' }),
  ).toHaveAttribute('href', '/docs/default/application/sifac');

  // A planned application cannot be requested yet, and says so.
  const dialog = page.getByRole('article', { name: 'Dialog', exact: true });
  await expect(dialog.getByText('Prévue', { exact: true })).toBeVisible();
  await expect(
    dialog.getByText('Pas encore ouverte aux demandes'),
  ).toBeVisible();
  await expect(dialog.getByRole('link', { name: /Demander/ })).toHaveCount(0);
  await expect(
    page.getByRole('link', { name: /^Demander une instance de / }),
  ).toHaveCount(7);

  await page.screenshot({
    path: testInfo.outputPath('offer.png'),
    fullPage: true,
  });
  await expectAccessible(page, 'the offer page');

  // "Demander une instance" opens the form with SIFAC filled in.
  await sifac
    .getByRole('link', { name: 'Demander une instance de SIFAC' })
    .click();
  await expect(page).toHaveURL(
    /\/create\/templates\/default\/demander-une-instance/,
  );
  await expect(page.getByRole('textbox', { name: /Application/ })).toHaveValue(
    'SIFAC',
  );
});

// English mode is checked by the page's unit test (OfferPage.test.tsx): the
// language is stored per user, and app.test.ts is the one browser test
// that switches it.
test('the offer is in the sidebar', async ({ page }) => {
  await signInAs(page, 'Sophie Bernard');
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Offre de services', exact: true })
    .click();
  await expect(page).toHaveURL(/\/cloud\/offer$/);
  await expect(
    page.getByRole('heading', { name: 'SIFAC', exact: true }),
  ).toBeVisible();
});
