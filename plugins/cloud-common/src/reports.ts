import type * as Api from './generated/models';
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

/** @public */
export interface EstablishmentAdoption {
  establishment: string;
  title: string;
  uai: string;
  region: string | null;
  type: string | null;
  /** The state of the establishment for each application, by name. */
  cells: Record<string, AdoptionState>;
}

/**
 * Overdue steps of one onboarding step, over the tenants counted (the
 * API's `StepOverdueCount`).
 *
 * @public
 */
export type StepOverdueCount = Api.StepOverdueCount;

/**
 * Overdue steps of the tenants of one application (the API's
 * `ApplicationOverdueCount`).
 *
 * @public
 */
export type ApplicationOverdueCount = Api.ApplicationOverdueCount;

/**
 * The overdue steps of the tenants under way (not decommissioned): in all,
 * per step in the order of the onboarding, per application.
 *
 * @public
 */
export type OverdueReport = Api.OverdueReport;

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
 * The funding of one establishment (over its tenants counted).
 *
 * @public
 */
export type EstablishmentFunding = Api.EstablishmentFunding;

/**
 * The funding of one application (over its tenants counted).
 *
 * @public
 */
export type ApplicationFunding = Api.ApplicationFunding;

/**
 * The programme's incentive envelope (`cloud.funding.envelopeEur`) against
 * the funding granted and paid; `remainingEur` only when the figures cover
 * the whole programme (`programme`), see the API's `FundingEnvelope`.
 *
 * @public
 */
export type FundingEnvelope = Api.FundingEnvelope;

/** @public */
export interface AdoptionReport {
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
 * establishment and per application.
 *
 * @public
 */
export const ADOPTION_CSV_VIEWS = [
  'establishments',
  'applications',
  'totals',
  'overdue',
  'funding',
] as const;

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
 * The totals of an adoption report: how many establishments are reached,
 * the funding and training sums, the steps overdue and the envelope.
 *
 * @public
 */
export function adoptionTotals(report: AdoptionReport): AdoptionTotals {
  let live = 0;
  let inProgress = 0;
  for (const row of report.establishments) {
    const states = Object.values(row.cells);
    if (states.includes('live')) {
      live += 1;
    } else if (states.includes('in_progress')) {
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
