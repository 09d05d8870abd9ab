import { ONBOARDING_STEP_LABELS } from '@amue/plugin-cloud-common';
import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, Page, expect } from '@playwright/test';

/*
 * What the browser tests share: the personas' Backstage tokens for API
 * calls, the accessibility check, and the self-service request form.
 */

/**
 * The URL of a backend path. The tests run against the portal's own origin
 * (the backend serves the app, as in CI); against `yarn dev`, whose frontend
 * (:3000) and backend (:7007) are two origins, set
 * PLAYWRIGHT_API_URL=http://localhost:7007.
 */
export function api(path: string): string {
  return `${process.env.PLAYWRIGHT_API_URL ?? ''}${path}`;
}

/** The `Authorization` header of a demonstration persona. */
export async function tokenOf(request: APIRequestContext, user: string) {
  const res = await request.get(api('/api/auth/dev/refresh'), {
    headers: { 'x-amue-dev-user': user, 'x-requested-with': 'XMLHttpRequest' },
  });
  expect(res.status(), `sign-in of ${user}`).toBe(200);
  return `Bearer ${(await res.json()).backstageIdentity.token}`;
}

/**
 * No serious or critical axe violation on the page, sidebar included, or
 * within `include` only (a card, a form), `exclude` left out.
 */
export async function expectAccessible(
  page: Page,
  what: string,
  include?: string,
  exclude?: string,
) {
  const builder = new AxeBuilder({ page });
  if (include) {
    builder.include(include);
  }
  if (exclude) {
    builder.exclude(exclude);
  }
  const results = await builder.analyze();
  const violations = results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .slice(0, 5)
        .map(n => `${n.target.join(' ')}: ${n.html.slice(0, 160)}`),
    }));
  expect(violations, `accessibility of ${what}`).toEqual([]);
}

/** The labels the request form shows for the tests' applications. */
const APPLICATION_TITLES: Record<string, string> = {
  sifac: 'SIFAC',
  'sifac-demat': 'SIFAC Démat',
};
const ENVIRONMENT_LABELS: Record<string, string> = {
  preproduction: 'Pré-production',
  formation: 'Formation',
  test: 'Test',
};

/** A date a year from now, YYYY-MM-DD. */
function nextYear(): string {
  const date = new Date();
  date.setFullYear(date.getFullYear() + 1);
  return date.toISOString().slice(0, 10);
}

/** The address of the form "Demander une instance hébergée". */
export const requestForm = (formData?: object) =>
  `/create/templates/default/demander-une-instance${
    formData ? `?formData=${encodeURIComponent(JSON.stringify(formData))}` : ''
  }`;

/** The establishment field, once it shows Bordeaux (Claire's). */
export async function bordeauxField(page: Page) {
  const field = page.getByRole('textbox', { name: /Établissement/ });
  await expect(field).toHaveValue('Université de Bordeaux (0333298F)');
  return field;
}

/**
 * Fills and sends "Demander une instance hébergée" as Claire (Université de
 * Bordeaux, the page signed in) for one environment of an application, and
 * waits for the task to succeed. On the way, checks that her establishment
 * is fixed, that the form is accessible and that a wrong e-mail is refused.
 */
export async function requestThroughForm(
  page: Page,
  wanted: { application: string; environment: string; comment?: string },
) {
  await page.goto(requestForm());
  await expect(
    page.getByRole('heading', { name: 'Demander une instance hébergée' }),
  ).toBeVisible();

  // Page 1: her establishment, fixed; the application; one environment; the
  // newest supported version, chosen by the form.
  await expect(await bordeauxField(page)).toBeDisabled();
  const title = APPLICATION_TITLES[wanted.application];
  const application = page.getByRole('textbox', { name: /Application/ });
  await application.click();
  await application.fill(title);
  await page.getByRole('option', { name: title, exact: true }).click();
  await page
    .getByRole('checkbox', { name: 'Production', exact: true })
    .uncheck();
  await page
    .getByRole('checkbox', {
      name: ENVIRONMENT_LABELS[wanted.environment],
      exact: true,
    })
    .check();
  await expect(page.getByRole('button', { name: /Version/ })).toContainText(
    'publiée le',
  );
  await expectAccessible(page, 'the request form, page 1', 'form');
  await page.getByRole('button', { name: 'Suivant' }).click();

  // Page 2: schedule and size.
  await page
    .getByLabel(/Date de mise en production souhaitée/)
    .fill(nextYear());
  await page.getByLabel(/Nombre d'utilisateurs attendus/).fill('800');
  await page.getByRole('radio', { name: 'Nouvelle installation' }).check();
  await page.getByRole('button', { name: 'Suivant' }).click();

  // Page 3: identity provider, a contact (a wrong e-mail is refused) and
  // the comment.
  await page
    .getByLabel(/Entity ID de votre fournisseur d'identité/)
    .fill('https://idp.u-bordeaux.fr/idp/shibboleth');
  await page.getByLabel(/^Nom/).fill('Claire Dubois');
  await page
    .getByLabel(/^Adresse électronique/)
    .fill('claire.dubois@u-bordeaux');
  await page.getByRole('button', { name: 'Vérifier' }).click();
  await expect(
    page.getByText(/Saisissez une adresse électronique/).first(),
  ).toBeVisible();
  await expect(page.getByText(/must match format/)).toHaveCount(0);
  await page
    .getByLabel(/^Adresse électronique/)
    .fill('claire.dubois@u-bordeaux.fr');
  if (wanted.comment) {
    await page.getByLabel(/Commentaire pour l'Amue/).fill(wanted.comment);
  }
  await page.getByRole('button', { name: 'Vérifier' }).click();

  // Review, then the task: validate, request, render, commit, register.
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page).toHaveURL(/\/create\/tasks\//);
  await expect(
    page.getByRole('link', { name: "Page de l'instance" }),
  ).toBeVisible({ timeout: 60_000 });
}

/**
 * Starts "Demander une instance hébergée" through the scaffolder's API as
 * Claire (token `claire`) for Lille (not her establishment: the onboarding
 * service refuses it), for one SIFAC environment; returns the task's id.
 */
export async function startRequestForLille(
  request: APIRequestContext,
  claire: string,
  environment: string,
): Promise<string> {
  const task = await request.post(api('/api/scaffolder/v2/tasks'), {
    headers: { Authorization: claire },
    data: {
      templateRef: 'template:default/demander-une-instance',
      values: {
        uai: '0597239Y',
        application: 'application:default/sifac',
        environments: [environment],
        version: '2026.2',
        migration: false,
        contacts: [
          { name: 'Claire Dubois', email: 'claire.dubois@u-bordeaux.fr' },
        ],
      },
    },
  });
  expect(task.status()).toBe(201);
  return (await task.json()).id;
}

/**
 * Strings of the other language found on the page: in its text, and in the
 * accessible names and hints people hear or hover (`aria-label`, `title`,
 * `placeholder`, `alt`). A string matches as whole words ("Catalog" is not
 * found in "Catalogue"), case-sensitively.
 */
export async function stringsOfOtherLanguage(
  page: Page,
  checked: readonly string[],
): Promise<string[]> {
  return page.evaluate(list => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(
      document.body,
      NodeFilter.SHOW_TEXT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && !parent.closest('script, style, noscript')) {
        texts.push(node.textContent ?? '');
      }
    }
    for (const element of document.body.querySelectorAll(
      '[aria-label], [title], [placeholder], [alt]',
    )) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return list.filter(word => {
      const pattern = new RegExp(
        `(^|[^\\p{L}\\p{N}])${escape(word)}($|[^\\p{L}\\p{N}])`,
        'u',
      );
      return texts.some(text => pattern.test(text));
    });
  }, checked as string[]);
}

/**
 * English left in French mode (issue 15): Backstage's and the
 * documentation theme's own strings the portal translates.
 */
export const ENGLISH_STRINGS = [
  'Catalog',
  'Settings',
  'Feature Flags',
  'Authentication Providers',
  'Show 5 results',
  'hasMember',
  'memberOf',
  'ownedBy',
  'ownerOf',
  '0 seconds',
  'Add Item',
  'Opens in a new window',
  'Table of contents',
  'Next',
  'Previous',
  'Home',
  'Overview',
  'Request an instance',
  'My instances',
  'Service offer',
] as const;

/** French left in English mode: the portal's own chrome. */
export const FRENCH_STRINGS = [
  'Accueil',
  'Paramètres',
  'Portail du mode service',
  "Vue d'ensemble",
  'Mes instances',
  'Nouvelle demande',
  'Offre de services',
  'Demander une instance',
  'Rechercher',
  'Par où commencer',
  'Disponible',
  'Prérequis',
] as const;

/**
 * The one name of each onboarding step, in French, as every page must show
 * it (issue 15): cloud-common's list, which the pages read.
 */
export const STEP_NAMES: Readonly<Record<string, string>> =
  ONBOARDING_STEP_LABELS.fr;
