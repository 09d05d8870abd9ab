import AxeBuilder from '@axe-core/playwright';
import {
  APIRequestContext,
  Browser,
  Locator,
  Page,
  expect,
  test,
} from '@playwright/test';
import { signInAs } from './personas';

/*
 * The onboarding journey, as the personas live it on the running portal:
 * Claire (Université de Bordeaux) requests an instance; Sophie (owner of
 * SIFAC and SIFAC Démat) finds it in "Demandes" and approves it; both sides
 * then drive their steps (Claire's single sign-on is blocked, then
 * unblocked) up to the go-live; Julien (Université de Lille) sees none of
 * it; and an action on a version of a step that someone else changed first
 * is refused with a clear message. Every page of the journey is checked
 * with axe (no serious or critical violation).
 *
 * Rerunning: the cloud database keeps its tenants between runs and a
 * tenant cannot be deleted, so each run requests a tenant that does not
 * exist yet: the first free one among Bordeaux's SIFAC and SIFAC Démat
 * environments that the demo data leaves unused (five of them). Once all
 * five exist the journey is skipped, with the reason: start the portal on a
 * fresh database (a new AMUE_DATA_DIR) to run it again. CI runs it once, on
 * a fresh database.
 *
 * The request is created through the onboarding API with Claire's token:
 * the scaffolder template "Demander une instance" is not in the repository
 * yet. Its form is tested on its own.
 *
 * The API calls go to the portal's origin, as in CI (the backend serves the
 * app). Against `yarn dev`, whose frontend (:3000) and backend (:7007) are
 * two origins, set PLAYWRIGHT_API_URL=http://localhost:7007.
 */

const BORDEAUX_UAI = '0333298F';
const CANDIDATES = [
  ['sifac', 'test'],
  ['sifac', 'preproduction'],
  ['sifac', 'formation'],
  ['sifac-demat', 'preproduction'],
  ['sifac-demat', 'formation'],
] as const;

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

/** The URL of a backend path. */
function api(path: string): string {
  return `${process.env.PLAYWRIGHT_API_URL ?? ''}${path}`;
}

async function tokenOf(request: APIRequestContext, user: string) {
  const res = await request.get(api('/api/auth/dev/refresh'), {
    headers: { 'x-amue-dev-user': user, 'x-requested-with': 'XMLHttpRequest' },
  });
  expect(res.status(), `sign-in of ${user}`).toBe(200);
  return `Bearer ${(await res.json()).backstageIdentity.token}`;
}

/**
 * No serious or critical accessibility violation on the page. The sidebar,
 * the same on every page, is left to the tests of the app's shell.
 */
async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .exclude('[data-testid="sidebar-root"]')
    .analyze();
  const violations = results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
    }));
  expect(violations, `accessibility of ${what}`).toEqual([]);
}

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
 * Clicks the action on a step and waits for its status. Nothing to do when
 * the step already has that status or is settled (a previous run of the
 * journey got further).
 */
async function act(
  page: Page,
  title: string,
  action: string,
  status: string,
  reason?: string,
) {
  const current = await statusOf(page, title);
  if ([status, 'Terminée', 'Sans objet'].includes(current)) {
    return;
  }
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

test.beforeAll(async ({ request }) => {
  const marc = await tokenOf(request, 'marc.petit');
  const res = await request.get(
    api(
      `/api/cloud/tenants?establishment=etab-${BORDEAUX_UAI.toLowerCase()}&limit=500`,
    ),
    { headers: { Authorization: marc } },
  );
  expect(res.status()).toBe(200);
  // The journey goes on with the tenant of a previous run that stopped
  // before the go-live (it is the same request again: same idempotency
  // key), or requests a tenant that does not exist yet.
  const existing = new Map<
    string,
    {
      status: string;
      decommissioned: boolean;
      request: { comment?: string };
    }
  >((await res.json()).items.map((t: any) => [t.name, t]));
  const candidates = CANDIDATES.map(([application, environment]) => ({
    application,
    environment,
    name: `${application}-${BORDEAUX_UAI.toLowerCase()}-${environment}`,
  }));
  const free =
    candidates.find(candidate => {
      const found = existing.get(candidate.name);
      return (
        found?.request.comment === REQUEST_COMMENT &&
        found.status !== 'live' &&
        !found.decommissioned
      );
    }) ?? candidates.find(candidate => !existing.has(candidate.name));
  test.skip(
    !free,
    'Every tenant this journey can request already exists: run it on a fresh database.',
  );
  tenant = free!;
});

test('Claire requests an instance and sees it wait for Amue', async ({
  browser,
  request,
  baseURL,
}) => {
  const claire = await tokenOf(request, 'claire.dubois');
  const application = await request.get(
    api(
      `/api/catalog/entities/by-name/application/default/${tenant.application}`,
    ),
    { headers: { Authorization: claire } },
  );
  const version = (await application.json()).spec.versions.find(
    (v: { status: string }) => v.status === 'supported',
  ).version;
  const created = await request.post(api('/api/cloud/requests'), {
    headers: { Authorization: claire },
    data: {
      application: tenant.application,
      uai: BORDEAUX_UAI,
      environment: tenant.environment,
      version,
      request: {
        migration: false,
        expectedUsers: 25,
        wishedGoLiveDate: '2027-06-01',
        comment: REQUEST_COMMENT,
      },
      idempotencyKey: `e2e-onboarding-${tenant.name}`,
    },
  });
  // 201, or 200 when a previous run made the same request.
  expect([200, 201]).toContain(created.status());

  const page = await personaPage(browser, baseURL!, 'Claire Dubois');
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
  if (created.status() === 201) {
    await expect(row).toContainText('Demandée');
    await expect(row).toContainText('Qualification');
    await expect(row).toContainText("En attente de l'Amue");
  }
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
  test.skip(
    (await current.json()).status !== 'requested',
    'approved by a previous run of the journey',
  );

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

  await sophie
    .getByRole('textbox', { name: `Commentaire sur la demande ${tenant.name}` })
    .fill('Convention de service reçue, demande acceptée.');
  await sophie
    .getByRole('button', { name: `Accepter la demande ${tenant.name}` })
    .click();
  await expect(
    sophie
      .getByRole('status')
      .filter({ hasText: `Demande ${tenant.name} acceptée.` }),
  ).toBeAttached();
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
  // The establishment's step is not Sophie's to act on.
  await expect(
    step(sophie, STEP_TITLES.identity).getByRole('button'),
  ).toHaveCount(0);
  await act(sophie, STEP_TITLES.provisioning, 'Démarrer', 'En cours');
  await act(
    sophie,
    STEP_TITLES.provisioning,
    'Marquer comme terminée',
    'Terminée',
  );

  const claire = await personaPage(browser, baseURL!, 'Claire Dubois');
  await claire.goto(`/cloud/tenants/${tenant.name}`);
  if ((await statusOf(claire, STEP_TITLES.identity)) === 'À faire') {
    await expect(
      claire.getByRole('heading', { name: 'Où en est-on' }).locator('..'),
    ).toContainText('À vous de jouer');
  }
  await expectAccessible(claire, 'the onboarding page (Claire)');
  await act(claire, STEP_TITLES.identity, 'Démarrer', 'En cours');

  // Blocking asks for a reason, which everyone then reads.
  const identity = step(claire, STEP_TITLES.identity);
  if ((await statusOf(claire, STEP_TITLES.identity)) === 'En cours') {
    await identity
      .getByRole('button', {
        name: 'Bloquer — étape Authentification unique (SSO)',
      })
      .click();
    const dialog = claire.getByRole('dialog', {
      name: "Bloquer l'étape « Authentification unique (SSO) »",
    });
    await dialog.getByRole('button', { name: 'Bloquer' }).click();
    await expect(dialog.getByText('Saisissez un motif.')).toBeVisible();
    await expectAccessible(claire, 'the reason dialog');
    await dialog
      .getByRole('textbox', { name: 'Motif (obligatoire)' })
      .fill("Certificat du fournisseur d'identité expiré");
    await dialog.getByRole('button', { name: 'Bloquer' }).click();
    await expect(identity.locator('[data-step-status]')).toContainText(
      'Bloquée',
    );
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
  }

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
