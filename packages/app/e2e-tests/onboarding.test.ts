import {
  APIRequestContext,
  Browser,
  Locator,
  Page,
  expect,
  test,
} from '@playwright/test';
import fs from 'node:fs/promises';
import { signInAs } from './personas';
import { api, expectAccessible, requestThroughForm, tokenOf } from './support';

/*
 * The onboarding journey, as the personas live it on the running portal:
 * Claire (Université de Bordeaux) requests an instance; Sophie (owner of
 * SIFAC and SIFAC Démat) finds it in "Demandes" and approves it; both sides
 * then drive their steps (Claire's single sign-on is blocked, then
 * unblocked) up to the go-live; Julien (Université de Lille) sees none of
 * it; the adoption dashboards count the go-live and their CSV exports hold
 * it; and an action on a version of a step that someone else changed first
 * is refused with a clear message. Every page of the journey is checked
 * with axe (no serious or critical violation).
 *
 * Its own data: each run requests a tenant that does not exist yet, the
 * first free one among Bordeaux's SIFAC Démat environments that the demo
 * data leaves unused (templates.test.ts takes SIFAC's), and drives it from
 * the request to the go-live; every action is clicked, whatever an earlier
 * run did. Once both exist the journey fails, saying so: start the portal on
 * a fresh database (a new AMUE_DATA_DIR) to run it again. CI runs it once,
 * on a fresh database. Bordeaux's SIFAC Démat production is still in
 * onboarding in the demo data, so this go-live makes Bordeaux count as live
 * for SIFAC Démat.
 */

const BORDEAUX_UAI = '0333298F';
const CANDIDATES = [
  ['sifac-demat', 'preproduction'],
  ['sifac-demat', 'formation'],
] as const;

/** The environments in words, as the pages name them. */
const ENVIRONMENT_WORDS: Record<string, string> = {
  preproduction: 'Pré-production',
  formation: 'Formation',
};

/** The comment of the requests of this test, which tells them apart. */
const REQUEST_COMMENT =
  'Demande créée par le test de bout en bout du parcours.';

const STEP_TITLES = {
  qualification: '2. Qualification',
  provisioning: '3. Provisionnement',
  identity: '4. Authentification unique (SSO)',
  acceptance: '6. Recette',
  training: '7. Formation',
  goLive: '8. Mise en production',
  decommissioning: "9. Arrêt de l'installation sur site",
} as const;

/**
 * A signed-in page of a persona, in its own browser context; `deaf`: the
 * page never hears the backend's signals (no live refresh).
 */
async function personaPage(
  browser: Browser,
  baseURL: string,
  name: string,
  options: { deaf?: boolean } = {},
) {
  const context = await browser.newContext({ baseURL, locale: 'fr-FR' });
  if (options.deaf) {
    await context.routeWebSocket(/\/api\/signals/, ws => ws.close());
  }
  const page = await context.newPage();
  try {
    await signInAs(page, name);
  } catch {
    // The development portal restarts its backend when its code changes:
    // one more try.
    await signInAs(page, name);
  }
  return page;
}

/** The item of the onboarding timeline of a step. */
function step(page: Page, title: string): Locator {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: title }) });
}

/** The status of a step, once shown. */
async function statusOf(page: Page, title: string): Promise<string> {
  const status = step(page, title).locator('[data-step-status]');
  await expect(status).toBeVisible();
  return (await status.innerText()).trim();
}

/**
 * Clicks the action on a step (its button must be there) and waits for the
 * new status, which must differ from the one before.
 */
async function act(
  page: Page,
  title: string,
  action: string,
  status: string,
  reason?: string,
) {
  expect(await statusOf(page, title)).not.toBe(status);
  const item = step(page, title);
  const stepName = title.replace(/^\d+\. /, '');
  await item
    .getByRole('button', { name: `${action} — étape ${stepName}` })
    .click();
  if (reason !== undefined) {
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill(reason);
    await dialog.getByRole('button', { name: action }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(item.locator('[data-step-status]')).toContainText(status);
}

// One journey, in order; each part signs several personas in.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

let tenant: { name: string; application: string; environment: string };
/** The adoption figures before the go-live (see the adoption test). */
let before: { liveEstablishments: number; goLiveDone: number };
/** Whether Bordeaux had a live tenant of the application before the run. */
let bordeauxLiveBefore: boolean;

/** What Marc (administrator) reads in the adoption and funnel reports. */
async function adoptionFigures(request: APIRequestContext) {
  const headers = { Authorization: await tokenOf(request, 'marc.petit') };
  const adoption = await request.get(api('/api/cloud/reports/adoption'), {
    headers,
  });
  const funnel = await request.get(api('/api/cloud/reports/funnel'), {
    headers,
  });
  expect(adoption.status()).toBe(200);
  expect(funnel.status()).toBe(200);
  const { applications } = await adoption.json();
  const { steps } = await funnel.json();
  return {
    liveEstablishments: applications.find(
      (a: { application: string }) => a.application === tenant.application,
    ).live as number,
    goLiveDone: steps.find((s: { step: string }) => s.step === 'go-live')
      .done as number,
  };
}

test.beforeAll(async ({ request }) => {
  const marc = await tokenOf(request, 'marc.petit');
  const res = await request.get(
    api(
      `/api/cloud/tenants?establishment=etab-${BORDEAUX_UAI.toLowerCase()}&limit=500`,
    ),
    { headers: { Authorization: marc } },
  );
  expect(res.status()).toBe(200);
  // The journey requests a tenant that does not exist yet.
  const items: { name: string; application: string; status: string }[] = (
    await res.json()
  ).items;
  const existing = new Set(items.map(t => t.name));
  const free = CANDIDATES.map(([application, environment]) => ({
    application,
    environment,
    name: `${application}-${BORDEAUX_UAI.toLowerCase()}-${environment}`,
  })).find(candidate => !existing.has(candidate.name));
  if (!free) {
    throw new Error(
      'Every tenant this journey can request already exists: run it on a fresh database (a new AMUE_DATA_DIR).',
    );
  }
  tenant = free;
  bordeauxLiveBefore = items.some(
    t => t.application === tenant.application && t.status === 'live',
  );
  before = await adoptionFigures(request);
});

test('Claire requests an instance and sees it wait for Amue', async ({
  browser,
  baseURL,
}) => {
  const page = await personaPage(browser, baseURL!, 'Claire Dubois');
  await requestThroughForm(page, { ...tenant, comment: REQUEST_COMMENT });
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'Mes instances', exact: true })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Mes instances' }),
  ).toBeVisible();
  const row = page
    .getByRole('row')
    .filter({ has: page.getByText(tenant.name, { exact: true }) });
  await expect(row).toBeVisible();
  await expect(row).toContainText('Demandée');
  await expect(row).toContainText('Qualification');
  await expect(row).toContainText("En attente de l'Amue");
  await expect(
    page.getByRole('link', { name: 'Demander une instance' }),
  ).toHaveAttribute('href', /demander-une-instance\?formData=/);
  await expectAccessible(page, 'Mes instances (Claire)');
  await page.context().close();
});

test('Sophie approves the request while Claire watches it live', async ({
  browser,
  baseURL,
  request,
}) => {
  const current = await request.get(api(`/api/cloud/tenants/${tenant.name}`), {
    headers: { Authorization: await tokenOf(request, 'claire.dubois') },
  });
  expect(await current.json()).toMatchObject({
    status: 'requested',
    request: { comment: REQUEST_COMMENT },
  });

  // Claire keeps the page of her instance open: it follows the decision.
  const claire = await personaPage(browser, baseURL!, 'Claire Dubois');
  await claire.goto(`/cloud/tenants/${tenant.name}`);
  await expect(
    step(claire, STEP_TITLES.qualification).locator('[data-step-status]'),
  ).toContainText('À faire');

  const sophie = await personaPage(browser, baseURL!, 'Sophie Bernard');
  await sophie
    .getByRole('navigation')
    .getByRole('link', { name: 'Demandes', exact: true })
    .click();
  await expect(
    sophie.getByRole('heading', { level: 1, name: 'Demandes' }),
  ).toBeVisible();
  const pending = sophie.getByRole('table', { name: 'Demandes à qualifier' });
  await expect(pending.getByRole('link', { name: tenant.name })).toBeVisible();
  await expectAccessible(sophie, 'Demandes (Sophie)');

  // The request named in words: application, environment, establishment.
  const requestName = `SIFAC Démat (${
    ENVIRONMENT_WORDS[tenant.environment]
  }) — Université de Bordeaux`;
  // With the keyboard only: the comment, then Tab to "Accepter", Enter.
  await sophie
    .getByRole('textbox', { name: `Commentaire sur la demande ${requestName}` })
    .fill('Convention de service reçue, demande acceptée.');
  await sophie.keyboard.press('Tab');
  await expect(
    sophie.getByRole('button', { name: `Accepter la demande ${requestName}` }),
  ).toBeFocused();
  await sophie.keyboard.press('Enter');
  await expect(
    sophie
      .getByRole('status')
      .filter({ hasText: `Demande acceptée : ${requestName}.` }),
  ).toBeVisible();
  await expect(
    sophie.getByRole('link', { name: tenant.name, exact: true }),
  ).toHaveCount(0);

  // Without reloading, Claire's page shows the approval.
  await expect(
    step(claire, STEP_TITLES.qualification).locator('[data-step-status]'),
  ).toContainText('Terminée');
  await expect(claire.getByText('Demande acceptée').first()).toBeVisible();
  await claire.context().close();
  await sophie.context().close();
});

test('both sides drive their steps up to the go-live', async ({
  browser,
  baseURL,
}) => {
  const sophie = await personaPage(browser, baseURL!, 'Sophie Bernard');
  await sophie.goto(`/cloud/tenants/${tenant.name}`);
  await expect(
    sophie.getByRole('heading', { level: 2, name: 'Étapes' }),
  ).toBeVisible();
  await expectAccessible(sophie, 'the onboarding page (Sophie)');
  // The establishment's step is not Sophie's to act on: only its due date
  // is Amue's to move.
  await expect(
    step(sophie, STEP_TITLES.identity).getByRole('button'),
  ).toHaveText(["Modifier l'échéance"]);
  await act(sophie, STEP_TITLES.provisioning, 'Démarrer', 'En cours');
  await act(
    sophie,
    STEP_TITLES.provisioning,
    'Marquer comme terminée',
    'Terminée',
  );

  const claire = await personaPage(browser, baseURL!, 'Claire Dubois');
  await claire.goto(`/cloud/tenants/${tenant.name}`);
  expect(await statusOf(claire, STEP_TITLES.identity)).toBe('À faire');
  await expect(
    claire.getByRole('heading', { name: 'Où en est-on' }).locator('..'),
  ).toContainText('À vous de jouer');
  await expectAccessible(claire, 'the onboarding page (Claire)');
  await act(claire, STEP_TITLES.identity, 'Démarrer', 'En cours');

  // Blocking asks for a reason, which everyone then reads.
  const identity = step(claire, STEP_TITLES.identity);
  // The dialog opens and closes with the keyboard.
  const block = identity.getByRole('button', {
    name: 'Bloquer — étape Authentification unique (SSO)',
  });
  const dialog = claire.getByRole('dialog', {
    name: "Bloquer l'étape « Authentification unique (SSO) »",
  });
  await block.focus();
  await claire.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await claire.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(block).toBeFocused();
  await claire.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Bloquer' }).click();
  await expect(dialog.getByText('Saisissez un motif.')).toBeVisible();
  await expectAccessible(claire, 'the reason dialog');
  await dialog
    .getByRole('textbox', { name: 'Motif (obligatoire)' })
    .fill("Certificat du fournisseur d'identité expiré");
  await dialog.getByRole('button', { name: 'Bloquer' }).click();
  await expect(identity.locator('[data-step-status]')).toContainText('Bloquée');
  await expect(identity).toContainText(
    "Motif : Certificat du fournisseur d'identité expiré",
  );

  // Sophie sees the blocked instance in her requests page.
  await sophie.goto('/cloud/requests');
  await expect(
    sophie
      .getByRole('table', { name: 'Instances bloquées' })
      .getByRole('row')
      .filter({ hasText: tenant.name }),
  ).toContainText("Certificat du fournisseur d'identité expiré");

  await act(claire, STEP_TITLES.identity, 'Débloquer', 'En cours');
  await act(claire, STEP_TITLES.identity, 'Marquer comme terminée', 'Terminée');
  // A new installation has no data to migrate: acceptance comes next.
  await act(claire, STEP_TITLES.acceptance, 'Démarrer', 'En cours');
  await act(
    claire,
    STEP_TITLES.acceptance,
    'Marquer comme terminée',
    'Terminée',
  );
  await claire
    .getByRole('textbox', { name: 'Votre commentaire' })
    .fill('Recette terminée par la direction financière.');
  await claire.getByRole('button', { name: 'Ajouter le commentaire' }).click();
  await expect(
    claire
      .getByRole('list', { name: 'Commentaires' })
      .getByText('Recette terminée par la direction financière.'),
  ).toBeVisible();

  await sophie.goto(`/cloud/tenants/${tenant.name}`);
  await act(
    sophie,
    STEP_TITLES.training,
    'Passer',
    'Sans objet',
    'Équipe déjà formée sur la production.',
  );
  await act(sophie, STEP_TITLES.goLive, 'Démarrer', 'En cours');
  await act(sophie, STEP_TITLES.goLive, 'Marquer comme terminée', 'Terminée');
  await expect(
    sophie.getByRole('heading', { name: 'Où en est-on' }).locator('..'),
  ).toContainText('En service');

  // Claire's instances show it live.
  await claire.goto('/cloud/instances');
  await expect(
    claire
      .getByRole('row')
      .filter({ has: claire.getByText(tenant.name, { exact: true }) }),
  ).toContainText('En service');
  await claire.context().close();
  await sophie.context().close();
});

test('the adoption dashboards count the go-live, and their CSV exports hold it', async ({
  browser,
  baseURL,
}) => {
  const marc = await personaPage(browser, baseURL!, 'Marc Petit');
  await marc.goto('/cloud/adoption');
  await expect(
    marc.getByRole('heading', { level: 1, name: 'Adoption' }),
  ).toBeVisible();

  // Bordeaux is now live for the application: one more establishment,
  // unless it was live already (an earlier run of the journey, on the same
  // database, took another environment live).
  const applications = marc.getByRole('table', {
    name: 'Adoption par application',
  });
  await marc
    .getByText('Afficher les chiffres sous forme de tableau')
    .first()
    .click();
  const row = applications.getByRole('row', { name: /^SIFAC Démat\b/ });
  const live = row.getByRole('cell').first();
  const after = await adoptionFigures(marc.request);
  expect(after.goLiveDone).toBe(before.goLiveDone + 1);
  expect(after.liveEstablishments).toBe(
    before.liveEstablishments + (bordeauxLiveBefore ? 0 : 1),
  );
  await expect(live).toHaveText(String(after.liveEstablishments));

  /** The CSV file a view's export button downloads. */
  const exported = async (view: string) => {
    const [download] = await Promise.all([
      marc.waitForEvent('download'),
      marc
        .getByRole('button', {
          name: `Exporter en CSV brut (pour les programmes) : ${view}`,
        })
        .click(),
    ]);
    const text = await fs.readFile((await download.path())!, 'utf8');
    return text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map(line => line.split(','));
  };

  // The matrix: Bordeaux live for the application.
  const matrix = await exported('Établissements × applications');
  const column = matrix[0].indexOf(tenant.application);
  expect(column).toBeGreaterThan(4);
  const bordeaux = matrix.find(line => line[0] === 'etab-0333298f');
  expect(bordeaux?.[column]).toBe('live');

  // The funnel: one more go-live done, as the page shows.
  const funnel = await exported("Entonnoir du parcours d'accompagnement");
  const done = funnel[0].indexOf('done');
  expect(funnel.find(line => line[0] === 'go-live')?.[done]).toBe(
    String(after.goLiveDone),
  );
  await marc.context().close();
});

test('Julien, of another establishment, sees none of it', async ({
  browser,
  baseURL,
}) => {
  const julien = await personaPage(browser, baseURL!, 'Julien Lefebvre');
  await julien.goto('/cloud/instances');
  await expect(
    julien.getByRole('heading', { level: 1, name: 'Mes instances' }),
  ).toBeVisible();
  await expect(
    julien.getByText(/instances? hébergées? affichées?/),
  ).toBeVisible();
  await expect(julien.getByText(tenant.name)).toHaveCount(0);
  await expect(julien.getByText(/-0333298f-/)).toHaveCount(0);

  await julien.goto(`/cloud/tenants/${tenant.name}`);
  await expect(julien.getByText('Instance hébergée introuvable')).toBeVisible();
  await expectAccessible(julien, 'the not-found page (Julien)');
  // No way to the Amue pages either.
  await expect(
    julien.getByRole('navigation').getByRole('link', { name: 'Demandes' }),
  ).toHaveCount(0);
  await julien.context().close();
});

test('an action on a step someone else changed first is refused clearly', async ({
  browser,
  baseURL,
}) => {
  const first = await personaPage(browser, baseURL!, 'Claire Dubois');
  // The second page hears nothing from the backend (no live refresh), as
  // when a change happens just before the click.
  const second = await personaPage(browser, baseURL!, 'Claire Dubois', {
    deaf: true,
  });
  for (const page of [first, second]) {
    await page.goto(`/cloud/tenants/${tenant.name}`);
    await expect(
      step(page, STEP_TITLES.decommissioning).locator('[data-step-status]'),
    ).toContainText('À faire');
  }

  await act(first, STEP_TITLES.decommissioning, 'Démarrer', 'En cours');
  await step(second, STEP_TITLES.decommissioning)
    .getByRole('button', {
      name: "Démarrer — étape Arrêt de l'installation sur site",
    })
    .click();
  const alert = second.getByRole('alert').filter({
    hasText:
      "Quelqu'un d'autre a modifié cette étape entre-temps. Rechargez pour voir la version actuelle.",
  });
  await expect(alert).toBeVisible();
  await expectAccessible(second, 'the conflict message');
  await alert.getByRole('button', { name: 'Recharger' }).click();
  await expect(alert).toBeHidden();
  await expect(
    step(second, STEP_TITLES.decommissioning).locator('[data-step-status]'),
  ).toContainText('En cours');
  await first.context().close();
  await second.context().close();
});

test('Marc, administrator, follows every establishment', async ({
  browser,
  baseURL,
}) => {
  const marc = await personaPage(browser, baseURL!, 'Marc Petit');
  await marc.goto('/cloud/instances');
  await expect(marc.getByLabel('Établissement')).toBeVisible();
  await marc.getByLabel('Établissement').selectOption('etab-0333298f');
  await expect(
    marc
      .getByRole('row')
      .filter({ has: marc.getByText(tenant.name, { exact: true }) }),
  ).toContainText('En service');
  await expectAccessible(marc, 'Mes instances (Marc)');
  await marc.goto('/cloud/requests');
  await expect(
    marc.getByRole('heading', { level: 2, name: 'Demandes à qualifier' }),
  ).toBeVisible();
  await expectAccessible(marc, 'Demandes (Marc)');
  await marc.context().close();
});
