import { expect, test } from '@playwright/test';
import { signInAs } from './personas';

test('SIFAC shows its offer, its instances and its documentation', async ({
  page,
}) => {
  await signInAs(page, 'Claire Dubois');
  await page.goto('/catalog/default/application/sifac');
  await expect(
    page.getByRole('heading', { name: 'SIFAC', exact: true }).first(),
  ).toBeVisible();
  await expect(page.getByText('Versions et environnements')).toBeVisible();
  const instances = page.getByLabel(/Instances hébergées de SIFAC/);
  await expect(instances).toBeVisible();
  await expect(
    instances.getByRole('link', { name: /Université de Bordeaux/ }).first(),
  ).toBeVisible();

  // The TechDocs site of the application, built on first visit.
  await page
    .getByRole('main')
    .getByText('Documentation', { exact: true })
    .click();
  await expect(page).toHaveURL(/\/catalog\/default\/application\/sifac\/docs/);
  await expect(page.getByRole('heading', { name: /SIFAC/ }).last()).toBeVisible(
    { timeout: 60_000 },
  );
  await expect(
    page.getByRole('link', { name: /Prérequis/ }).first(),
  ).toBeVisible();
});

test('an establishment page shows its UAI and its hosted instances', async ({
  page,
}) => {
  await signInAs(page, 'Julien Lefebvre');
  await page.goto('/catalog/default/group/etab-0597239y');
  await expect(
    page
      .getByRole('heading', { name: 'Université de Lille', exact: true })
      .first(),
  ).toBeVisible();
  await expect(page.getByText('0597239Y').first()).toBeVisible();
  await expect(page.getByText('Hauts-de-France').first()).toBeVisible();
  const instances = page.getByLabel(
    /Instances hébergées de Université de Lille/,
  );
  // Demo tenants of Lille (plugins/cloud-backend-module-demo-data), in the catalog
  // through the tenant provider.
  for (const application of ['Pégase', 'SIHAM']) {
    await expect(instances.getByText(application).first()).toBeVisible();
  }
  await expect(instances.getByText('SIFAC Démat')).toHaveCount(0);
});

test('the catalog lists Applications and Tenants, filterable by establishment', async ({
  page,
}) => {
  await signInAs(page, 'Marc Petit');
  // Applications: the thirteen curated in catalog/applications, each one.
  const titles = [
    'Apogée',
    'Caplab',
    'Dialog',
    'Geslab',
    'Harpège',
    'Pégase',
    'ROF',
    'SIFAC',
    'SIFAC Démat',
    'SIHAM',
    'SIHAM PMS',
    'SINAPS',
    'Sinchro',
  ];
  expect(titles).toHaveLength(13);
  await page.goto(
    '/catalog?filters%5Bkind%5D=application&filters%5Buser%5D=all',
  );
  const applications = page.getByRole('table').first();
  for (const title of titles) {
    await expect(
      applications.getByRole('link', { name: title, exact: true }),
    ).toBeVisible();
  }
  await expect(applications.getByText(/Université de/)).toHaveCount(0);

  // Tenants, filtered by establishment.
  await page.goto(
    '/catalog?filters%5Bkind%5D=tenant&filters%5Bestablishment%5D=etab-0333298f',
  );
  const table = page.getByRole('table').first();
  await expect(
    // The environment in words (issue 15), not its code.
    table.getByRole('link', {
      name: 'SIFAC — Université de Bordeaux (Production)',
    }),
  ).toBeVisible();
  await expect(table.getByText(/Université de Lille/)).toHaveCount(0);
});
