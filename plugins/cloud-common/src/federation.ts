/**
 * Sign-in of establishment staff through the federation (RENATER, SUPANN
 * claims bridged to OpenID Connect): what the backend refuses and how the
 * sign-in page reads it, and the people it records.
 */

/**
 * Why the federation sign-in refused someone.
 *
 * - `no-identifier`: the identity provider sent no `eduPersonPrincipalName`.
 * - `no-establishment`: no `supannEtablissement` value holding a UAI code.
 * - `unknown-establishment`: none of the UAI codes is a current or former
 *   UAI of an establishment of the catalog (the values are the codes).
 * - `affiliation-not-allowed`: none of the person's affiliations is allowed
 *   (the values are the person's affiliations).
 * - `several-establishments`: the person belongs to several establishments
 *   of the catalog and the configuration has no rule to choose (the values
 *   are their UAI codes).
 *
 * @public
 */
export const FEDERATION_REFUSAL_CODES = [
  'no-identifier',
  'no-establishment',
  'unknown-establishment',
  'affiliation-not-allowed',
  'several-establishments',
] as const;

/** @public */
export type FederationRefusalCode = (typeof FEDERATION_REFUSAL_CODES)[number];

/**
 * A refusal of the federation sign-in: its code and the values it names
 * (UAI codes or affiliations).
 *
 * @public
 */
export interface FederationRefusal {
  code: FederationRefusalCode;
  values: string[];
}

/** At most this many values are carried by a refusal. */
const MAX_VALUES = 10;

/** Values are claim values sent by an identity provider: keep them tame. */
function safeValue(value: string): string {
  return value.replace(/[^A-Za-z0-9._@-]/g, '').slice(0, 64);
}

const ENGLISH: Record<FederationRefusalCode, (values: string) => string> = {
  'no-identifier': () =>
    'your identity provider did not send your eduPersonPrincipalName',
  'no-establishment': () =>
    'your identity provider did not send your establishment (supannEtablissement)',
  'unknown-establishment': values =>
    `the establishment ${values} is not a member establishment of the portal`,
  'affiliation-not-allowed': values =>
    `the portal is open to establishment staff; your affiliation (${values}) is not allowed`,
  'several-establishments': values =>
    `you belong to several establishments (${values}) and the portal cannot choose one`,
};

const TAG = /\(federation-refusal ([a-z-]+)((?: [A-Za-z0-9._@-]+)*)\)\s*$/;

/**
 * The message of the error thrown for a refusal: an English sentence for
 * logs and API callers, ending with a tag that the sign-in page reads to
 * show a translated sentence, e.g. "Sign-in refused: the establishment
 * 0123456W is not a member establishment of the portal
 * (federation-refusal unknown-establishment 0123456W)".
 *
 * @public
 */
export function federationRefusalMessage(refusal: FederationRefusal): string {
  const values = refusal.values
    .map(safeValue)
    .filter(Boolean)
    .slice(0, MAX_VALUES);
  const sentence = ENGLISH[refusal.code](values.join(', '));
  const tag = ['federation-refusal', refusal.code, ...values].join(' ');
  return `Sign-in refused: ${sentence} (${tag})`;
}

/**
 * The refusal carried by an error message written by
 * {@link federationRefusalMessage}, or undefined for any other message.
 *
 * @public
 */
export function parseFederationRefusal(
  message: string | undefined,
): FederationRefusal | undefined {
  const match = TAG.exec(message ?? '');
  if (!match) {
    return undefined;
  }
  const code = match[1] as FederationRefusalCode;
  if (!FEDERATION_REFUSAL_CODES.includes(code)) {
    return undefined;
  }
  return { code, values: match[2].split(' ').filter(Boolean) };
}

/**
 * Annotation set on the catalog Users of people signed in through the
 * federation, holding the time of their last sign-in (ISO 8601).
 *
 * @public
 */
export const LAST_SIGN_IN_ANNOTATION = 'cloud.amue.fr/last-sign-in';

/**
 * Topic of the events service on which the cloud backend announces a
 * change of a person signed in through the federation.
 *
 * @public
 */
export const CLOUD_PERSON_EVENTS_TOPIC = 'cloud.person';

/**
 * Payload of a message on {@link CLOUD_PERSON_EVENTS_TOPIC}.
 *
 * @public
 */
export interface PersonChangedEvent {
  /** Entity name of the person's catalog User. */
  name: string;
  /** `recorded` after a sign-in, `removed` by an administrator or retention. */
  type: 'recorded' | 'removed';
}

/**
 * A person who signed in through the federation, as the cloud backend
 * records them (minimal data, removed after the retention period).
 *
 * @public
 */
export interface FederationPerson {
  /** Entity name of the person's catalog User (normalised principal name). */
  name: string;
  displayName: string;
  email?: string;
  /** Entity names of the person's establishment Groups (`etab-<uai>`). */
  establishments: string[];
  /** Time of the last sign-in, ISO 8601. */
  lastSignInAt: string;
}

/**
 * What the auth backend sends to record a sign-in (`PUT /people/{name}`).
 *
 * @public
 */
export type FederationPersonInput = Omit<
  FederationPerson,
  'name' | 'lastSignInAt'
>;
