import { expect, test } from '@playwright/test';
import { signInAs } from './personas';
import {
  bordeauxField,
  requestForm,
  requestThroughForm,
  startRequestForLille,
  tokenOf,
} from './support';

/*
 * Self-service templates, as the personas use them on the running portal:
 * Claire (Université de Bordeaux) fills "Demander une instance hébergée",
 * the task succeeds, the tenant is in the catalog at its first step to do
 * (qualification by Amue); she cannot pick, nor request for, another
 * establishment; Sophie (product owner of SIFAC and SIFAC Démat) sees the
 * request waiting for qualification.
 *
 * Its own data: a tenant cannot be deleted, so each run requests one that
 * does not exist yet among Bordeaux's SIFAC environments the demo data
 * leaves unused (onboarding.test.ts takes SIFAC Démat's). Once none is left
 * the journey fails, saying so: start the portal on a fresh database (a new
 * AMUE_DATA_DIR) to run it again.
 */

const BORDEAUX_UAI = '0333298F';
const LILLE_UAI = '0597239Y';
const CANDIDATES = [
  ['sifac', 'formation'],
  ['sifac', 'preproduction'],
  ['sifac', 'test'],
] as const;

test.describe.configure({ mode: 'serial' });

let requested:
  | { name: string; application: string; environment: string }
  | undefined;

test('an establishment member requests a hosted instance through the form', async ({
  page,
  request,
}) => {
  // Four form pages, then a task of five steps.
  test.setTimeout(120_000);
  const claire = await tokenOf(request, 'claire.dubois');
  const existing = await request.get(
    '/api/cloud/tenants?establishment=etab-0333298f&limit=500',
    { headers: { Authorization: claire } },
  );
  expect(existing.status()).toBe(200);
  const names = new Set(
    (await existing.json()).items.map((t: { name: string }) => t.name),
  );
  const free = CANDIDATES.map(([application, environment]) => ({
    name: `${application}-${BORDEAUX_UAI.toLowerCase()}-${environment}`,
    application,
    environment,
  })).find(candidate => !names.has(candidate.name));
  if (!free) {
    throw new Error(
      'Every candidate tenant of Bordeaux exists already: run on a fresh database (a new AMUE_DATA_DIR).',
    );
  }
  requested = free;

  await signInAs(page, 'Claire Dubois');
  await requestThroughForm(page, requested);
  const tenantLink = page.getByRole('link', { name: "Page de l'instance" });
  await expect(
    page.getByRole('link', { name: "Suivi de l'accompagnement" }),
  ).toHaveAttribute('href', `/cloud/tenants/${requested.name}`);
  await expect(
    page.getByText(/Descripteurs de déploiement : commit [0-9a-f]{40}/),
  ).toBeVisible();

  // In the catalog, at the qualification step (the request is done).
  const entity = await request.get(
    `/api/catalog/entities/by-name/tenant/default/${requested.name}`,
    { headers: { Authorization: claire } },
  );
  expect(entity.status()).toBe(200);
  const tenantEntity = await entity.json();
  expect(tenantEntity.spec).toMatchObject({
    application: requested.application,
    establishment: 'etab-0333298f',
    environment: requested.environment,
    status: 'requested',
  });
  expect(tenantEntity.metadata.annotations['cloud.amue.fr/current-step']).toBe(
    'qualification',
  );
  await tenantLink.click();
  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/tenant/${requested.name}`),
  );

  // Its onboarding page: the request done, the qualification to do.
  await page.goto(`/cloud/tenants/${requested.name}`);
  await expect(page.getByText('2. Qualification')).toBeVisible();
  await expect(page.getByText('Étape en cours').first()).toBeVisible();
});

test('an establishment member cannot pick nor request another establishment', async ({
  page,
  request,
}) => {
  // The form: an establishment given in the address is replaced by hers.
  await signInAs(page, 'Claire Dubois');
  await page.goto(requestForm({ uai: LILLE_UAI }));
  await expect(await bordeauxField(page)).toBeDisabled();
  await expect(
    page.getByText(
      'Vous ne pouvez demander des instances que pour votre établissement.',
    ),
  ).toBeVisible();

  // The same template run through the API for Lille: the onboarding service
  // refuses it at the request step, and nothing is created.
  const claire = await tokenOf(request, 'claire.dubois');
  const id = await startRequestForLille(request, claire, 'formation');
  await expect
    .poll(
      async () =>
        (
          await (
            await request.get(`/api/scaffolder/v2/tasks/${id}`, {
              headers: { Authorization: claire },
            })
          ).json()
        ).status,
      { timeout: 30_000 },
    )
    .toBe('failed');
  const events = await request.get(`/api/scaffolder/v2/tasks/${id}/events`, {
    headers: { Authorization: claire },
  });
  expect(JSON.stringify(await events.json())).toContain(
    'you may only request instances for your own establishment',
  );
  const marc = await tokenOf(request, 'marc.petit');
  const lille = await request.get(
    `/api/cloud/tenants/sifac-${LILLE_UAI.toLowerCase()}-formation`,
    { headers: { Authorization: marc } },
  );
  if (lille.status() === 200) {
    // Only the demo data may hold it, never a request of Claire's.
    expect((await lille.json()).createdBy).not.toBe(
      'user:default/claire.dubois',
    );
  } else {
    expect(lille.status()).toBe(404);
  }
});

test('the product owner sees the request waiting for qualification', async ({
  page,
  request,
}) => {
  // Serial: this test runs only after the first one made the request.
  expect(requested).toBeDefined();
  const sophie = await tokenOf(request, 'sophie.bernard');
  const waiting = await request.get(
    `/api/cloud/tenants?status=requested&application=${
      requested!.application
    }&limit=500`,
    { headers: { Authorization: sophie } },
  );
  expect(waiting.status()).toBe(200);
  const tenant = (await waiting.json()).items.find(
    (t: { name: string }) => t.name === requested!.name,
  );
  expect(tenant).toMatchObject({
    status: 'requested',
    currentStep: 'qualification',
    createdBy: 'user:default/claire.dubois',
  });

  await signInAs(page, 'Sophie Bernard');
  await page.goto('/cloud/requests');
  const toQualify = page
    .locator('section, div')
    .filter({
      has: page.getByRole('heading', { name: 'Demandes à qualifier' }),
    })
    .last();
  await expect(
    toQualify.getByRole('link', { name: requested!.name }),
  ).toBeVisible();
});
