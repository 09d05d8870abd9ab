import { expect, test } from '@playwright/test';
import { signInAs } from './personas';
import { STEP_NAMES, api, expectAccessible, tokenOf } from './support';

/*
 * The onboarding page of an instance (issue 15): "Bloquer" and "Passer" are
 * not offered on the steps whose turn has not come; the documentation link
 * of a step reads as a link and lands on the step's heading, in full view;
 * a wished go-live date already past is flagged in a sentence.
 *
 * Its data: a Bordeaux instance of the demo data in onboarding, whose
 * wished go-live date is past (the demo requests were filed months ago),
 * read through the API; Marc (administrator) may act on both sides.
 */

// Several pages and personas in one journey.
test.setTimeout(150_000);

test('no block or skip before a step’s turn, a documentation link that lands on its heading, a past go-live date flagged', async ({
  page,
  request,
}, testInfo) => {
  const marc = await tokenOf(request, 'marc.petit');
  const res = await request.get(
    api(
      '/api/cloud/tenants?establishment=etab-0333298f&status=onboarding&include=steps&limit=50',
    ),
    { headers: { Authorization: marc } },
  );
  expect(res.status()).toBe(200);
  const today = new Date().toISOString().slice(0, 10);
  const tenant = ((await res.json()).items as any[]).find(
    t =>
      t.request.wishedGoLiveDate &&
      t.request.wishedGoLiveDate < today &&
      t.steps.some((s: any) => s.status === 'in_progress'),
  );
  expect(tenant, 'a Bordeaux instance late on its wished date').toBeTruthy();
  const current = tenant.steps.find((s: any) => s.status === 'in_progress');
  const later = tenant.steps.filter(
    (s: any) => s.order > current.order && s.status === 'todo',
  );
  expect(later.length).toBeGreaterThan(0);

  await signInAs(page, 'Marc Petit');
  await page.goto(`/cloud/tenants/${tenant.name}`);
  const stepItem = (id: string) => page.locator(`li[data-step="${id}"]`);
  await expect(stepItem(current.id)).toBeVisible();

  // The step in progress can be blocked; the steps after it, not started
  // and waiting for it, offer neither "Bloquer" nor "Passer".
  await expect(
    stepItem(current.id).getByRole('button', { name: /^Bloquer/ }),
  ).toBeVisible();
  for (const step of later) {
    await expect(
      stepItem(step.id).getByRole('button', { name: /^(Bloquer|Passer)/ }),
      step.id,
    ).toHaveCount(0);
  }

  // The wished go-live date is past: said in a sentence.
  await expect(
    page.getByText(
      "Cette date est passée et l'instance n'est pas encore en production : convenez d'une nouvelle date avec l'Amue.",
    ),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('onboarding-page.png'),
    fullPage: false,
  });
  await expectAccessible(page, 'the onboarding page (Marc)');

  // The documentation link reads as a link: underlined, with an icon, and
  // named after its step.
  const name = STEP_NAMES[current.id];
  const link = page.getByRole('link', {
    name: `Documentation de l'étape « ${name} »`,
  });
  await expect(link).toHaveText("Documentation de l'étape");
  expect(
    await link.evaluate(el => getComputedStyle(el).textDecorationLine),
  ).toContain('underline');
  await expect(link.locator('svg')).toHaveCount(1);
  await link.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: testInfo.outputPath('documentation-link.png'),
  });

  // It lands on the heading of the step, in full view, covered by nothing.
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/accompagnement/#${current.id}$`));
  const heading = page.getByRole('heading', {
    name: `${current.order}. ${name}`,
  });
  await expect(heading).toBeVisible();
  await expect
    .poll(async () => {
      const box = await heading.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= 720;
    })
    .toBe(true);
  const uncovered = await heading.evaluate(el => {
    const rect = el.getBoundingClientRect();
    const root = el.getRootNode() as Document | ShadowRoot;
    const hit = root.elementFromPoint(rect.left + 4, rect.top + 4);
    return hit !== null && el.contains(hit);
  });
  expect(uncovered, 'the heading is not under a header').toBe(true);
  await page.screenshot({
    path: testInfo.outputPath('documentation-heading.png'),
  });
});
