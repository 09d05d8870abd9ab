import type { Environment } from './constants';
import type { OnboardingStepId } from './onboarding/steps';

/**
 * Languages the portal's shared labels are written in.
 *
 * @public
 */
export type LabelLanguage = 'fr' | 'en';

/**
 * The one name of each onboarding step, per language. Every page (the
 * onboarding page, Mes instances, Demandes, the home page's "À faire", the
 * adoption reports), the notifications and the reminders read it from here,
 * so a step is called the same everywhere.
 *
 * @public
 */
export const ONBOARDING_STEP_LABELS: Readonly<
  Record<LabelLanguage, Readonly<Record<OnboardingStepId, string>>>
> = Object.freeze({
  fr: Object.freeze({
    request: 'Demande',
    qualification: 'Qualification',
    provisioning: 'Provisionnement',
    identity: 'Authentification unique (SSO)',
    'data-migration': 'Reprise des données',
    acceptance: 'Recette',
    training: 'Formation',
    'go-live': 'Mise en production',
    decommissioning: "Arrêt de l'installation sur site",
  }),
  en: Object.freeze({
    request: 'Request',
    qualification: 'Qualification',
    provisioning: 'Provisioning',
    identity: 'Single sign-on',
    'data-migration': 'Data migration',
    acceptance: 'Acceptance testing',
    training: 'Training',
    'go-live': 'Go-live',
    decommissioning: 'Switching off the on-premise installation',
  }),
});

/**
 * The name of each environment, per language, as it starts a sentence or a
 * title (`Production`, `Formation`...).
 *
 * @public
 */
export const ENVIRONMENT_LABELS: Readonly<
  Record<LabelLanguage, Readonly<Record<Environment, string>>>
> = Object.freeze({
  fr: Object.freeze({
    production: 'Production',
    preproduction: 'Pré-production',
    formation: 'Formation',
    test: 'Test',
  }),
  en: Object.freeze({
    production: 'Production',
    preproduction: 'Pre-production',
    formation: 'Training',
    test: 'Test',
  }),
});

/**
 * The name of a step in a language; an unknown id is returned as it is.
 *
 * @public
 */
export function onboardingStepLabel(
  stepId: string,
  language: LabelLanguage = 'fr',
): string {
  const labels: Record<string, string> = ONBOARDING_STEP_LABELS[language];
  return Object.prototype.hasOwnProperty.call(labels, stepId)
    ? labels[stepId]
    : stepId;
}

/**
 * The name of an environment in a language; an unknown code is returned as
 * it is.
 *
 * @public
 */
export function environmentLabel(
  environment: string,
  language: LabelLanguage = 'fr',
): string {
  const labels: Record<string, string> = ENVIRONMENT_LABELS[language];
  return Object.prototype.hasOwnProperty.call(labels, environment)
    ? labels[environment]
    : environment;
}
