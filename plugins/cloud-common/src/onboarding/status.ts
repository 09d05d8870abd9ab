import type { TenantStatus } from '../constants';
import { ONBOARDING_STEPS, OnboardingStepId } from './steps';
import {
  getStepStatus,
  isStepSettled,
  OnboardingStepState,
} from './transitions';

/**
 * Facts about a tenant that its steps do not tell.
 *
 * @public
 */
export interface TenantStatusFlags {
  /** The hosted instance is suspended (e.g. service agreement lapsed). */
  suspended?: boolean;
  /**
   * The hosted instance itself is closed (switched off, or its request
   * abandoned or rejected). Not to be confused with the `decommissioning`
   * step, which switches off the establishment's on-premise installation.
   */
  decommissioned?: boolean;
}

/**
 * The status of a tenant, derived from its steps and flags:
 *
 * - `decommissioned` when the flag says so (final, wins over everything);
 * - `suspended` when the flag says so;
 * - `requested` while `qualification` is not done;
 * - `provisioning` while `provisioning` is not done;
 * - `onboarding` while `go-live` is not done;
 * - `live` afterwards, whatever the `decommissioning` step says (switching
 *   off the on-premise installation leaves the hosted instance live).
 *
 * @public
 */
export function deriveTenantStatus(
  steps: readonly OnboardingStepState[],
  flags: TenantStatusFlags = {},
): TenantStatus {
  if (flags.decommissioned) {
    return 'decommissioned';
  }
  if (flags.suspended) {
    return 'suspended';
  }
  if (getStepStatus(steps, 'qualification') !== 'done') {
    return 'requested';
  }
  if (getStepStatus(steps, 'provisioning') !== 'done') {
    return 'provisioning';
  }
  if (getStepStatus(steps, 'go-live') !== 'done') {
    return 'onboarding';
  }
  return 'live';
}

/**
 * The current step: the first step, in order, that is neither done nor
 * skipped (a step missing from the list counts as `todo`); undefined when
 * every step is done or skipped.
 *
 * @public
 */
export function currentStep(
  steps: readonly OnboardingStepState[],
): OnboardingStepId | undefined {
  return ONBOARDING_STEPS.find(
    definition => !isStepSettled(getStepStatus(steps, definition.id)),
  )?.id;
}

/**
 * The progress of an onboarding, from 0 to 1: the steps done or skipped
 * over the applicable steps. Applicable: every non-optional step, and an
 * optional step once it has left `todo` (so a live tenant that has not
 * started decommissioning its on-premise installation is at 1).
 *
 * @public
 */
export function progress(steps: readonly OnboardingStepState[]): number {
  let applicable = 0;
  let settled = 0;
  for (const definition of ONBOARDING_STEPS) {
    const status = getStepStatus(steps, definition.id);
    if (definition.optional && status === 'todo') {
      continue;
    }
    applicable += 1;
    if (isStepSettled(status)) {
      settled += 1;
    }
  }
  return applicable === 0 ? 0 : settled / applicable;
}

/**
 * Reason recorded on the `data-migration` step of a new installation.
 *
 * @public
 */
export const NEW_INSTALLATION_SKIP_REASON = 'Nouvelle installation';

/**
 * The steps of a new tenant: `request` done (the request is what creates
 * the tenant), `data-migration` skipped with
 * {@link NEW_INSTALLATION_SKIP_REASON} when the tenant is a new
 * installation rather than a migration from on-premise, the others `todo`.
 *
 * @public
 */
export function initialSteps(options: {
  migration: boolean;
}): OnboardingStepState[] {
  return ONBOARDING_STEPS.map(({ id }): OnboardingStepState => {
    if (id === 'request') {
      return { id, status: 'done' };
    }
    if (id === 'data-migration' && !options.migration) {
      return { id, status: 'skipped', reason: NEW_INSTALLATION_SKIP_REASON };
    }
    return { id, status: 'todo' };
  });
}
