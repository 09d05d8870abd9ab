import { Locator, expect, test } from '@playwright/test';
import { signInAs } from './personas';
import { expectAccessible } from './support';

/*
 * The catalog's lists as people read them (issue 15): Applications with
 * their availability as a service and lifecycle in words, Tenants with
 * their status; no empty column, no name broken in the middle of a word.
 */

/** The headers of a table, and for each column whether some cell holds text. */
async function columnsOf(table: Locator) {
  await expect(table.locator('tbody tr').first()).toBeVisible();
  return table.evaluate(element => {
    const headers = [...element.querySelectorAll('thead th')].map(
      th => th.textContent?.trim() ?? '',
    );
    const rows = [...element.querySelectorAll('tbody tr')];
    const filled = headers.map((_, index) =>
      rows.some(
        row =>
          (row.children[index]?.textContent ?? '').trim().length > 0 ||
          row.children[index]?.querySelector('svg, img') !== null,
      ),
    );
    return { headers, filled };
  });
}

/** The cells of a column with a word broken over two lines. */
async function brokenWords(table: Locator, column: number) {
  return table.evaluate((element, index) => {
    const broken: string[] = [];
    for (const row of element.querySelectorAll('tbody tr')) {
      const cell = row.children[index];
      if (!cell) continue;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          const tops = new Set(
            [...range.getClientRects()].map(rect => Math.round(rect.top)),
          );
          if (tops.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  }, column);
}

test('the applications list shows availability and lifecycle in words, no empty column', async ({
  page,
}, testInfo) => {
  await signInAs(page, 'Claire Dubois');
  await page.goto('/catalog?filters[kind]=application');
  const table = page.getByRole('table').first();
  await expect(
    table.getByRole('link', { name: 'SIFAC', exact: true }),
  ).toBeVisible();
  const { headers, filled } = await columnsOf(table);
  for (const header of ['Disponibilité', 'Cycle de vie', 'Environnements']) {
    expect(headers, `column "${header}"`).toContain(header);
  }
  headers.forEach((header, index) => {
    if (header) {
      expect(filled[index], `column "${header}" holds something`).toBe(true);
    }
  });
  await expect(table.getByText('Disponible').first()).toBeVisible();
  await expect(table.getByText('Prévue').first()).toBeVisible();
  for (const raw of ['end-of-life', 'available', 'planned', 'production']) {
    await expect(table.getByText(raw, { exact: true })).toHaveCount(0);
  }
  for (let column = 0; column < headers.length; column++) {
    expect(await brokenWords(table, column), headers[column]).toEqual([]);
  }
  // Every column fits the page (1280 px), the last one included.
  await expect(
    table.getByRole('columnheader', { name: /Environnements/ }),
  ).toBeInViewport({ ratio: 1 });
  await expect(page.getByText(/^Applications \(13\)$/)).toBeVisible();
  await expect(page.getByText(/^All /)).toHaveCount(0);
  // The sortable headers are Backstage's table (nested-interactive there).
  await expectAccessible(page, 'the applications list', 'table', 'thead');
  await page.screenshot({
    path: testInfo.outputPath('applications-list.png'),
    fullPage: true,
  });
});

test('the tenants list has a status column, no empty column and unbroken names', async ({
  page,
}, testInfo) => {
  await signInAs(page, 'Marc Petit');
  await page.goto('/catalog?filters[kind]=tenant');
  const table = page.getByRole('table').first();
  await expect(
    table.getByRole('link', {
      name: 'SIFAC — Université de Bordeaux (Production)',
    }),
  ).toBeVisible();
  const { headers, filled } = await columnsOf(table);
  expect(headers).toContain('Statut');
  // Every column fits the page (1280 px): the status is not cut off.
  await expect(
    table.getByRole('columnheader', { name: /Statut/ }),
  ).toBeInViewport({ ratio: 1 });
  headers.forEach((header, index) => {
    if (header) {
      expect(filled[index], `column "${header}" holds something`).toBe(true);
    }
  });
  await expect(table.getByText('En service').first()).toBeVisible();
  expect(await brokenWords(table, 0)).toEqual([]);
  await expectAccessible(page, 'the tenants list', 'table', 'thead');
  await page.screenshot({
    path: testInfo.outputPath('tenants-list.png'),
    fullPage: true,
  });
});
