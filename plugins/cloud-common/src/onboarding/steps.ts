import type { Side as OnboardingSide } from '../generated/models';
import type { StepId as OnboardingStepId } from '../generated/models';
/**
 * Ids of the onboarding steps, in the order every tenant goes through them.
 * They are stored in the database and used in URLs, events and reports:
 * never rename one.
 *
 * @public
 */
export const ONBOARDING_STEP_IDS = [
  'request',
  'qualification',
  'provisioning',
  'identity',
  'data-migration',
  'acceptance',
  'training',
  'go-live',
  'decommissioning',
] as const satisfies readonly OnboardingStepId[];

// The API's `StepId` (its OpenAPI document), whose values ONBOARDING_STEP_IDS
// lists: a test checks that they agree.
export type { OnboardingStepId };

/**
 * The sides of an onboarding: Amue or the establishment.
 *
 * @public
 */
export const ONBOARDING_SIDES = [
  'amue',
  'establishment',
] as const satisfies readonly OnboardingSide[];

// The API's `Side` (its OpenAPI document), whose values ONBOARDING_SIDES
// lists: a test checks that they agree.
export type { OnboardingSide };

/**
 * The definition of an onboarding step: the same for every tenant.
 *
 * @public
 */
export interface OnboardingStepDefinition {
  /** Stable id of the step. */
  id: OnboardingStepId;
  /** Position of the step, from 1 (`request`) to 9 (`decommissioning`). */
  order: number;
  /** The side that acts on the step (starts, completes, blocks, skips it). */
  side: OnboardingSide;
  /**
   * An optional step is not a prerequisite of the steps after it and counts
   * in the progress only once it has left `todo`.
   */
  optional: boolean;
  /** Whether the step may be skipped (always with a reason). */
  skippable: boolean;
  /**
   * The documentation of the step, a path relative to the root of the
   * application's TechDocs (page and anchor), e.g.
   * `accompagnement#qualification`.
   */
  documentation: string;
}

/**
 * Page of an application's TechDocs that describes its onboarding.
 *
 * @public
 */
export const ONBOARDING_DOCUMENTATION_PAGE = 'accompagnement';

function step(
  id: OnboardingStepId,
  side: OnboardingSide,
  flags: { optional?: boolean; skippable?: boolean } = {},
): OnboardingStepDefinition {
  return {
    id,
    order: ONBOARDING_STEP_IDS.indexOf(id) + 1,
    side,
    optional: flags.optional ?? false,
    skippable: flags.skippable ?? false,
    documentation: `${ONBOARDING_DOCUMENTATION_PAGE}#${id}`,
  };
}

/**
 * The nine onboarding steps, in order.
 *
 * - `request`: submitted by the establishment; done when the tenant is
 *   created.
 * - `qualification` (Amue): eligibility checked, service agreement signed;
 *   completing it is the approval of the request.
 * - `provisioning` (Amue): environment deployed from the GitOps
 *   descriptors.
 * - `identity` (establishment): single sign-on with the establishment's
 *   identity provider. The establishment declares the instance to its
 *   identity provider (SAML, RENATER federation) with Amue's support; the
 *   establishment side acts on the step because the work and the decision
 *   are on its identity provider.
 * - `data-migration` (Amue): data copied from the on-premise installation,
 *   with the establishment's extracts; skippable (a new installation skips
 *   it from the start).
 * - `acceptance` (establishment): the establishment tests the instance;
 *   skippable with a reason (then go-live may proceed).
 * - `training` (Amue): staff trained; skippable with a reason (e.g. a
 *   second environment of the same application, staff already trained).
 * - `go-live` (Amue): production opening.
 * - `decommissioning` (establishment): the on-premise installation is
 *   switched off; optional and skippable.
 *
 * @public
 */
export const ONBOARDING_STEPS: ReadonlyArray<
  Readonly<OnboardingStepDefinition>
> = Object.freeze(
  [
    step('request', 'establishment'),
    step('qualification', 'amue'),
    step('provisioning', 'amue'),
    step('identity', 'establishment'),
    step('data-migration', 'amue', { skippable: true }),
    step('acceptance', 'establishment', { skippable: true }),
    step('training', 'amue', { skippable: true }),
    step('go-live', 'amue'),
    step('decommissioning', 'establishment', {
      optional: true,
      skippable: true,
    }),
  ].map(definition => Object.freeze(definition)),
);

/**
 * True when the value is the id of an onboarding step.
 *
 * @public
 */
export function isOnboardingStepId(value: unknown): value is OnboardingStepId {
  return (
    typeof value === 'string' &&
    (ONBOARDING_STEP_IDS as readonly string[]).includes(value)
  );
}

/**
 * The definition of an onboarding step. Throws a `TypeError` naming the
 * value for anything but a step id (use {@link isOnboardingStepId} to check
 * untrusted input first).
 *
 * @public
 */
export function getStepDefinition(
  id: OnboardingStepId,
): Readonly<OnboardingStepDefinition> {
  const definition = ONBOARDING_STEPS.find(s => s.id === id);
  if (!definition) {
    throw new TypeError(
      `"${String(
        id,
      )}" is not an onboarding step: expected one of ${ONBOARDING_STEP_IDS.join(
        ', ',
      )}`,
    );
  }
  return definition;
}
