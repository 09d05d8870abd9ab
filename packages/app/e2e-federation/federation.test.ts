import { Browser, Page, expect, test } from '@playwright/test';
import accounts from './accounts.json';
import { requestThroughForm } from '../e2e-tests/support';

/*
 * Sign-in of real establishments, on the production build with
 * app-config.production.yaml on PostgreSQL (scripts/stage-federation.sh):
 * every person signs in through the test OpenID provider's own login page
 * (idp.mjs, the accounts of accounts.json), as establishment staff would
 * through the RENATER federation and an OIDC bridge. The journeys build on
 * each other and run in order, on one portal.
 */

const BORDEAUX = 'etab-0333298f';
const LILLE = 'etab-0597239y';

/** The tenant Jean requests (none in the demo data). */
const REQUESTED = {
  application: 'sifac',
  environment: 'test',
  name: 'sifac-0333298f-test',
};

type Login = keyof typeof accounts;

/**
 * Opens the portal in a new browser context and signs in as `login` on the
 * provider's login page, which the portal opens in a popup.
 */
async function signIn(browser: Browser, baseURL: string, login: Login) {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
  const page = await context.newPage();
  const popupOpened = page.waitForEvent('popup');
  await page.goto('/');
  const popup = await popupOpened;
  await popup.locator('input[name="login"]').fill(login);
  await popup.locator('input[name="password"]').fill('any password');
  await popup.getByRole('button', { name: 'Sign-in' }).click();
  return page;
}

/**
 * The home page shows, and the session is the expected identity (the
 * greeting's name comes from the catalog User, which a first sign-in
 * creates a moment later).
 */
async function expectSignedIn(page: Page, userEntityRef: string) {
  await expect(
    page.getByRole('heading', { name: 'Portail Amue Cloud', level: 1 }),
  ).toBeVisible();
  const res = await page.request.get(
    '/api/auth/oidc/refresh?optional&env=production',
    { headers: { 'x-requested-with': 'XMLHttpRequest' } },
  );
  expect(res.status()).toBe(200);
  expect((await res.json()).backstageIdentity.identity.userEntityRef).toBe(
    userEntityRef,
  );
}

/** The Backstage token of the page's session (its refresh cookie). */
async function tokenOf(page: Page): Promise<string> {
  const res = await page.request.get(
    '/api/auth/oidc/refresh?optional&env=production',
    { headers: { 'x-requested-with': 'XMLHttpRequest' } },
  );
  expect(res.status()).toBe(200);
  return `Bearer ${(await res.json()).backstageIdentity.token}`;
}

/** The establishments of the tenants the page's user reads in the API. */
async function establishmentsSeen(page: Page): Promise<string[]> {
  const res = await page.request.get('/api/cloud/tenants?limit=500', {
    headers: { Authorization: await tokenOf(page) },
  });
  expect(res.status()).toBe(200);
  const items: Array<{ establishment: string }> = (await res.json()).items;
  return [...new Set(items.map(t => t.establishment))].sort();
}

/** Tenant names shown on "Mes instances". */
async function myInstances(page: Page): Promise<string[]> {
  await page.goto('/cloud/instances');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Mes instances' }),
  ).toBeVisible();
  const table = page.getByRole('table', { name: 'Instances hébergées' });
  await expect(table.getByRole('rowheader').first()).toBeVisible();
  const text = (await table.getByRole('rowheader').allInnerTexts()).join(' ');
  return [...new Set(text.match(/[a-z-]+-\d{7}[a-z]-[a-z]+/g) ?? [])];
}

test.describe.configure({ mode: 'serial' });

test('the demonstration sign-in does not exist in production', async ({
  request,
}) => {
  const res = await request.get('/api/auth/dev/refresh', {
    headers: {
      'x-amue-dev-user': 'marc.petit',
      'x-requested-with': 'XMLHttpRequest',
    },
  });
  expect(res.status()).toBe(404);
});

test('Bordeaux staff, absent from the catalog, lands on Bordeaux instances and requests one', async ({
  browser,
  baseURL,
}) => {
  const page = await signIn(browser, baseURL!, 'jean.martin');
  await expectSignedIn(page, 'user:default/jean.martin_u-bordeaux.fr');

  // The demo tenants of Bordeaux, and only them.
  let names: string[] = [];
  await expect
    .poll(async () => (names = await myInstances(page)).length, {
      timeout: 120_000,
    })
    .toBeGreaterThan(0);
  expect(names.filter(n => !n.includes('-0333298f-'))).toEqual([]);
  expect(await establishmentsSeen(page)).toEqual([BORDEAUX]);

  // Jean requests an instance; the form fixes his establishment.
  await requestThroughForm(page, REQUESTED);
  expect(await myInstances(page)).toContain(REQUESTED.name);
  await page.context().close();
});

test('Bordeaux staff known by a former UAI sees Bordeaux instances', async ({
  browser,
  baseURL,
}) => {
  const page = await signIn(browser, baseURL!, 'paul.lambert');
  await expectSignedIn(page, 'user:default/paul.lambert_u-bordeaux.fr');
  const names = await myInstances(page);
  expect(names).toContain(REQUESTED.name);
  expect(names.filter(n => !n.includes('-0333298f-'))).toEqual([]);
  expect(await establishmentsSeen(page)).toEqual([BORDEAUX]);
  await page.context().close();
});

test('Lille staff sees only Lille instances and requests for Lille', async ({
  browser,
  baseURL,
}) => {
  const page = await signIn(browser, baseURL!, 'anne.roux');
  await expectSignedIn(page, 'user:default/anne.roux_univ-lille.fr');
  const names = await myInstances(page);
  expect(names.length).toBeGreaterThan(0);
  expect(names.filter(n => !n.includes('-0597239y-'))).toEqual([]);
  expect(await establishmentsSeen(page)).toEqual([LILLE]);

  await page.goto('/create/templates/default/demander-une-instance');
  const establishment = page.getByRole('textbox', { name: /Établissement/ });
  await expect(establishment).toHaveValue('Université de Lille (0597239Y)');
  await expect(establishment).toBeDisabled();
  await page.context().close();
});

test('a student of Bordeaux is refused, with the reason', async ({
  browser,
  baseURL,
}) => {
  const page = await signIn(browser, baseURL!, 'emma.petit');
  await expect(page.getByRole('alert')).toHaveText(
    'Connexion refusée : le portail est réservé aux personnels des établissements ; votre affiliation (member, student) ne permet pas de vous connecter.',
  );
  await expect(page.getByText('Mes instances')).toHaveCount(0);
  await page.context().close();
});

test('staff of an establishment that is not a member is refused, naming its UAI', async ({
  browser,
  baseURL,
}) => {
  const page = await signIn(browser, baseURL!, 'louis.garnier');
  await expect(page.getByRole('alert')).toHaveText(
    "Connexion refusée : l'établissement 0999999F n'est pas un établissement membre du portail. Contactez l'Amue si votre établissement devrait y figurer.",
  );
  await page.context().close();
});

test('the SIFAC product owner, a catalog User, approves the request of Bordeaux; Jean is notified', async ({
  browser,
  baseURL,
}) => {
  const sophie = await signIn(browser, baseURL!, 'sophie.bernard');
  await expectSignedIn(sophie, 'user:default/sophie.bernard');
  await sophie.goto('/cloud/requests');
  await expect(
    sophie.getByRole('heading', { level: 1, name: 'Demandes' }),
  ).toBeVisible();
  const pending = sophie.getByRole('table', { name: 'Demandes à qualifier' });
  await expect(
    pending.getByRole('link', { name: REQUESTED.name }),
  ).toBeVisible();

  // Jean and Paul are catalog Users, members of Bordeaux.
  const authorization = await tokenOf(sophie);
  await expect
    .poll(async () => {
      const group = await sophie.request.get(
        `/api/catalog/entities/by-name/group/default/${BORDEAUX}`,
        { headers: { Authorization: authorization } },
      );
      return ((await group.json()).relations ?? [])
        .filter((r: { type: string }) => r.type === 'hasMember')
        .map((r: { targetRef: string }) => r.targetRef);
    })
    .toEqual(
      expect.arrayContaining([
        'user:default/jean.martin_u-bordeaux.fr',
        'user:default/paul.lambert_u-bordeaux.fr',
      ]),
    );

  // The request named in words: application, environment, establishment.
  const requestName = 'SIFAC (Test) — Université de Bordeaux';
  await sophie
    .getByRole('button', { name: `Accepter la demande ${requestName}` })
    .click();
  await expect(
    sophie
      .getByRole('status')
      .filter({ hasText: `Demande acceptée : ${requestName}.` }),
  ).toBeAttached();
  await sophie.context().close();

  const jean = await signIn(browser, baseURL!, 'jean.martin');
  await expectSignedIn(jean, 'user:default/jean.martin_u-bordeaux.fr');
  await jean.goto('/notifications');
  await expect(
    jean
      .getByText('Demande acceptée : SIFAC (Test) — Université de Bordeaux')
      .first(),
  ).toBeVisible();
  await jean.context().close();
});

test('signing out ends the session', async ({ browser, baseURL }) => {
  const page = await signIn(browser, baseURL!, 'anne.roux');
  await expectSignedIn(page, 'user:default/anne.roux_univ-lille.fr');
  await page.goto('/settings');
  await page
    .getByRole('button', { name: /more|plus/i })
    .first()
    .click();
  const popups: unknown[] = [];
  page.on('popup', popup => popups.push(popup));
  await page.getByRole('menuitem', { name: /Sign Out|Se déconnecter/ }).click();
  // Back on the sign-in page, which waits for a click: the provider's
  // single sign-on session does not sign Anne in again behind her back.
  await expect(
    page
      .getByText('Se connecter avec le compte de votre établissement', {
        exact: true,
      })
      .first(),
  ).toBeVisible();
  await page.waitForTimeout(3_000);
  expect(popups).toHaveLength(0);
  // The sign-in page has the portal's title too, but not its navigation.
  await expect(
    page.getByRole('link', { name: 'Mes instances', exact: true }),
  ).toHaveCount(0);
  const refresh = await page.request.get(
    '/api/auth/oidc/refresh?optional&env=production',
    { headers: { 'x-requested-with': 'XMLHttpRequest' } },
  );
  expect(refresh.status()).not.toBe(200);
  await page.context().close();
});
