import {
  allowedActions,
  type OnboardingActorSide,
  type OnboardingStepId,
  type TenantDetails,
} from '@amue/plugin-cloud-common';
import type { OnboardingUiAction } from './labels';

/**
 * The actions to offer on a step to someone acting for `side` (none when
 * the reader only reads, or once the tenant is closed): those the shared
 * rules accept now ({@link allowedActions}), except that the qualification
 * is completed by approving the request, and approving or rejecting is
 * offered to Amue while the qualification is not settled.
 */
export function stepActions(
  tenant: Pick<TenantDetails, 'steps' | 'decommissioned'>,
  stepId: OnboardingStepId,
  side: OnboardingActorSide | undefined,
): OnboardingUiAction[] {
  if (!side || tenant.decommissioned) {
    return [];
  }
  const actions: OnboardingUiAction[] = allowedActions(tenant.steps, stepId, {
    actorSide: side,
  });
  if (stepId !== 'qualification') {
    return actions;
  }
  const status = tenant.steps.find(s => s.id === stepId)?.status;
  const decision: OnboardingUiAction[] =
    side !== 'establishment' && status !== 'done' && status !== 'skipped'
      ? ['approve', 'reject']
      : [];
  return [...decision, ...actions.filter(action => action !== 'complete')];
}

/** Actions that ask for a reason (required) or a comment (optional) first. */
export function reasonOf(
  action: OnboardingUiAction,
): 'required' | 'optional' | undefined {
  switch (action) {
    case 'block':
    case 'skip':
    case 'reject':
      return 'required';
    case 'approve':
    case 'reopen':
      return 'optional';
    default:
      return undefined;
  }
}
