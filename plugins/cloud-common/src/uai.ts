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
 * Lowercase input is accepted and normalised to uppercase.
 *
 * @public
 */
export function checkUai(value: unknown): UaiCheck {
  if (typeof value !== 'string' || value.trim() === '') {
    return { valid: false, reason: 'a UAI code is required' };
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
