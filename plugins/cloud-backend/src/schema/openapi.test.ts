import {
  ADOPTION_CSV_VIEWS,
  CURSOR_PATTERN,
  ENTITY_REF_PATTERN,
  ENVIRONMENTS,
  HTTP_URL_PATTERN,
  IDP_ENTITY_ID_MAX_LENGTH,
  IDP_ENTITY_ID_PATTERN,
  LINE_PATTERN,
  ONBOARDING_ACTIONS,
  ONBOARDING_REASON_MAX_LENGTH,
  ONBOARDING_SIDES,
  ONBOARDING_STEP_IDS,
  ONBOARDING_STEP_STATUSES,
  PATTERN_RULES,
  SSO_PROTOCOLS,
  TENANT_EVENT_TYPES,
  TENANT_STATUSES,
  TEXT_PATTERN,
} from '@amue/plugin-cloud-common';
import { spec } from './openapi';

/*
 * The OpenAPI document (openapi.yaml, the generated `spec` holds it as it
 * is) states the rules of @amue/plugin-cloud-common again, as YAML: these
 * tests fail when the two disagree.
 */

const schemas = spec.components.schemas;
const paths = spec.paths;

/** Every value of `key` anywhere in the document. */
function every(key: string, value: unknown = spec, found: unknown[] = []) {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key) {
        found.push(v);
      }
      every(key, v, found);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  it.each([
    ['Environment', ENVIRONMENTS],
    ['StepId', ONBOARDING_STEP_IDS],
    ['TenantStatus', TENANT_STATUSES],
    ['StepStatus', ONBOARDING_STEP_STATUSES],
    ['Side', ONBOARDING_SIDES],
    ['StepAction', ONBOARDING_ACTIONS],
    ['SsoProtocol', SSO_PROTOCOLS],
    ['AdoptionCsvView', ADOPTION_CSV_VIEWS],
    ['TenantEventType', TENANT_EVENT_TYPES],
  ] as const)('enumerates %s as cloud-common does', (name, values) => {
    expect(schemas[name].enum).toEqual([...values]);
  });

  it('writes each enumeration of cloud-common once, as a named schema', () => {
    const lists = every('enum').map(list => JSON.stringify(list));
    for (const values of [
      ENVIRONMENTS,
      ONBOARDING_STEP_IDS,
      TENANT_STATUSES,
      ONBOARDING_STEP_STATUSES,
      ONBOARDING_SIDES,
      ONBOARDING_ACTIONS,
      SSO_PROTOCOLS,
      ADOPTION_CSV_VIEWS,
      TENANT_EVENT_TYPES,
    ]) {
      expect(lists.filter(l => l === JSON.stringify(values))).toHaveLength(1);
    }
  });

  it('uses the text rules of cloud-common', () => {
    const input = schemas.RequestInput.properties;
    expect(input.url.pattern).toBe(HTTP_URL_PATTERN);
    expect(input.sso.properties.idpEntityId.pattern).toBe(
      IDP_ENTITY_ID_PATTERN,
    );
    expect(input.sso.properties.idpEntityId.maxLength).toBe(
      IDP_ENTITY_ID_MAX_LENGTH,
    );
    expect(input.version.pattern).toBe(LINE_PATTERN);
    expect(schemas.Contact.properties.name.pattern).toBe(LINE_PATTERN);
    const comment = schemas.RequestDetails.properties.comment;
    expect(comment.pattern).toBe(TEXT_PATTERN);
    expect(comment.maxLength).toBe(ONBOARDING_REASON_MAX_LENGTH);
    const list = paths['/tenants'].get.parameters;
    expect(list.find(p => p.name === 'cursor')?.schema).toMatchObject({
      pattern: CURSOR_PATTERN,
    });
    expect(list.find(p => p.name === 'establishment')?.schema).toMatchObject({
      items: { pattern: ENTITY_REF_PATTERN },
    });
  });

  it('puts every text pattern into words (PATTERN_RULES)', () => {
    // the patterns of names and numbers are their own rule in words
    const structural = [
      '^[a-z0-9][a-z0-9-]{2,250}$',
      '^[a-z0-9][a-z0-9-]*$',
      '^[0-9]{7}[A-Za-z]$',
      '^[0-9]{1,3}$',
    ];
    const texts = [...new Set(every('pattern').map(String))].filter(
      pattern => !structural.includes(pattern),
    );
    expect(texts.filter(pattern => !PATTERN_RULES[pattern])).toEqual([]);
    expect(texts.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses unknown fields in every request body', () => {
    const objects = [
      schemas.RequestInput,
      schemas.RequestDetails,
      schemas.Contact,
      schemas.RequestInput.properties.sso,
      ...every('requestBody')
        .map(body => (body as any).content['application/json'].schema)
        .filter(schema => !('$ref' in schema)),
    ];
    for (const schema of objects) {
      expect(schema).toMatchObject({ additionalProperties: false });
    }
  });
});
