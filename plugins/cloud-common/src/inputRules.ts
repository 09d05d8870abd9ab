/*
 * Input rules shared by the cloud API's OpenAPI document, its store, the
 * scaffolder actions and the catalog kinds: one definition per rule.
 *
 * Each rule is a regular expression source (a string), so that it can be
 * written as a `pattern` of the OpenAPI document and of the kinds' JSON
 * schemas, and a function built from the same string for code.
 */

/**
 * Characters refused in any text: C0 control characters except tab, line
 * feed and carriage return (NUL among them: PostgreSQL cannot store it in
 * text), DEL, C1 control characters, and the Unicode bidirectional
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make text
 * read differently from what it holds ("Trojan source"). Right-to-left
 * letters themselves (Arabic, Hebrew) are ordinary text.
 */
const FORBIDDEN_IN_TEXT =
  '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069';

/** The same, plus tab, line feed and carriage return (one-line values). */
const FORBIDDEN_IN_LINE =
  '\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069';

/**
 * Pattern of a multi-line text (comments, reasons): no control character
 * but tab and line breaks, no bidirectional override.
 *
 * @public
 */
export const TEXT_PATTERN = `^[^${FORBIDDEN_IN_TEXT}]*$`;

/**
 * Pattern of a one-line text (names, versions, roles): no control
 * character at all, no bidirectional override.
 *
 * @public
 */
export const LINE_PATTERN = `^[^${FORBIDDEN_IN_LINE}]*$`;

/** A character allowed in a URL: not a space, not a control character. */
const URL_CHAR = `[^\\s${FORBIDDEN_IN_LINE}]`;
const URL_FIRST_CHAR = `[^\\s${FORBIDDEN_IN_LINE}/$.?#]`;

/**
 * Pattern of a web address: `http://` or `https://` then a host. Any other
 * scheme (`javascript:`, `data:`, `file:`...) is refused, so that an address
 * shown as a link in the portal can only open a web page.
 *
 * @public
 */
export const HTTP_URL_PATTERN = `^https?://${URL_FIRST_CHAR}${URL_CHAR}*$`;

/**
 * Pattern of a SAML identity provider's entity ID. SAML 2.0 makes it a URI
 * of at most 1024 characters, used as a name (never fetched). The RENATER
 * federation's entity IDs are http(s) URLs (`https://idp.univ.fr/idp/shibboleth`)
 * and, for older entities, URNs (`urn:mace:cru.fr:federation:univ.fr`,
 * RFC 8141: `urn:<namespace>:<specific string>`). Both are accepted, no other
 * scheme.
 *
 * @public
 */
export const IDP_ENTITY_ID_PATTERN = `^(?:https?://${URL_FIRST_CHAR}${URL_CHAR}*|[uU][rR][nN]:[A-Za-z0-9][A-Za-z0-9-]{0,31}:${URL_CHAR}+)$`;

/**
 * Longest identity provider entity ID (SAML 2.0 core, section 8.3.6).
 *
 * @public
 */
export const IDP_ENTITY_ID_MAX_LENGTH = 1024;

/**
 * Longest web address.
 *
 * @public
 */
export const URL_MAX_LENGTH = 2048;

/**
 * Pattern of a list cursor as the API hands it out (base64url). What it
 * decodes to is checked by the store.
 *
 * @public
 */
export const CURSOR_PATTERN = '^[A-Za-z0-9_-]+$';

/**
 * Pattern of a catalog entity name or reference given as a filter
 * (`etab-0333298f`, `group:default/etab-0333298f`).
 *
 * @public
 */
export const ENTITY_REF_PATTERN = '^[A-Za-z0-9][A-Za-z0-9:/._-]*$';

/**
 * Pattern of the entity name of a person signed in through the federation
 * (a catalog User name in lowercase, at most 63 characters).
 *
 * @public
 */
export const PERSON_NAME_PATTERN = '^[a-z0-9]+([._-][a-z0-9]+)*$';

/**
 * Pattern of the entity name of an establishment Group (`etab-<uai>`).
 *
 * @public
 */
export const ESTABLISHMENT_GROUP_PATTERN = '^etab-[0-9]{7}[a-z]$';

/**
 * Pattern of a text that must hold something other than spaces.
 *
 * @public
 */
export const NOT_BLANK_PATTERN = '\\S';

/**
 * Pattern of a label slug (the region and establishment type filters of
 * the reports): lowercase letters, digits and hyphens.
 *
 * @public
 */
export const SLUG_PATTERN = '^[a-z0-9-]*$';

/**
 * What each pattern above means, in words, for error messages
 * (`<field> <rule>`): the OpenAPI validator only says "must match pattern ...".
 *
 * @public
 */
export const PATTERN_RULES: Readonly<Record<string, string>> = {
  [TEXT_PATTERN]:
    'must not contain control characters (such as NUL) or bidirectional overrides',
  [LINE_PATTERN]:
    'must be one line without control characters (such as NUL) or bidirectional overrides',
  [HTTP_URL_PATTERN]: 'must be an http:// or https:// address',
  [IDP_ENTITY_ID_PATTERN]:
    'must be an entity ID: an http(s) URL (https://idp.univ.fr/idp/shibboleth) or a URN (urn:mace:...)',
  [ENTITY_REF_PATTERN]:
    'must be an entity name or reference (letters, digits and . _ - : /)',
  [CURSOR_PATTERN]:
    'is not a cursor of this list (use the nextCursor of the previous page)',
  [PERSON_NAME_PATTERN]: 'must be a catalog entity name in lowercase',
  [ESTABLISHMENT_GROUP_PATTERN]:
    'must name an establishment Group (etab-<uai>)',
  [NOT_BLANK_PATTERN]: 'is required (not blank)',
  [SLUG_PATTERN]:
    'must be a label value in lowercase (letters, digits and hyphens, e.g. hauts-de-france)',
};

const textRegExp = new RegExp(TEXT_PATTERN, 'u');
const lineRegExp = new RegExp(LINE_PATTERN, 'u');
const httpUrlRegExp = new RegExp(HTTP_URL_PATTERN, 'u');
const idpEntityIdRegExp = new RegExp(IDP_ENTITY_ID_PATTERN, 'u');

/**
 * The rule a text breaks, or undefined when it is acceptable text (see
 * {@link TEXT_PATTERN} and {@link LINE_PATTERN}).
 *
 * @public
 */
export function textProblem(
  value: string,
  options: { multiline?: boolean } = {},
): string | undefined {
  if (options.multiline) {
    return textRegExp.test(value) ? undefined : PATTERN_RULES[TEXT_PATTERN];
  }
  return lineRegExp.test(value) ? undefined : PATTERN_RULES[LINE_PATTERN];
}

/**
 * True for an http(s) address ({@link HTTP_URL_PATTERN}).
 *
 * @public
 */
export function isHttpUrl(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= URL_MAX_LENGTH &&
    httpUrlRegExp.test(value)
  );
}

/**
 * True for an identity provider entity ID ({@link IDP_ENTITY_ID_PATTERN}).
 *
 * @public
 */
export function isIdpEntityId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= IDP_ENTITY_ID_MAX_LENGTH &&
    idpEntityIdRegExp.test(value)
  );
}
