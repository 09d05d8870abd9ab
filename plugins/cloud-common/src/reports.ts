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

/** @public */
export interface AdoptionReport {
  applications: ApplicationAdoption[];
  /** The matrix: one row per establishment, one cell per application. */
  establishments: EstablishmentAdoption[];
  funding: { grantedEur: number; paidEur: number };
  training: { sessionsHeld: number; staffTrained: number };
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
