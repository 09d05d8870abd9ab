import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The header that carries the signature of a notification:
 * `sha256=<hex>`, the HMAC-SHA256 of the raw request body keyed with the
 * shared secret.
 *
 * @public
 */
export const SIGNATURE_HEADER = 'x-amue-signature';

/** The shortest shared secret accepted (characters). */
export const MIN_SECRET_LENGTH = 32;

/**
 * The value of {@link SIGNATURE_HEADER} for a body: what the sender
 * (the signing relay beside Argo CD, the tests) computes.
 *
 * @public
 */
export function signPayload(body: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Why a signature does not hold, or undefined when it does: the header is
 * one `sha256=<64 hex digits>` value equal, in constant time, to the HMAC
 * of the raw body.
 *
 * @public
 */
export function signatureProblem(
  header: string | string[] | undefined,
  body: Buffer,
  secret: string,
): 'unsigned' | 'malformed signature' | 'bad signature' | undefined {
  if (header === undefined || header === '') {
    return 'unsigned';
  }
  const match =
    typeof header === 'string' ? /^sha256=([0-9a-f]{64})$/i.exec(header) : null;
  if (!match) {
    return 'malformed signature';
  }
  const given = Buffer.from(match[1].toLowerCase(), 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(given, expected) ? undefined : 'bad signature';
}
