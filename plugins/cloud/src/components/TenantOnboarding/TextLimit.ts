import { ONBOARDING_REASON_MAX_LENGTH } from '@amue/plugin-cloud-common';

/**
 * The length of a reason or comment as the backend counts it: Unicode
 * characters, after trimming.
 */
export function textLength(value: string): number {
  return Array.from(value.trim()).length;
}

/** Characters left before {@link ONBOARDING_REASON_MAX_LENGTH} (negative: too many). */
export function remainingCharacters(value: string): number {
  return ONBOARDING_REASON_MAX_LENGTH - textLength(value);
}
