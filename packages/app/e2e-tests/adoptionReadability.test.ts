import { Page, expect, test } from '@playwright/test';
import fs from 'node:fs/promises';
import { signInAs } from './personas';
import { expectAccessible } from './support';

/*
 * The Adoption page as a person reads it (issue 15): the filters narrow
 * the whole page and every CSV, the two CSV formats (French spreadsheets
 * and raw), the matrix (most active first, nothing-started rows hidden,
 * sticky establishment column, inside its card at 1440 px, drill-down to
 * an application), the map of France (lazily loaded) and a product owner's
 * scope. On the demo data (plugins/cloud-backend-module-demo-data).
 */

test.use({ viewport: { width: 1440, height: 900 } });

// Long pages (231 establishments, 13 applications, a map) checked with axe:
// more time than the default, for a busy machine.
test.describe.configure({ timeout: 150_000 });

const BOM = '\uFEFF';

/** A downloaded CSV: its text (BOM checked and removed) split in cells. */
async function downloadCsv(page: Page, button: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const text = await fs.readFile((await download.path())!, 'utf8');
  expect(text.startsWith(BOM)).toBe(true);
  const separator = download.suggestedFilename().endsWith('-raw.csv')
    ? ','
    : ';';
  // No field of these files holds a separator inside quotes but the
  // titles: split on separators outside quotes.
  const rows = text
    .slice(BOM.length)
    .trimEnd()
    .split('\r\n')
    .map(line =>
      (
        line.match(
          new RegExp(`("([^"]|"")*"|[^${separator}]*)(${separator}|$)`, 'g'),
        ) ?? []
      )
        .filter((cell, index, all) => index < all.length - 1 || cell !== '')
        .map(cell =>
          cell
            .replace(new RegExp(`${separator}$`), '')
            .replace(/^"(.*)"$/s, '$1')
            .replace(/""/g, '"'),
        ),
    );
  return { name: download.suggestedFilename(), rows };
}

async function openAdoption(page: Page, who: string) {
  await signInAs(page, who);
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Adoption' })
    .click();
  await expect(page).toHaveURL(/\/cloud\/adoption/);
  await expect(
    page.getByRole('table', { name: 'Établissements × applications' }),
  ).toBeVisible();
}

test('the région filter narrows the whole page and every CSV, in both formats', async ({
  page,
}, testInfo) => {
  await openAdoption(page, 'Marc Petit');
  const matrix = page.getByRole('table', {
    name: 'Établissements × applications',
  });
  // Every establishment, nothing-started ones included, for the counts.
  await page
    .getByRole('checkbox', {
      name: 'Masquer les établissements sans rien de démarré',
    })
    .uncheck();

  await page.getByLabel('Région').selectOption('nouvelle-aquitaine');
  await expect(page).toHaveURL(/region=nouvelle-aquitaine/);
  await expect(
    page.getByText(/^\d+ établissements affichés sur \d+\.$/),
  ).toBeVisible();
  const shown = Number(
    (
      await page
        .getByText(/^\d+ établissements affichés sur \d+\.$/)
        .innerText()
    ).match(/sur (\d+)/)![1],
  );
  expect(shown).toBeGreaterThan(5);
  expect(shown).toBeLessThan(40);
  await expect(matrix.getByRole('rowheader')).toHaveCount(shown);
  await expect(
    matrix.getByRole('rowheader', { name: /^Université de Lille/ }),
  ).toHaveCount(0);
  // The programme at a glance follows the filter too.
  await expect(
    page
      .locator('dl > div', {
        has: page.getByText('Établissements membres', { exact: true }),
      })
      .locator('dd'),
  ).toHaveText(String(shown));
  await page.screenshot({
    path: testInfo.outputPath('adoption-filtered.png'),
    fullPage: false,
  });

  // The French CSV of the matrix: the filtered rows, words, semicolons.
  const fr = await downloadCsv(
    page,
    'Exporter en CSV pour tableur : Établissements × applications',
  );
  expect(fr.name).toMatch(
    /^amue-cloud-adoption-etablissements-applications-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  expect(fr.rows).toHaveLength(shown + 1);
  expect(fr.rows[0].slice(0, 5)).toEqual([
    'Identifiant',
    'Établissement',
    'UAI',
    'Région',
    "Type d'établissement",
  ]);
  expect(fr.rows[0]).toContain('SIFAC');
  const bordeaux = fr.rows.find(row => row[2] === '0333298F')!;
  expect(bordeaux[3]).toBe('Nouvelle-Aquitaine');
  expect(bordeaux[4]).toBe('Université');
  expect(bordeaux[fr.rows[0].indexOf('SIFAC')]).toBe('En service');
  expect(new Set(fr.rows.slice(1).map(row => row[3]))).toEqual(
    new Set(['Nouvelle-Aquitaine']),
  );
  expect(fr.rows.flat()).toContain('Non démarré');
  expect(fr.rows.flat()).not.toContain('not_started');

  // The raw CSV beside it: the same rows, codes and commas.
  const raw = await downloadCsv(
    page,
    'Exporter en CSV brut (pour les programmes) : Établissements × applications',
  );
  expect(raw.name).toMatch(/-raw\.csv$/);
  expect(raw.rows).toHaveLength(shown + 1);
  expect(raw.rows[0].slice(0, 5)).toEqual([
    'establishment',
    'title',
    'uai',
    'region',
    'type',
  ]);
  const bordeauxRaw = raw.rows.find(row => row[2] === '0333298F')!;
  expect(bordeauxRaw[raw.rows[0].indexOf('sifac')]).toBe('live');
  expect(raw.rows.flat()).toContain('not_started');

  // The other sections' CSVs follow the filter: the blocked steps of the
  // région only, with French dates.
  const blocked = await downloadCsv(
    page,
    'Exporter en CSV pour tableur : Étapes bloquées',
  );
  expect(blocked.rows[0]).toContain('Bloquée depuis');
  for (const row of blocked.rows.slice(1)) {
    expect(row[blocked.rows[0].indexOf('Bloquée depuis')]).toMatch(
      /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
    );
  }
  const blockedTable = page.getByRole('table', { name: 'Étapes bloquées' });
  const blockedOnScreen = await blockedTable.getByRole('rowheader').count();
  expect(blocked.rows.length - 1).toBe(blockedOnScreen);
  const funnel = await downloadCsv(
    page,
    "Exporter en CSV brut (pour les programmes) : Entonnoir du parcours d'accompagnement",
  );
  expect(funnel.rows[0][0]).toBe('step');
  expect(funnel.rows[1][0]).toBe('request');
});

test('the matrix: most active first, sticky column, inside its card at 1440 px, drill-down', async ({
  page,
}, testInfo) => {
  await openAdoption(page, 'Marc Petit');
  const matrix = page.getByRole('table', {
    name: 'Établissements × applications',
  });
  // Hidden by default: the establishments with nothing started.
  await expect(
    page.getByRole('checkbox', {
      name: 'Masquer les établissements sans rien de démarré',
    }),
  ).toBeChecked();
  await expect(
    page.getByText(/sans rien de démarré sont masqués\.$/),
  ).toBeVisible();
  // The first row has an application live; no row is all "Non démarré".
  await expect(matrix.getByRole('row').nth(1)).toContainText('En service');
  for (const row of await matrix.getByRole('row').all()) {
    const cells = await row.getByRole('cell').allTextContents();
    if (cells.length > 0) {
      expect(cells.some(cell => cell !== 'Non démarré')).toBe(true);
    }
  }

  // The page does not overflow; the table scrolls inside its card.
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  const region = page.getByRole('region', {
    name: 'Tableau : Établissements × applications',
  });
  const card = await region.evaluate(el => {
    const box = el.getBoundingClientRect();
    const section = el.closest('section')!.getBoundingClientRect();
    return {
      right: box.right,
      sectionRight: section.right,
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    };
  });
  expect(card.right).toBeLessThanOrEqual(card.sectionRight + 1);
  expect(card.scrollWidth).toBeGreaterThanOrEqual(card.clientWidth);
  await page
    .getByRole('heading', { level: 2, name: 'Établissements × applications' })
    .scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 380));
  await page.screenshot({ path: testInfo.outputPath('matrix-1440.png') });

  // Scrolled sideways, the establishment column stays in place.
  const firstHeader = matrix.getByRole('rowheader').first();
  const before = (await firstHeader.boundingBox())!;
  await region.evaluate(el => {
    el.scrollLeft = el.scrollWidth;
  });
  const after = (await firstHeader.boundingBox())!;
  expect(Math.round(after.x)).toBe(Math.round(before.x));
  await page.screenshot({
    path: testInfo.outputPath('matrix-scrolled.png'),
  });

  // Drill-down: an application's header narrows the page to it.
  await page
    .getByRole('button', {
      name: 'SIFAC : afficher la page pour cette application seule',
    })
    .click();
  await expect(page).toHaveURL(/application=sifac/);
  await expect(page.getByLabel('Application', { exact: true })).toHaveValue(
    'sifac',
  );
  await expect(matrix.getByRole('columnheader')).toHaveText([
    'Établissement',
    'SIFAC',
  ]);
  await expect(
    page.getByRole('img', { name: /^Diagramme en barres, sur \d+ instances/ }),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('drill-down-sifac.png'),
    fullPage: true,
  });
  await expectAccessible(page, 'the adoption page drilled down to SIFAC');
});

test('the map of France: loaded apart, each establishment placed, région totals by keyboard, its CSV', async ({
  page,
}, testInfo) => {
  const scripts: string[] = [];
  page.on('response', response => {
    if (response.url().endsWith('.js')) {
      scripts.push(response.url());
    }
  });
  await signInAs(page, 'Marc Petit');
  const beforeAdoption = scripts.length;
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Adoption' })
    .click();
  const map = page.getByRole('img', { name: /^Carte de France : / });
  await expect(map).toBeVisible();
  // The map's shapes came in a chunk of their own, on this page only.
  const later = scripts.slice(beforeAdoption);
  let shapes = 0;
  for (const url of later) {
    const body = await (await page.request.get(url)).text();
    if (body.includes('Topology')) {
      shapes += 1;
    }
  }
  expect(shapes).toBe(1);

  // Every establishment with a location in France is drawn.
  const name = (await map.getAttribute('aria-label'))!;
  const placed = Number(name.match(/: (\d+) établissements placés/)![1]);
  expect(placed).toBeGreaterThan(200);
  await expect(map.locator('circle[data-establishment]')).toHaveCount(placed);
  await expect(
    map.locator('circle[data-establishment="etab-0333298f"]'),
  ).toHaveAttribute('data-state', 'live');
  // Overseas establishments in their insets.
  await expect(
    map.locator('g[data-place="reunion"]').locator('text'),
  ).toHaveText('La Réunion');

  // By keyboard: a région's totals, and its establishments highlighted.
  const aquitaine = page.getByRole('button', {
    name: /^Nouvelle-Aquitaine : \d+ en service sur \d+$/,
  });
  await aquitaine.focus();
  await expect(page.getByRole('status')).toHaveText(
    /^Nouvelle-Aquitaine : \d+ établissements, \d+ en service, \d+ en cours, \d+ non démarrés$/,
  );
  await page.keyboard.press('Tab');
  await expect(page.getByRole('status')).toHaveText(
    /^[^:]+ : \d+ établissements/,
  );
  await aquitaine.focus();
  await map.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('map-1440.png') });

  // One application: the points take its states.
  await page.getByLabel('Application affichée').selectOption('siham');
  await expect(
    map.locator('circle[data-establishment="etab-0333298f"]'),
  ).not.toHaveAttribute('data-state', 'not_started');

  // The same data as a table, and as CSV.
  await page
    .getByRole('region', { name: 'Carte des établissements', exact: true })
    .getByText('Afficher les chiffres sous forme de tableau')
    .press('Enter');
  await expect(
    page
      .getByRole('table', { name: 'Établissements de la carte' })
      .getByRole('rowheader'),
  ).toHaveCount(231);
  const csv = await downloadCsv(
    page,
    'Exporter en CSV pour tableur : Carte des établissements',
  );
  expect(csv.rows).toHaveLength(232);
  expect(csv.rows[0]).toEqual(
    expect.arrayContaining(['Latitude', 'Longitude']),
  );
  const bordeaux = csv.rows.find(row => row[2] === '0333298F')!;
  expect(bordeaux[csv.rows[0].indexOf('Latitude')]).toBe('44,809966');
  await expectAccessible(page, 'the map of France');
});

test('Sophie, product owner, sees only the applications of her scope', async ({
  page,
}, testInfo) => {
  await openAdoption(page, 'Sophie Bernard');
  const matrix = page.getByRole('table', {
    name: 'Établissements × applications',
  });
  // Her two applications, in the order of their activity (which other
  // tests change): the set is checked, not the order.
  await expect(matrix.getByRole('columnheader')).toHaveCount(3);
  await expect(matrix.getByRole('columnheader').first()).toHaveText(
    'Établissement',
  );
  for (const name of [/^SIFAC$/, /^SIFAC Démat$/]) {
    await expect(
      matrix.getByRole('columnheader').filter({ hasText: name }),
    ).toHaveCount(1);
  }
  await expect(
    page.getByLabel('Application', { exact: true }).locator('option'),
  ).toHaveText(['Toutes les applications', 'SIFAC', 'SIFAC Démat']);
  const raw = await downloadCsv(
    page,
    'Exporter en CSV brut (pour les programmes) : Établissements × applications',
  );
  expect([...raw.rows[0].slice(5)].sort()).toEqual(['sifac', 'sifac-demat']);
  await page.screenshot({ path: testInfo.outputPath('sophie-scope.png') });

  // Another team's application, even through the address: refused.
  await page.goto('/cloud/adoption?application=siham');
  await expect(page.getByRole('alert')).toContainText(
    "L'application « siham » ne fait pas partie des applications dont vous pouvez lire les indicateurs.",
  );
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(matrix.getByRole('columnheader')).toHaveCount(3);
});
