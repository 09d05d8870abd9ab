import { Page, expect as baseExpect, test } from '@playwright/test';
import { signInAs } from './personas';
import { ENGLISH_STRINGS, stringsOfOtherLanguage } from './support';

/*
 * The portal works on a network that reaches nothing but the portal (an
 * intranet, a strict proxy): no page asks another host for anything (fonts,
 * scripts, images), so nothing waits forever and no reader's address leaves
 * for a third party.
 *
 * Every request to another origin is recorded and left unanswered, as a
 * firewall that drops packets would: a page that waits for one of them
 * stays blank and fails its own check below.
 */

// Pages loaded from scratch one after another, on a busy machine.
const expect = baseExpect.configure({ timeout: 60_000 });

/** The TechDocs reader shows its content: heading visible, no progress bar. */
async function expectDocumentation(page: Page, heading: RegExp) {
  await expect(
    page.locator('article.md-content__inner').getByRole('heading', {
      name: heading,
      level: 1,
    }),
  ).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0, {
    timeout: 30_000,
  });
}

/** Records, and never answers, every request leaving the portal's origin. */
async function recordOutsideRequests(page: Page, baseURL: string) {
  const origin = new URL(baseURL).origin;
  const outside: string[] = [];
  await page.context().route(
    url => url.origin !== origin && !url.protocol.startsWith('data'),
    route => {
      outside.push(`${route.request().method()} ${route.request().url()}`);
      // Dropped: neither answered nor refused.
    },
  );
  return outside;
}

// Many pages, each loaded from scratch: more than the default minute.
test.describe.configure({ timeout: 420_000 });

const pages: { path: string; shows: (page: Page) => Promise<void> }[] = [
  {
    path: '/',
    shows: page =>
      expect(
        page.getByRole('heading', { name: 'Par où commencer' }),
      ).toBeVisible(),
  },
  {
    path: '/cloud/offer',
    shows: page =>
      expect(
        page.getByRole('heading', { name: 'SIFAC', exact: true }),
      ).toBeVisible(),
  },
  {
    path: '/catalog',
    shows: page => expect(page.getByRole('table').first()).toBeVisible(),
  },
  {
    path: '/catalog/default/application/sifac',
    shows: page =>
      expect(page.getByText('Versions et environnements')).toBeVisible(),
  },
  {
    path: '/catalog/default/application/sifac/docs',
    shows: page => expectDocumentation(page, /SIFAC/),
  },
  {
    path: '/docs',
    shows: page =>
      expect(
        page.getByRole('link', { name: 'Portail Amue Cloud' }).first(),
      ).toBeVisible(),
  },
  {
    path: '/create',
    shows: page =>
      expect(
        page.getByRole('heading', { name: /Demander une instance hébergée/ }),
      ).toBeVisible(),
  },
  {
    path: '/cloud/instances',
    shows: page =>
      expect(
        page.getByRole('heading', { name: 'Mes instances', level: 1 }),
      ).toBeVisible(),
  },
  {
    path: '/cloud/requests',
    shows: page =>
      expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible(),
  },
  {
    path: '/cloud/adoption',
    shows: page =>
      expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible(),
  },
  {
    path: '/catalog/default/group/etab-0333298f',
    shows: page =>
      expect(page.getByText(/a pour membre|membre de/).first()).toBeVisible(),
  },
  {
    path: '/notifications',
    shows: page =>
      expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible(),
  },
  {
    path: '/settings',
    shows: page =>
      expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible(),
  },
];

/**
 * English the portal cannot translate, per page: the page buttons of the
 * catalog's and the notifications' tables are named "Next Page" /
 * "Previous Page" by material-table, to which core-components' Table
 * passes no localization for them (only the tooltips are translated,
 * "Page suivante"). Recorded in docs/decisions.md; anything else fails.
 */
const UPSTREAM_ENGLISH: Record<string, string[]> = {
  '/catalog': ['Next', 'Previous'],
  '/notifications': ['Next', 'Previous'],
};

test('no page of the portal asks another host for anything, nor shows English in French mode', async ({
  page,
  baseURL,
}) => {
  const outside = await recordOutsideRequests(page, baseURL!);
  const english: string[] = [];
  await signInAs(page, 'Marc Petit');
  for (const { path, shows } of pages) {
    await page.goto(path);
    await shows(page);
    await page.waitForLoadState('networkidle');
    // The checked list of strings Backstage or the portal left in English
    // (support.ts): none on any page, in text or accessible names.
    for (const left of await stringsOfOtherLanguage(page, ENGLISH_STRINGS)) {
      if (!UPSTREAM_ENGLISH[path]?.includes(left)) {
        english.push(`${path}: ${left}`);
      }
    }
  }
  expect(outside, 'requests to other hosts').toEqual([]);
  expect(english, 'English strings in French mode').toEqual([]);
});

test('the documentation shows without any outside host', async ({
  page,
  baseURL,
}, testInfo) => {
  const outside = await recordOutsideRequests(page, baseURL!);
  await signInAs(page, 'Claire Dubois');

  // The Documentation tab of an application (its site built on first visit).
  await page.goto('/catalog/default/application/sifac/docs');
  await expectDocumentation(page, /SIFAC/);
  await page.screenshot({
    path: testInfo.outputPath('sifac-documentation.png'),
  });

  // The documentation home.
  await page.goto('/docs');
  await expect(
    page.getByRole('link', { name: 'Portail Amue Cloud' }).first(),
  ).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(outside, 'requests to other hosts').toEqual([]);
});
