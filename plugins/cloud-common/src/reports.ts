import type {
  FundingEnvelope,
  OverdueReport,
  ReportFilterOptions,
} from './generated/models';
import type { OnboardingSide, OnboardingStepId } from './onboarding';

/*
 * The JSON shapes of the reports of the onboarding service
 * (`GET /api/cloud/reports/{adoption|funnel|durations|blocked}`). The
 * backend computes them in SQL; the portal's dashboards only show them.
 */

/**
 * Where an establishment stands with an application.
 *
 * @public
 */
export type AdoptionState = 'live' | 'in_progress' | 'not_started';

/**
 * The adoption states, from the most advanced.
 *
 * @public
 */
export const ADOPTION_STATES: readonly AdoptionState[] = [
  'live',
  'in_progress',
  'not_started',
];

/** @public */
export interface ApplicationAdoption {
  application: string;
  title: string;
  /** Establishments with a live tenant of the application. */
  live: number;
  /** Establishments with a tenant under way and none live. */
  inProgress: number;
  /** Establishments with no tenant of the application (or only closed ones). */
  notStarted: number;
  /** Number of establishments. */
  total: number;
}

/**
 * A point on the Earth in decimal degrees (WGS 84).
 *
 * @public
 */
export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/**
 * Reads a location written `<latitude>,<longitude>` (the dataset's
 * `géolocalisation` column, the {@link ESTABLISHMENT_LOCATION_ANNOTATION}
 * annotation); null when it is not two numbers within range.
 *
 * @public
 */
export function parseGeoPoint(
  text: string | null | undefined,
): GeoPoint | null {
  const parts = (text ?? '').split(',').map(part => part.trim());
  if (parts.length !== 2 || parts.some(part => !/^-?\d+(\.\d+)?$/.test(part))) {
    return null;
  }
  const [latitude, longitude] = parts.map(Number);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    return null;
  }
  return { latitude, longitude };
}

/** @public */
export interface EstablishmentAdoption {
  establishment: string;
  title: string;
  uai: string;
  region: string | null;
  type: string | null;
  /** Where the establishment is, when the dataset says. */
  location?: GeoPoint | null;
  /** The state of the establishment for each application, by name. */
  cells: Record<string, AdoptionState>;
}

/* The API's models under the names the packages know them by. */
export type {
  StepOverdueCount,
  ApplicationOverdueCount,
  OverdueReport,
  EstablishmentFunding,
  ApplicationFunding,
  FundingEnvelope,
  ReportFilterOptions,
  ReportFilterOption,
} from './generated/models';

/**
 * Incentive funding granted and paid, in whole euros.
 *
 * @public
 */
export interface FundingSums {
  grantedEur: number;
  paidEur: number;
}

/**
 * The filters of the reports (`GET /reports/...?region=&type=&q=&application=`):
 * they narrow every figure of a report, JSON and CSV alike, to the member
 * establishments and applications they let through. Empty values are no
 * filter.
 *
 * @public
 */
export interface ReportFilters {
  /** Region slug (`cloud.amue.fr/region` label); `none` for no region. */
  region?: string;
  /** Establishment type slug; `none` for no type. */
  type?: string;
  /** Words that the establishment's name, title or UAI all contain. */
  q?: string;
  /** Application name. */
  application?: string;
}

/**
 * The value of the region and type filters that selects the establishments
 * whose dataset row gives none.
 *
 * @public
 */
export const REPORT_FILTER_NONE = 'none';

/** Lowercase without accents: `Bordéaux` and `BORDEAUX` match `bordeaux`. */
function foldCase(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

/**
 * True when an establishment passes the establishment filters of
 * {@link ReportFilters} (region, type, words).
 *
 * @public
 */
export function matchesEstablishmentFilters(
  establishment: {
    name: string;
    title: string;
    uai: string;
    region?: string | null;
    type?: string | null;
  },
  filters: ReportFilters,
): boolean {
  const matches = (value: string | null | undefined, wanted?: string) =>
    !wanted ||
    (wanted === REPORT_FILTER_NONE ? !value : (value ?? '') === wanted);
  if (
    !matches(establishment.region, filters.region) ||
    !matches(establishment.type, filters.type)
  ) {
    return false;
  }
  const words = foldCase(filters.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) {
    return true;
  }
  const text = foldCase(
    `${establishment.title} ${establishment.uai} ${establishment.name}`,
  );
  return words.every(word => text.includes(word));
}

/** @public */
export interface AdoptionReport {
  /** The choices of the filters (not narrowed by them). */
  filterOptions?: ReportFilterOptions;
  applications: ApplicationAdoption[];
  /** The matrix: one row per establishment, one cell per application. */
  establishments: EstablishmentAdoption[];
  funding: FundingSums;
  training: { sessionsHeld: number; staffTrained: number };
  overdue: OverdueReport;
  envelope: FundingEnvelope;
}

/** @public */
export interface FunnelStep {
  step: OnboardingStepId;
  side: OnboardingSide;
  reached: number;
  done: number;
  skipped: number;
  inProgress: number;
  blocked: number;
  todo: number;
  current: number;
}

/** @public */
export interface FunnelReport {
  /** Tenants counted (permitted, not decommissioned). */
  tenants: number;
  steps: FunnelStep[];
}

/** @public */
export interface StepDurations {
  step: OnboardingStepId;
  side: OnboardingSide;
  /** Number of durations measured (tenants with the step done). */
  count: number;
  medianDays: number | null;
  p90Days: number | null;
}

/** @public */
export interface DurationsReport {
  steps: StepDurations[];
}

/** @public */
export interface BlockedStep {
  /** Tenant name. */
  tenant: string;
  application: string;
  establishment: string;
  environment: string;
  step: OnboardingStepId;
  side: OnboardingSide;
  reason: string | null;
  /** When the step was blocked (ISO 8601). */
  since: string;
  ageDays: number;
}

/** @public */
export interface BlockedReport {
  /** Blocked steps, the oldest first, at most `limit`. */
  items: BlockedStep[];
  /** Number of blocked steps, beyond `limit` too. */
  total: number;
}

/**
 * The CSV views of the adoption report: the establishments × applications
 * matrix (the default), the per-application counts, the programme's totals,
 * the overdue steps per step, the funding against the envelope per
 * establishment and per application, the establishments with their location
 * (the map).
 *
 * @public
 */
export const ADOPTION_CSV_VIEWS = [
  'establishments',
  'applications',
  'totals',
  'overdue',
  'funding',
  'map',
] as const;

/**
 * The two CSV formats of every report: `csv`, for programs (comma, codes,
 * ISO 8601 dates, English headers), and `csv-fr`, for French spreadsheets
 * (semicolon, French headers and words, dates as `05/12/2026 14:30` in
 * Paris time, decimal comma); both UTF-8 with a byte order mark.
 *
 * @public
 */
export const REPORT_CSV_FORMATS = ['csv', 'csv-fr'] as const;

/**
 * A CSV format of the reports.
 *
 * @public
 */
export type ReportCsvFormat = (typeof REPORT_CSV_FORMATS)[number];

/**
 * A CSV view of the adoption report.
 *
 * @public
 */
export type AdoptionCsvView = (typeof ADOPTION_CSV_VIEWS)[number];

/**
 * The programme at a glance, from an adoption report.
 *
 * @public
 */
export interface AdoptionTotals {
  /** Member establishments. */
  establishments: number;
  /** Establishments with at least one application live. */
  establishmentsLive: number;
  /** Establishments with an application under way and none live. */
  establishmentsInProgress: number;
  grantedEur: number;
  paidEur: number;
  sessionsHeld: number;
  staffTrained: number;
  /** Steps overdue now. */
  overdueSteps: number;
  /** The programme's incentive envelope; null when not configured. */
  envelopeEur: number | null;
  /** The envelope minus the funding granted (see {@link FundingEnvelope}). */
  remainingEur: number | null;
  /** The funding granted over the envelope. */
  consumedShare: number | null;
}

/**
 * The most advanced state of an establishment over its applications (the
 * cells of its row in the adoption matrix): live when one application is,
 * else in progress when one is, else not started. Reads the cells in place
 * (it runs over thousands of rows as a page draws).
 *
 * @public
 */
export function bestAdoptionState(
  cells: Readonly<Record<string, AdoptionState>>,
): AdoptionState {
  let best: AdoptionState = 'not_started';
  for (const application in cells) {
    if (Object.hasOwn(cells, application)) {
      const state = cells[application];
      if (state === 'live') {
        return 'live';
      }
      if (state === 'in_progress') {
        best = 'in_progress';
      }
    }
  }
  return best;
}

/**
 * The totals of an adoption report: how many establishments are reached,
 * the funding and training sums, the steps overdue and the envelope.
 *
 * @public
 */
export function adoptionTotals(report: AdoptionReport): AdoptionTotals {
  let live = 0;
  let inProgress = 0;
  for (const row of report.establishments) {
    const state = bestAdoptionState(row.cells);
    if (state === 'live') {
      live += 1;
    } else if (state === 'in_progress') {
      inProgress += 1;
    }
  }
  return {
    establishments: report.establishments.length,
    establishmentsLive: live,
    establishmentsInProgress: inProgress,
    grantedEur: report.funding.grantedEur,
    paidEur: report.funding.paidEur,
    sessionsHeld: report.training.sessionsHeld,
    staffTrained: report.training.staffTrained,
    overdueSteps: report.overdue.total,
    envelopeEur: report.envelope.envelopeEur,
    remainingEur: report.envelope.remainingEur,
    consumedShare: report.envelope.consumedShare,
  };
}
