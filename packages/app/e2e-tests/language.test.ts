import { expect, test } from '@playwright/test';
import { signInAs } from './personas';

/*
 * English left in French mode (issue 15): the relations of the catalog
 * graph, the steps of a task, the contacts of the request form.
 */

test('the relations graph names relations in French', async ({
  page,
}, testInfo) => {
  await signInAs(page, 'Claire Dubois');
  await page.goto('/catalog/default/group/etab-0333298f');
  const graph = page
    .locator('svg')
    .filter({ hasText: /membre/ })
    .first();
  await expect(graph).toBeVisible({ timeout: 60_000 });
  await expect(
    graph.getByText(/a pour membre|membre de/).first(),
  ).toBeVisible();
  for (const english of ['hasMember', 'memberOf', 'ownerOf', 'ownedBy']) {
    await expect(page.getByText(english)).toHaveCount(0);
  }
  await page.screenshot({
    path: testInfo.outputPath('relations-fr.png'),
    fullPage: true,
  });
});

test('the sidebar labels are shown whole', async ({ page }, testInfo) => {
  await signInAs(page, 'Marc Petit');
  const nav = page.getByRole('navigation').first();
  await expect(nav.getByText('Nouvelle demande')).toBeVisible();
  const cut = await nav.evaluate(element =>
    [...element.querySelectorAll('a span, button span')]
      .filter(
        span =>
          span.children.length === 0 &&
          (span.textContent ?? '').trim() &&
          (span as HTMLElement).scrollWidth >
            (span as HTMLElement).clientWidth + 1,
      )
      .map(span => span.textContent),
  );
  expect(cut).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('sidebar.png') });
});
