import type { Config } from '@backstage/config';

/** The largest envelope accepted, in euros (ten billion). */
const MAX_ENVELOPE_EUR = 10_000_000_000;

/**
 * The programme's incentive envelope, `cloud.funding.envelopeEur`: a whole
 * number of euros, or null when unset. Anything else stops the backend at
 * startup with a message naming the key and the rule.
 *
 * @internal
 */
export function readEnvelope(config: Config): number | null {
  const key = 'cloud.funding.envelopeEur';
  if (!config.has(key)) {
    return null;
  }
  const value = config.get(key);
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < 0 ||
    value > MAX_ENVELOPE_EUR
  ) {
    throw new Error(
      `${key} must be a whole number of euros from 0 to ${MAX_ENVELOPE_EUR}, not ${JSON.stringify(
        value,
      )}`,
    );
  }
  return value;
}
