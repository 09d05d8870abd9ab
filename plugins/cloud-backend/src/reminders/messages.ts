import type { Environment, OnboardingStepId } from '@amue/plugin-cloud-common';
import { ENVIRONMENT_LABELS_FR, STEP_TITLES_FR } from '../service/notifier';

/**
 * Languages of the reminders. The notifications plugin stores a payload as
 * plain text, so a reminder is written in its recipient's language: the
 * annotation {@link LANGUAGE_ANNOTATION} of their User entity, else the
 * configured default (`cloud.reminders.language`, French).
 */
export const REMINDER_LANGUAGES = ['fr', 'en'] as const;

/** A language of the reminders. */
export type ReminderLanguage = (typeof REMINDER_LANGUAGES)[number];

/** Annotation of a User entity naming the language of their reminders. */
export const LANGUAGE_ANNOTATION = 'cloud.amue.fr/language';

/** Why a person is told about a step. */
export type ReminderKind =
  /** Due within `cloud.reminders.dueSoonDays`. */
  | 'due-soon'
  /** Past its due date: to whoever must act. */
  | 'overdue'
  /** Late beyond the first escalation delay: to the product owner. */
  | 'escalated-owner'
  /** Late beyond the second escalation delay: to the administrators. */
  | 'escalated-admins';

/** One step in a reminder. */
export interface ReminderItem {
  stepId: OnboardingStepId;
  kind: ReminderKind;
  /** ISO date-time. */
  dueDate: string;
  /** Whole days late (0 on the due day), or days left when due soon. */
  days: number;
}

const STEP_TITLES_EN: Record<OnboardingStepId, string> = {
  request: 'Request',
  qualification: 'Qualification',
  provisioning: 'Provisioning',
  identity: 'Single sign-on (SSO)',
  'data-migration': 'Data migration',
  acceptance: 'Acceptance testing',
  training: 'Training',
  'go-live': 'Go-live',
  decommissioning: 'On-premise switch-off',
};

const ENVIRONMENT_LABELS_EN: Record<Environment, string> = {
  production: 'production',
  preproduction: 'pre-production',
  formation: 'training',
  test: 'test',
};

/** Names of what a reminder is about, from the catalog. */
export interface ReminderSubject {
  application: string;
  environment: Environment;
  establishment: string;
}

function dateIn(language: ReminderLanguage, iso: string): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

function lineFr(item: ReminderItem): string {
  const step = `« ${STEP_TITLES_FR[item.stepId]} »`;
  const due = dateIn('fr', item.dueDate);
  switch (item.kind) {
    case 'due-soon':
      return item.days <= 0
        ? `${step} arrive à échéance aujourd'hui (${due}).`
        : `${step} arrive à échéance le ${due} (dans ${plural(
            item.days,
            'jour',
            'jours',
          )}).`;
    case 'overdue':
      return `${step} est en retard : échéance dépassée le ${due} (${plural(
        item.days,
        'jour',
        'jours',
      )} de retard).`;
    case 'escalated-owner':
      return `${step} est en retard de ${plural(
        item.days,
        'jour',
        'jours',
      )} (échéance le ${due}) : l'étape vous est signalée en tant que responsable produit.`;
    default:
      return `${step} est en retard de ${plural(
        item.days,
        'jour',
        'jours',
      )} (échéance le ${due}) : l'étape est signalée aux administrateurs du portail.`;
  }
}

function lineEn(item: ReminderItem): string {
  const step = `"${STEP_TITLES_EN[item.stepId]}"`;
  const due = dateIn('en', item.dueDate);
  switch (item.kind) {
    case 'due-soon':
      return item.days <= 0
        ? `${step} is due today (${due}).`
        : `${step} is due on ${due} (in ${plural(item.days, 'day', 'days')}).`;
    case 'overdue':
      return `${step} is overdue: it was due on ${due} (${plural(
        item.days,
        'day',
        'days',
      )} late).`;
    case 'escalated-owner':
      return `${step} is ${plural(
        item.days,
        'day',
        'days',
      )} late (due on ${due}): it is escalated to you as the product owner.`;
    default:
      return `${step} is ${plural(
        item.days,
        'day',
        'days',
      )} late (due on ${due}): it is escalated to the portal's administrators.`;
  }
}

/**
 * The title and text of one reminder: a tenant's steps due soon or late for
 * one person, in their language.
 */
export function reminderText(
  language: ReminderLanguage,
  subject: ReminderSubject,
  items: ReminderItem[],
): { title: string; description: string } {
  const late = items.some(item => item.kind !== 'due-soon');
  if (language === 'en') {
    const what = `${subject.application} (${
      ENVIRONMENT_LABELS_EN[subject.environment]
    }) — ${subject.establishment}`;
    return {
      title: `${late ? 'Overdue onboarding step' : 'Onboarding step due soon'}${
        items.length > 1 ? 's' : ''
      }: ${what}`,
      description: `${items
        .map(lineEn)
        .join(
          ' ',
        )} Open the instance's onboarding to act or to say what blocks it.`,
    };
  }
  const what = `${subject.application} (${
    ENVIRONMENT_LABELS_FR[subject.environment]
  }) — ${subject.establishment}`;
  const titles = {
    late: ['Étape en retard', 'Étapes en retard'],
    soon: ['Étape bientôt à échéance', 'Étapes bientôt à échéance'],
  };
  const title = titles[late ? 'late' : 'soon'][items.length > 1 ? 1 : 0];
  return {
    title: `${title} : ${what}`,
    description: `${items
      .map(lineFr)
      .join(
        ' ',
      )} Ouvrez l'accompagnement de l'instance pour agir ou signaler ce qui bloque.`,
  };
}
