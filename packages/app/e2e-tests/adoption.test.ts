import { Page, expect, test } from '@playwright/test';
import fs from 'node:fs/promises';
import { signInAs } from './personas';
import { expectAccessible } from './support';

/*
 * The adoption dashboards (page /cloud/adoption, Amue only), the adoption
 * card of an Application and the tenants card of an establishment, on the
 * demo data (plugins/cloud-backend-module-demo-data).
 */

/** The numbers of a table row's cells after its row header. */
async function rowFigures(page: Page, table: string, row: string) {
  const cells = page
    .getByRole('table', { name: table })
    .getByRole('row', { name: new RegExp(`^${row}\\b`) })
    .getByRole('cell');
  return (await cells.allTextContents()).map(text =>
    Number(text.replace(/\s/g, '')),
  );
}

test('Marc reads the adoption dashboards and exports the matrix', async ({
  page,
}) => {
  // The whole matrix, the map and every table open: a long page to check
  // (84-100 s in CI; 175 s once with a 100,000-tenant benchmark beside it).
  test.setTimeout(240_000);
  await signInAs(page, 'Marc Petit');
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Adoption' })
    .click();
  await expect(page).toHaveURL(/\/cloud\/adoption$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Adoption' }),
  ).toBeVisible();

  // The programme at a glance: 231 member establishments.
  const members = page.locator('dl > div', {
    has: page.getByText('Établissements membres', { exact: true }),
  });
  await expect(members.locator('dd')).toHaveText('231');

  // Adoption per application: a chart named by its figures, and its table.
  await expect(
    page.getByRole('img', {
      name: /^Diagramme en barres empilées, établissements sur 231 :.*SIFAC : \d+ en service/,
    }),
  ).toBeVisible();
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await page
    .getByText('Afficher les chiffres sous forme de tableau')
    .first()
    .click();
  const [live, inProgress, notStarted, total] = await rowFigures(
    page,
    'Adoption par application',
    'SIFAC',
  );
  expect(total).toBe(231);
  expect(live + inProgress + notStarted).toBe(total);
  // Bordeaux, Grenoble, Lorraine and Strasbourg run SIFAC in the demo data.
  expect(live).toBeGreaterThanOrEqual(1);

  // The matrix: every member establishment (once the nothing-started
  // ones are shown too), states in words, drawn 50 rows at a time.
  const matrix = page.getByRole('table', {
    name: 'Établissements × applications',
  });
  await page
    .getByRole('checkbox', {
      name: 'Masquer les établissements sans rien de démarré',
    })
    .uncheck();
  await expect(
    page.getByText('50 établissements affichés sur 231.'),
  ).toBeVisible();
  await expect(matrix.getByRole('rowheader')).toHaveCount(50);
  await page.getByRole('button', { name: 'Tout afficher (231)' }).click();
  await expect(matrix.getByRole('rowheader')).toHaveCount(231);
  const bordeaux = matrix.getByRole('row', { name: /^Université de Bordeaux/ });
  await expect(bordeaux).toContainText('En service');
  await expect(
    matrix.getByRole('rowheader', { name: /^Université de Lille/ }),
  ).toBeVisible();

  // The raw CSV export, without filters: a named file holding every
  // establishment (the filters are checked in adoptionReadability.test.ts).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('button', {
        name: 'Exporter en CSV brut (pour les programmes) : Établissements × applications',
      })
      .click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^amue-cloud-adoption-etablissements-applications-\d{4}-\d{2}-\d{2}-raw\.csv$/,
  );
  const csv = await fs.readFile((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toContain('establishment,title,uai,region,type');
  expect(csv).toContain('etab-0333298f,Université de Bordeaux,0333298F');
  expect(csv.trim().split('\r\n')).toHaveLength(232);

  // The other views and their exports.
  for (const view of [
    "Entonnoir du parcours d'accompagnement",
    'Durée des étapes',
    'Étapes bloquées',
  ]) {
    await expect(
      page.getByRole('heading', { level: 2, name: view }),
    ).toBeVisible();
    await expect(
      page.getByRole('button', {
        name: `Exporter en CSV pour tableur : ${view}`,
      }),
    ).toBeVisible();
  }
  await expect(
    page
      .getByRole('table', { name: 'Étapes bloquées' })
      .getByRole('link', { name: /^[a-z-]+-[0-9]{7}[a-z]-[a-z]+$/ })
      .first(),
  ).toHaveAttribute('href', /^\/cloud\/tenants\//);

  // Every disclosure open, so that the tables are checked too (the map's
  // table of 231 rows is checked in adoptionReadability.test.ts).
  for (const summary of await page
    .locator('section')
    .filter({
      hasNot: page.getByRole('heading', { name: 'Carte des établissements' }),
    })
    .getByText('Afficher les chiffres sous forme de tableau')
    .all()) {
    if (!(await summary.locator('xpath=..').getAttribute('open'))) {
      await summary.click();
    }
  }
  await expectAccessible(page, 'the adoption dashboards');
});

test('Claire, an establishment member, is told the dashboards are reserved for Amue', async ({
  page,
}) => {
  await signInAs(page, 'Claire Dubois');
  await expect(
    page.getByRole('navigation').getByRole('link', { name: 'Adoption' }),
  ).toHaveCount(0);
  await page.goto('/cloud/adoption');
  await expect(page.getByText("Réservé à l'Amue")).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Parcourir le catalogue des applications' }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /Diagramme/ })).toHaveCount(0);
  await expectAccessible(page, 'the page reserved for Amue');
});

test('the SIFAC page shows its adoption to everyone, with the dashboard link for Amue', async ({
  page,
}) => {
  await signInAs(page, 'Claire Dubois');
  await page.goto('/catalog/default/application/sifac');
  const card = page.locator('.amue-application-adoption-card');
  await expect(
    card.getByText(/^\d+ établissements en service sur 231 \(\d+\s?%\)$/),
  ).toBeVisible();
  await expect(
    card.getByRole('list', { name: 'Établissements par état' }),
  ).toContainText(/En service : \d+/);
  await expect(
    card.getByRole('link', { name: "Ouvrir le tableau de bord de l'adoption" }),
  ).toHaveCount(0);
  await expectAccessible(
    page,
    'the adoption card',
    '.amue-application-adoption-card',
  );
});

test('Sophie, product owner, goes from the SIFAC adoption card to the dashboards', async ({
  page,
}) => {
  await signInAs(page, 'Sophie Bernard');
  await page.goto('/catalog/default/application/sifac');
  await page
    .locator('.amue-application-adoption-card')
    .getByRole('link', { name: "Ouvrir le tableau de bord de l'adoption" })
    .click();
  await expect(page).toHaveURL(/\/cloud\/adoption$/);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Adoption par application' }),
  ).toBeVisible();
});

test('the Bordeaux page shows its hosted instances and where each onboarding stands', async ({
  page,
}) => {
  await signInAs(page, 'Claire Dubois');
  await page.goto('/catalog/default/group/etab-0333298f');
  const card = page.locator('.amue-establishment-tenants-card');
  const table = card.getByRole('table', {
    name: 'Instances hébergées de Université de Bordeaux',
  });
  const production = table.getByRole('row', { name: /^SIFAC — Production/ });
  await expect(production).toContainText('En service');
  await expect(
    production.getByRole('link', { name: 'SIFAC — Production' }),
  ).toHaveAttribute('href', '/cloud/tenants/sifac-0333298f-production');
  const progress = production.getByRole('progressbar', {
    name: "Avancement de l'accompagnement de sifac-0333298f-production",
  });
  await expect(progress).toHaveAttribute('aria-valuenow', /^\d+$/);
  expect(Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThan(
    80,
  );
  // Each tenant of Bordeaux has its row, its status and its current step.
  await expect(table.getByRole('row')).not.toHaveCount(1);
  await expect(table.getByText(/^Étape en cours : /).first()).toBeVisible();
  await expectAccessible(
    page,
    'the tenants card',
    '.amue-establishment-tenants-card',
  );
});

test('a member of another establishment is told why the tenants card of Bordeaux is empty', async ({
  page,
}) => {
  await signInAs(page, 'Julien Lefebvre');
  await page.goto('/catalog/default/group/etab-0333298f');
  const card = page.locator('.amue-establishment-tenants-card');
  await expect(
    card.getByText(
      "Les instances hébergées d'un établissement ne sont visibles que par ses membres et par l'Amue.",
    ),
  ).toBeVisible();
  await expect(card.getByRole('table')).toHaveCount(0);
});
