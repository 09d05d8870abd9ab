import {
  appLanguageApiRef,
  useApiHolder,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { useMemo } from 'react';
import { cloudTranslationRef } from '../../translation';

/** How a status reads at a glance; see {@link StatusChip}. */
export type StatusTone = 'success' | 'info' | 'warning' | 'danger' | 'neutral';

/** A value of the portal's model, labelled for the reader, with its tone. */
export type ValueLabel = { label: string; tone: StatusTone };

const ENVIRONMENTS = {
  production: 'values.environment.production',
  preproduction: 'values.environment.preproduction',
  formation: 'values.environment.formation',
  test: 'values.environment.test',
} as const;

const TENANT_STATUSES = {
  requested: ['values.tenantStatus.requested', 'neutral'],
  provisioning: ['values.tenantStatus.provisioning', 'info'],
  onboarding: ['values.tenantStatus.onboarding', 'info'],
  live: ['values.tenantStatus.live', 'success'],
  suspended: ['values.tenantStatus.suspended', 'warning'],
  decommissioned: ['values.tenantStatus.decommissioned', 'neutral'],
} as const;

const VERSION_STATUSES = {
  supported: ['values.versionStatus.supported', 'success'],
  deprecated: ['values.versionStatus.deprecated', 'warning'],
  'end-of-life': ['values.versionStatus.endOfLife', 'danger'],
} as const;

const SAAS_STATUSES = {
  available: ['values.saasStatus.available', 'success'],
  pilot: ['values.saasStatus.pilot', 'info'],
  planned: ['values.saasStatus.planned', 'neutral'],
  unavailable: ['values.saasStatus.unavailable', 'warning'],
} as const;

const LIFECYCLES = {
  experimental: ['values.lifecycle.experimental', 'info'],
  production: ['values.lifecycle.production', 'success'],
  deprecated: ['values.lifecycle.deprecated', 'warning'],
  'end-of-life': ['values.lifecycle.endOfLife', 'danger'],
} as const;

/** Display names of the single sign-on protocols (proper names). */
const SSO_PROTOCOLS: Record<string, string> = {
  saml: 'SAML 2.0',
  oidc: 'OpenID Connect',
};

function lookup<T extends object>(table: T, value: unknown) {
  return typeof value === 'string' &&
    Object.prototype.hasOwnProperty.call(table, value)
    ? table[value as keyof T]
    : undefined;
}

/**
 * Labels of the portal's values (environments, statuses, lifecycles) in the
 * reader's language. An unknown value is shown as it is, in a neutral tone.
 */
export function useCloudLabels() {
  const { t } = useTranslationRef(cloudTranslationRef);
  return useMemo(() => {
    const toned = <T extends object>(table: T) => {
      return (value: unknown): ValueLabel => {
        const entry = lookup(table, value) as
          | readonly [Parameters<typeof t>[0], StatusTone]
          | undefined;
        return entry
          ? { label: t(entry[0]), tone: entry[1] }
          : {
              label: String(value ?? t('values.notProvided')),
              tone: 'neutral',
            };
      };
    };
    return {
      environment: (value: unknown): string => {
        const key = lookup(ENVIRONMENTS, value);
        return key ? t(key) : String(value ?? t('values.notProvided'));
      },
      tenantStatus: toned(TENANT_STATUSES),
      versionStatus: toned(VERSION_STATUSES),
      saasStatus: toned(SAAS_STATUSES),
      lifecycle: toned(LIFECYCLES),
      ssoProtocol: (value: unknown): string =>
        (typeof value === 'string' && SSO_PROTOCOLS[value]) ||
        String(value ?? t('values.notProvided')),
    };
  }, [t]);
}

/** The order environments are listed in, production first. */
export const ENVIRONMENT_ORDER: readonly string[] = Object.keys(ENVIRONMENTS);

/**
 * Formats a `YYYY-MM-DD` date in the reader's language ("12 mars 2024"),
 * without a time zone shift. Anything else is returned unchanged.
 */
export function useFormatDate(): (date: string) => string {
  const languageApi = useApiHolder().get(appLanguageApiRef);
  const language = languageApi?.getLanguage().language ?? 'en';
  return useMemo(() => {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(language, {
        dateStyle: 'long',
        timeZone: 'UTC',
      });
    } catch {
      format = new Intl.DateTimeFormat('en', {
        dateStyle: 'long',
        timeZone: 'UTC',
      });
    }
    // French writes the first day of a month "1er" ("1er septembre 2025").
    const firstDay = format.resolvedOptions().locale.startsWith('fr')
      ? '1er'
      : undefined;
    return (date: string) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
        return date;
      }
      const parsed = new Date(`${date}T00:00:00Z`);
      if (Number.isNaN(parsed.getTime())) {
        return date;
      }
      return format
        .formatToParts(parsed)
        .map(part =>
          part.type === 'day' && part.value === '1' && firstDay
            ? firstDay
            : part.value,
        )
        .join('');
    };
  }, [language]);
}
