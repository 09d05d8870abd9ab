import { expect, test } from '@playwright/test';
import { personas, signInAs } from './personas';
import {
  FRENCH_STRINGS,
  expectAccessible,
  stringsOfOtherLanguage,
} from './support';

test('the portal opens in French on its sign-in page', async ({ page }) => {
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: 'Connexion au Portail Amue Cloud' }),
  ).toBeVisible();
  await expect(page).toHaveTitle(/Portail Amue Cloud/);
  for (const persona of personas) {
    await expect(
      page.getByRole('button', {
        name: `Se connecter en tant que ${persona.name}`,
      }),
    ).toBeVisible();
  }
});

for (const persona of personas) {
  test(`${persona.name} signs in and sees their own name`, async ({ page }) => {
    await signInAs(page, persona.name);
    await expect(page.getByText(`Bonjour, ${persona.name}`)).toBeVisible();
    for (const other of personas.filter(p => p !== persona)) {
      await expect(page.getByText(`Bonjour, ${other.name}`)).toHaveCount(0);
    }
  });
}

test('the home page offers the portal entry points, in French', async ({
  page,
}) => {
  await signInAs(page, 'Claire Dubois');
  await expect(
    page.getByRole('heading', { name: 'Par où commencer' }),
  ).toBeVisible();
  for (const [title, href] of [
    ['Offre de services', '/cloud/offer'],
    ['Demander une instance', '/create'],
    ['Mes instances', '/cloud/instances'],
    ['Documentation', '/docs'],
  ]) {
    await expect(
      page.getByRole('link', { name: `Ouvrir : ${title}` }),
    ).toHaveAttribute('href', href);
  }
  const nav = page.getByRole('navigation');
  for (const entry of [
    'Accueil',
    'Offre de services',
    'Catalogue',
    'Nouvelle demande',
    'Documentation',
  ]) {
    await expect(
      nav.getByRole('link', { name: entry, exact: true }),
    ).toBeVisible();
  }
  // The shell of every page (sidebar, logo, header) is checked here.
  await expectAccessible(page, 'the home page');
});

test('a user can switch the portal to English and back', async ({ page }) => {
  await signInAs(page, 'Julien Lefebvre');
  await page.goto('/settings');
  await page.getByText('Français', { exact: true }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: 'Where to start' }),
  ).toBeVisible();
  await expect(page.getByText('Hello, Julien Lefebvre')).toBeVisible();
  // The page says it is English (RGAA 8.3) and shows no French label.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByText('Mode service portal')).toBeVisible();
  // No French string of the checked list (support.ts) on the home page nor
  // on the offer: short, as Julien is English for other tests meanwhile.
  expect(await stringsOfOtherLanguage(page, FRENCH_STRINGS)).toEqual([]);
  await page.goto('/cloud/offer');
  await expect(
    page.getByRole('heading', { name: 'Applications offered as a service' }),
  ).toBeVisible();
  expect(await stringsOfOtherLanguage(page, FRENCH_STRINGS)).toEqual([]);
  await page.goto('/settings');
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('option', { name: 'Français' }).click();
  await page.goto('/');
  await expect(
    page.getByRole('heading', { name: 'Par où commencer' }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

test('signing out returns to the persona choice', async ({ page }) => {
  await signInAs(page, 'Marc Petit');
  await page.goto('/settings');
  await page
    .getByRole('button', { name: /more|plus/i })
    .first()
    .click();
  await page.getByRole('menuitem', { name: /Sign Out|Se déconnecter/ }).click();
  await expect(
    page.getByRole('heading', { name: 'Connexion au Portail Amue Cloud' }),
  ).toBeVisible();
});
