/**
 * Letters used as UAI check characters (I, O and Q are never used).
 */
const UAI_CHECK_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

const UAI_FORMAT = /^[0-9]{7}[A-Z]$/;

/**
 * Result of checking a UAI code.
 *
 * @public
 */
export type UaiCheck =
  | { valid: true; uai: string }
  | { valid: false; reason: string };

/**
 * Computes the check letter of the 7-digit part of a UAI code.
 *
 * @public
 */
export function uaiCheckLetter(digits: string): string {
  if (!/^[0-9]{7}$/.test(digits)) {
    throw new TypeError(`expected 7 digits, got "${digits}"`);
  }
  return UAI_CHECK_LETTERS[parseInt(digits, 10) % 23];
}

/**
 * Checks a UAI code: 7 digits then the check letter computed from them.
 * Lowercase input and surrounding spaces are accepted and normalised
 * (what people type in a form), unless `strict` is set: then the code must
 * be written exactly in its canonical form (what a stored record such as a
 * catalog annotation must hold).
 *
 * @public
 */
export function checkUai(
  value: unknown,
  options: { strict?: boolean } = {},
): UaiCheck {
  if (typeof value !== 'string' || value.trim() === '') {
    return { valid: false, reason: 'a UAI code is required' };
  }
  if (options.strict) {
    if (value !== value.trim()) {
      return {
        valid: false,
        reason: `"${value}" has spaces around the code: write it without them`,
      };
    }
    if (value !== value.toUpperCase()) {
      return {
        valid: false,
        reason: `"${value}" must be written in uppercase (${value.toUpperCase()})`,
      };
    }
  }
  const uai = value.trim().toUpperCase();
  if (!UAI_FORMAT.test(uai)) {
    return {
      valid: false,
      reason: `"${value}" is not a UAI code: expected 7 digits followed by a letter`,
    };
  }
  const expected = uaiCheckLetter(uai.slice(0, 7));
  if (uai[7] !== expected) {
    return {
      valid: false,
      reason: `"${value}" has a wrong check letter: expected ${expected}`,
    };
  }
  return { valid: true, uai };
}

/**
 * True when the value is a valid UAI code.
 *
 * @public
 */
export function isValidUai(value: unknown): value is string {
  return checkUai(value).valid;
}
