import {
  getStepDefinition,
  isOnboardingStepId,
  type OnboardingAction,
  type OnboardingActorSide,
  type OnboardingSide,
  type OnboardingStepId,
  type OnboardingStepStatus,
  type Tenant,
  type TenantEventType,
} from '@amue/plugin-cloud-common';
import {
  appLanguageApiRef,
  useApiHolder,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { useMemo } from 'react';
import { cloudTranslationRef } from '../../translation';
import { useFormatDate, type ValueLabel } from '../common/labels';

const STEPS = {
  request: 'onboarding.steps.request',
  qualification: 'onboarding.steps.qualification',
  provisioning: 'onboarding.steps.provisioning',
  identity: 'onboarding.steps.identity',
  'data-migration': 'onboarding.steps.dataMigration',
  acceptance: 'onboarding.steps.acceptance',
  training: 'onboarding.steps.training',
  'go-live': 'onboarding.steps.goLive',
  decommissioning: 'onboarding.steps.decommissioning',
} as const;

const STEP_STATUSES = {
  todo: ['onboarding.stepStatus.todo', 'neutral'],
  in_progress: ['onboarding.stepStatus.inProgress', 'info'],
  done: ['onboarding.stepStatus.done', 'success'],
  blocked: ['onboarding.stepStatus.blocked', 'danger'],
  skipped: ['onboarding.stepStatus.skipped', 'neutral'],
} as const;

const SIDES = {
  amue: 'onboarding.sides.amue',
  establishment: 'onboarding.sides.establishment',
} as const;

const ACTIONS = {
  start: 'onboarding.actions.start',
  complete: 'onboarding.actions.complete',
  block: 'onboarding.actions.block',
  unblock: 'onboarding.actions.unblock',
  skip: 'onboarding.actions.skip',
  reopen: 'onboarding.actions.reopen',
  approve: 'onboarding.actions.approve',
  reject: 'onboarding.actions.reject',
} as const;

const EVENT_TYPES = {
  'request.created': 'onboarding.events.types.requestCreated',
  'request.approved': 'onboarding.events.types.requestApproved',
  'request.rejected': 'onboarding.events.types.requestRejected',
  'request.decision-undone': 'onboarding.events.types.requestDecisionUndone',
  'step.started': 'onboarding.events.types.stepStarted',
  'step.completed': 'onboarding.events.types.stepCompleted',
  'step.blocked': 'onboarding.events.types.stepBlocked',
  'step.unblocked': 'onboarding.events.types.stepUnblocked',
  'step.skipped': 'onboarding.events.types.stepSkipped',
  'step.reopened': 'onboarding.events.types.stepReopened',
  'comment.added': 'onboarding.events.types.commentAdded',
  'funding.recorded': 'onboarding.events.types.fundingRecorded',
  'training.recorded': 'onboarding.events.types.trainingRecorded',
  'tenant.version-changed': 'onboarding.events.types.versionChanged',
  'tenant.decommissioned': 'onboarding.events.types.decommissioned',
} as const;

/** What a decision adds to the actions on a step. */
export type OnboardingUiAction = OnboardingAction | 'approve' | 'reject';

/** Who the next move of an onboarding belongs to, for the reader. */
export type Waiting =
  | 'actionRequired'
  | 'amue'
  | 'establishment'
  | 'done'
  | 'closed';

function lookup<T extends object>(table: T, value: unknown) {
  return typeof value === 'string' &&
    Object.prototype.hasOwnProperty.call(table, value)
    ? table[value as keyof T]
    : undefined;
}

/**
 * Who the next move belongs to: nobody once the tenant is closed or every
 * step is settled; otherwise the side of the current step, which is "your
 * move" when the reader acts for that side (administrators, who act for
 * both, are told whose move it is).
 */
export function waitingOf(
  tenant: Pick<Tenant, 'currentStep' | 'decommissioned'>,
  readerSide: OnboardingActorSide | undefined,
): Waiting {
  if (tenant.decommissioned) {
    return 'closed';
  }
  if (!tenant.currentStep || !isOnboardingStepId(tenant.currentStep)) {
    return 'done';
  }
  const side: OnboardingSide = getStepDefinition(tenant.currentStep).side;
  return readerSide === side ? 'actionRequired' : side;
}

/** The language the portal is shown in. */
function useLanguage(): string {
  const languageApi = useApiHolder().get(appLanguageApiRef);
  return languageApi?.getLanguage().language ?? 'en';
}

/**
 * Labels of the onboarding (steps, statuses, sides, actions, events) and
 * formats of its figures, in the reader's language. Unknown values are
 * shown as they are.
 */
export function useOnboardingLabels() {
  const { t } = useTranslationRef(cloudTranslationRef);
  const language = useLanguage();
  const formatDate = useFormatDate();
  return useMemo(() => {
    let locale = 'en';
    try {
      if (Intl.DateTimeFormat.supportedLocalesOf(language).length > 0) {
        locale = language;
      }
    } catch {
      // not a language tag: English
    }
    const dateTime = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeStyle: 'short',
    });
    const percent = new Intl.NumberFormat(locale, {
      style: 'percent',
      maximumFractionDigits: 0,
    });
    const euros = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: 0,
    });
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const formatIso = (format: Intl.DateTimeFormat) => (value: string) => {
      const parsed = new Date(value);
      return Number.isNaN(parsed.getTime()) ? value : format.format(parsed);
    };
    return {
      step: (id: OnboardingStepId | string | null | undefined): string => {
        const key = lookup(STEPS, id);
        return key ? t(key) : String(id ?? '');
      },
      stepStatus: (status: OnboardingStepStatus | string): ValueLabel => {
        const entry = lookup(STEP_STATUSES, status);
        return entry
          ? { label: t(entry[0]), tone: entry[1] }
          : { label: String(status), tone: 'neutral' };
      },
      side: (side: OnboardingSide | string): string => {
        const key = lookup(SIDES, side);
        return key ? t(key) : String(side);
      },
      action: (action: OnboardingUiAction): string => t(ACTIONS[action]),
      eventType: (type: TenantEventType | string): string => {
        const key = lookup(EVENT_TYPES, type);
        return key ? t(key) : String(type);
      },
      waiting: (waiting: Waiting): ValueLabel => {
        switch (waiting) {
          case 'actionRequired':
            return {
              label: t('onboarding.waiting.actionRequired'),
              tone: 'warning',
            };
          case 'amue':
            return { label: t('onboarding.waiting.amue'), tone: 'info' };
          case 'establishment':
            return {
              label: t('onboarding.waiting.establishment'),
              tone: 'info',
            };
          case 'done':
            return { label: t('onboarding.waiting.done'), tone: 'success' };
          default:
            return { label: t('onboarding.waiting.closed'), tone: 'neutral' };
        }
      },
      /** An ISO date-time, e.g. "12 mars 2026 à 10:04". */
      dateTime: formatIso(dateTime),
      /**
       * The date of an ISO date, or the local date of an ISO date-time,
       * e.g. "1er mars 2026".
       */
      date: (value: string) => {
        if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
          return formatDate(value);
        }
        const parsed = new Date(value);
        if (Number.isNaN(parsed.getTime())) {
          return value;
        }
        const pad = (n: number) => String(n).padStart(2, '0');
        return formatDate(
          `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(
            parsed.getDate(),
          )}`,
        );
      },
      percent: (value: number) => percent.format(value),
      euros: (value: number) => euros.format(value),
      integer: (value: number) => integer.format(value),
    };
  }, [t, language, formatDate]);
}
