import { expect, test } from '@playwright/test';
import { signInAs } from './personas';
import {
  expectAccessible,
  requestForm,
  startRequestForLille,
  tokenOf,
} from './support';

/*
 * The request form as an establishment member reads it (issue 15): the
 * application by its title, only the environments the application offers,
 * an instance the establishment already has caught in the form (with a
 * link to it), the contacts prefilled with the person signed in, a review
 * page in words rather than codes, and a failed task told as a sentence.
 *
 * Nothing is sent by the first test: it stops at the review page.
 */

const BORDEAUX_UAI = '0333298F';

/** A date a year from now, YYYY-MM-DD, and as the review shows it. */
function nextYear() {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  const iso = date.toISOString().slice(0, 10);
  const french = new Intl.DateTimeFormat('fr-FR', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
  return { iso, french };
}

test('the request form shows titles, offered environments, existing instances, contacts and a readable review', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await signInAs(page, 'Claire Dubois');
  await page.goto(requestForm());
  await expect(
    page.getByRole('heading', { name: 'Demander une instance hébergée' }),
  ).toBeVisible();
  await expect(
    page.getByRole('textbox', { name: /Établissement/ }),
  ).toHaveValue(`Université de Bordeaux (${BORDEAUX_UAI})`);

  // The application by its title, never its entity ref.
  const application = page.getByRole('textbox', { name: /Application/ });
  await application.click();
  await application.fill('SIFAC D');
  await page.getByRole('option', { name: 'SIFAC Démat', exact: true }).click();
  await expect(application).toHaveValue('SIFAC Démat');
  await expect(page.getByText(/application:default\//)).toHaveCount(0);

  // Only the environments SIFAC Démat offers: no "Test".
  const environments = page.getByRole('group', { name: /Environnements/ });
  for (const name of ['Production', 'Pré-production', 'Formation']) {
    await expect(
      environments.getByRole('checkbox', { name, exact: true }),
    ).toBeVisible();
  }
  await expect(
    environments.getByRole('checkbox', { name: 'Test', exact: true }),
  ).toHaveCount(0);

  // Bordeaux has SIFAC Démat in production (demo data): said in the form,
  // with a link to the instance, and the form does not go on.
  const existing = page.getByRole('link', {
    name: `Voir l'instance sifac-demat-${BORDEAUX_UAI.toLowerCase()}-production`,
  });
  await expect(existing).toBeVisible();
  await expect(existing).toHaveAttribute(
    'href',
    `/cloud/tenants/sifac-demat-${BORDEAUX_UAI.toLowerCase()}-production`,
  );
  await expect(
    page
      .getByText(
        "Votre établissement a déjà l'instance Production de SIFAC Démat",
      )
      .first(),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('request-existing-instance.png'),
    fullPage: true,
  });
  await expectAccessible(
    page,
    'the request form, page 1, an existing instance',
    'form',
  );
  await page.getByRole('button', { name: 'Suivant' }).click();
  // The form stays on its first page, saying why.
  await expect(
    page.getByText(/^'Environnements' Votre établissement a déjà/),
  ).toBeVisible();
  await expect(
    page.getByLabel(/Date de mise en production souhaitée/),
  ).toHaveCount(0);

  // Pégase offers a test environment; Bordeaux has none of Pégase's
  // production and pre-production.
  await application.click();
  await application.fill('Pégase');
  await page.getByRole('option', { name: 'Pégase', exact: true }).click();
  await expect(
    environments.getByRole('checkbox', { name: 'Test', exact: true }),
  ).toBeVisible();
  await environments
    .getByRole('checkbox', { name: 'Pré-production', exact: true })
    .check();
  await expect(existing).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Version/ })).toContainText(
    'publiée le',
  );
  await page.getByRole('button', { name: 'Suivant' }).click();

  // Page 2.
  const date = nextYear();
  await page.getByLabel(/Date de mise en production souhaitée/).fill(date.iso);
  await page.getByLabel(/Nombre d'utilisateurs attendus/).fill('800');
  await page.getByRole('radio', { name: 'Nouvelle installation' }).check();
  await page.getByRole('button', { name: 'Suivant' }).click();

  // Page 3: the example identity provider is not a link; the contact is
  // the person signed in; no "Contacts-1" heading nor "Add Item".
  await expect(
    page.getByText('https://idp.univ-exemple.fr/idp/shibboleth').first(),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: /idp\.univ-exemple\.fr/ }),
  ).toHaveCount(0);
  await expect(page.getByLabel(/^Nom/)).toHaveValue('Claire Dubois');
  await expect(page.getByLabel(/^Adresse électronique/)).toHaveValue(
    'claire.dubois@u-bordeaux.fr',
  );
  await expect(page.getByText('Contacts-1')).toHaveCount(0);
  await expect(page.getByText('Add Item')).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: 'Ajouter un contact' }),
  ).toBeVisible();
  await page
    .getByLabel(/Entity ID de votre fournisseur d'identité/)
    .fill('https://idp.u-bordeaux.fr/idp/shibboleth');
  await expectAccessible(page, 'the request form, page 3', 'form');
  await page.screenshot({
    path: testInfo.outputPath('request-contacts.png'),
    fullPage: true,
  });
  await page.getByRole('button', { name: 'Vérifier' }).click();

  // The review: words, not codes.
  await expect(
    page.getByRole('heading', { name: 'Vérifiez vos réponses' }),
  ).toBeVisible();
  const review = page.locator('table');
  for (const text of [
    `Université de Bordeaux (${BORDEAUX_UAI})`,
    'Pégase',
    'Production',
    'Pré-production',
    date.french,
    'Nouvelle installation',
    'Claire Dubois — claire.dubois@u-bordeaux.fr',
  ]) {
    await expect(
      review.getByText(text, { exact: true }).first(),
      `"${text}" on the review page`,
    ).toBeVisible();
  }
  for (const raw of [
    /application:default/,
    /\bpreproduction\b/,
    /\bname:/,
    /\bemail:/,
    new RegExp(date.iso),
  ]) {
    await expect(review.getByText(raw)).toHaveCount(0);
  }
  await expectAccessible(page, 'the review page', '#cloud-review');
  await page.screenshot({
    path: testInfo.outputPath('request-review.png'),
    fullPage: true,
  });
  await expect(
    page.getByRole('button', { name: 'Envoyer la demande' }),
  ).toBeVisible();
});

test('a failed request is told as a translated sentence, without a stack trace', async ({
  page,
  request,
}, testInfo) => {
  // A task the onboarding service refuses: Claire asks for Lille.
  const claire = await tokenOf(request, 'claire.dubois');
  const id = await startRequestForLille(request, claire, 'test');

  await signInAs(page, 'Claire Dubois');
  await page.goto(`/create/tasks/${id}`);
  const alert = page.getByRole('alert').filter({
    hasText: "Votre demande n'a pas pu aboutir",
  });
  await expect(alert).toBeVisible({ timeout: 60_000 });
  await expect(alert).toContainText(/L'étape « .+ » s'est arrêtée/);
  await expect(alert).toContainText("vous n'avez pas le droit");
  for (const english of [
    /you may only/i,
    /\bError:/,
    /onboarding service refused/,
    /at .+\.js:\d+/,
  ]) {
    await expect(page.getByText(english)).toHaveCount(0);
  }
  await expect(
    page.getByRole('button', { name: 'Recommencer avec les mêmes réponses' }),
  ).toBeVisible();
  // The steps and their durations in French ("1 seconde", never
  // "0 seconds").
  await expect(alert).toBeVisible();
  await expect(page.getByText(/\bseconds?\b/)).toHaveCount(0);
  await expect(page.getByText('Échec').first()).toBeVisible();
  await expectAccessible(page, 'the failed task', '#cloud-task');
  await page.screenshot({
    path: testInfo.outputPath('task-failed.png'),
    fullPage: true,
  });
});

test('an application page offers "Demander une instance", which prefills the form', async ({
  page,
}, testInfo) => {
  await signInAs(page, 'Claire Dubois');
  await page.goto('/catalog/default/application/pegase');
  const button = page.getByRole('link', { name: 'Demander une instance' });
  await expect(button).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('application-request-button.png'),
  });
  await button.click();
  await expect(page).toHaveURL(
    /\/create\/templates\/default\/demander-une-instance/,
  );
  await expect(page.getByRole('textbox', { name: /Application/ })).toHaveValue(
    'Pégase',
  );
  await expect(
    page.getByRole('textbox', { name: /Établissement/ }),
  ).toHaveValue(`Université de Bordeaux (${BORDEAUX_UAI})`);
});
