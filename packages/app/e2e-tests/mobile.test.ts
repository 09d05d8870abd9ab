import {
  APIRequestContext,
  Browser,
  Locator,
  expect,
  test,
} from '@playwright/test';
import { signInAs } from './personas';
import { api, expectAccessible, tokenOf } from './support';

/*
 * The portal on a phone, 390 × 844 px (issue 15): Mes instances shows
 * "Prochaine action" of every instance; the request button does not cover
 * the page's subtitle; the menu's labels show in full; the notifications
 * and their unread count are in the bottom bar. Every check measures what
 * the browser laid out (bounding boxes), and axe checks the pages.
 */

// Several pages and personas in one journey.
test.setTimeout(150_000);

const PHONE = { width: 390, height: 844 };

async function phonePage(browser: Browser, baseURL: string, name: string) {
  const context = await browser.newContext({
    baseURL,
    locale: 'fr-FR',
    viewport: PHONE,
  });
  const page = await context.newPage();
  await signInAs(page, name);
  return page;
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, `${locator} has a box`).not.toBeNull();
  return b!;
}

/** Within the phone's width, and with no part off the screen sideways. */
async function expectOnScreen(locator: Locator) {
  const b = await box(locator);
  expect(b.x, `${locator} starts on the screen`).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width, `${locator} ends on the screen`).toBeLessThanOrEqual(
    PHONE.width,
  );
}

function overlap(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) {
  return (
    a.x < b.x + b.width &&
    b.x < a.x + a.width &&
    a.y < b.y + b.height &&
    b.y < a.y + a.height
  );
}

/**
 * A request filed by Marc for an establishment without SIFAC, so that
 * Sophie (SIFAC's product owner) has an unread notification.
 */
async function newRequestForSophie(request: APIRequestContext) {
  const marc = await tokenOf(request, 'marc.petit');
  const tenants = await request.get(
    api('/api/cloud/tenants?application=sifac&limit=500'),
    { headers: { Authorization: marc } },
  );
  const taken = new Set(
    ((await tenants.json()).items as any[]).map(t => t.establishment),
  );
  const groups = await request.get(
    api(
      '/api/catalog/entities/by-query?filter=kind=group,spec.type=establishment&fields=metadata.name,metadata.annotations&limit=500',
    ),
    { headers: { Authorization: marc } },
  );
  const free = ((await groups.json()).items as any[])
    .filter(
      g =>
        g.metadata.annotations?.['cloud.amue.fr/uai'] &&
        !taken.has(g.metadata.name),
    )
    // The highest UAI: its tenant lists after the demo's in the catalog.
    .sort((a, b) => b.metadata.name.localeCompare(a.metadata.name));
  expect(free.length).toBeGreaterThan(0);
  const res = await request.post(api('/api/cloud/requests'), {
    headers: { Authorization: marc },
    data: {
      application: 'sifac',
      uai: free[0].metadata.annotations['cloud.amue.fr/uai'],
      environment: 'formation',
      version: '2026.2',
      request: { migration: false },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
}

test('Mes instances on a phone: every column, the subtitle uncovered', async ({
  browser,
  baseURL,
}, testInfo) => {
  const page = await phonePage(browser, baseURL!, 'Claire Dubois');
  await page.goto('/cloud/instances');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Mes instances' }),
  ).toBeVisible();

  // The request button and the subtitle: both shown, apart.
  const subtitle = page.getByText(
    'Les instances hébergées de votre établissement, de la demande à la mise en production',
  );
  const button = page.getByRole('link', { name: 'Demander une instance' });
  await expect(subtitle).toBeVisible();
  await expect(button).toBeVisible();
  expect(overlap(await box(subtitle), await box(button))).toBe(false);
  await expectOnScreen(button);

  // Each instance with its next move, on the screen.
  const list = page.getByRole('list', { name: /Instances hébergées/ });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  const items = await list.getByRole('listitem').all();
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) {
    const label = item.getByText('Prochaine action', { exact: true });
    await item.scrollIntoViewIfNeeded();
    await expect(label).toBeVisible();
    await expectOnScreen(label);
    await expectOnScreen(item.locator('dd').nth(3));
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath('instances-390.png') });
  // The bottom bar's notifications entry is left out: with unread
  // notifications its visible text is the badge's count ("1") and its name
  // "Notifications (1)" (the count included), which axe's
  // label-content-name-mismatch reports; recorded in docs/decisions.md.
  await expectAccessible(
    page,
    'Mes instances at 390 px',
    undefined,
    '.MuiBottomNavigation-root a[aria-label^="Notifications"]',
  );
  await page.context().close();
});

test('the menu and the notifications on a phone', async ({
  browser,
  baseURL,
  request,
}, testInfo) => {
  await newRequestForSophie(request);
  const page = await phonePage(browser, baseURL!, 'Sophie Bernard');

  // The bottom bar: the notifications with their unread count, in the name
  // and shown; no two entries on top of each other.
  const bar = page.locator('.MuiBottomNavigation-root');
  const notifications = bar.getByRole('button', {
    name: /^Notifications \(\d+\)$/,
  });
  await expect(notifications).toBeVisible();
  const count = (await notifications.getAttribute('aria-label'))!.match(
    /\d+/,
  )![0];
  await expect(notifications.locator('.MuiBadge-badge')).toHaveText(count);
  await expect(notifications.locator('.MuiBadge-badge')).toBeVisible();
  await expectOnScreen(notifications);
  const entries = await bar.getByRole('button').all();
  expect(entries.length).toBeGreaterThanOrEqual(4);
  const boxes = await Promise.all(entries.map(e => box(e)));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect(overlap(boxes[i], boxes[j]), `bottom bar ${i} / ${j}`).toBe(false);
    }
  }
  await page.screenshot({ path: testInfo.outputPath('home-390.png') });

  // The menu: every label in full, none cut off.
  await bar.getByRole('button', { name: 'Menu' }).click();
  const menu = page.getByRole('navigation').last();
  for (const name of [
    'Accueil',
    'Catalogue',
    'Mes instances',
    'Demandes',
    'Nouvelle demande',
    'Documentation',
    'Adoption',
  ]) {
    const link = menu.getByRole('link', { name, exact: true });
    await expect(link).toBeVisible();
    await expectOnScreen(link);
    const text = link.getByText(name, { exact: true });
    await expect(text).toBeVisible();
    const clipped = await text.evaluate(
      el => el.scrollWidth > el.clientWidth + 1,
    );
    expect(clipped, `${name} is shown in full`).toBe(false);
  }
  await page.screenshot({ path: testInfo.outputPath('menu-390.png') });
  // The menu's close button comes unnamed from Backstage's MobileSidebar
  // (core-components, no prop to name it): left out, and reported.
  await expectAccessible(
    page,
    'the menu at 390 px',
    undefined,
    '.MuiDrawer-paperAnchorBottom .MuiIconButton-root',
  );

  // The notifications entry leads to them.
  await page.keyboard.press('Escape');
  await page.goto('/');
  await notifications.click();
  await expect(page).toHaveURL(/\/notifications/);
  await page.context().close();
});
