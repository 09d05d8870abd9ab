import {
  ENVIRONMENTS,
  Environment,
  IDP_ENTITY_ID_PATTERN,
  ONBOARDING_REASON_MAX_LENGTH,
  PATTERN_RULES,
  checkUai,
  isIdpEntityId,
  textProblem,
  refName,
  tenantName,
} from '@amue/plugin-cloud-common';
import { InputError } from '@backstage/errors';
import type { z as zod } from 'zod/v3';

/*
 * The input of a request for hosted instances as the templates give it, its
 * checks (each naming the field and the rule) and the tenant descriptor the
 * request actions output for `cloud:gitops:render`.
 */

/** The zod the scaffolder injects in action schemas. */
export type Z = typeof zod;

/** Name of an Application entity (also the pattern of the cloud API). */
const APPLICATION_NAME = /^[a-z0-9][a-z0-9-]*$/;
const EMAIL =
  /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Largest number of expected users the cloud API accepts. */
export const MAX_EXPECTED_USERS = 1_000_000;
/** Largest number of contacts the cloud API accepts. */
export const MAX_CONTACTS = 20;

/** A contact given with a request. */
export interface RequestContact {
  name: string;
  email: string;
  role?: string;
}

/** The input fields of a request, as `cloud:request:*` actions read them. */
export interface RequestInput {
  application: string;
  uai: string;
  environments: string[];
  version: string;
  wishedGoLiveDate?: string;
  expectedUsers?: number;
  idpEntityId?: string;
  migration: boolean;
  contacts?: RequestContact[];
  comment?: string;
}

/** A request once checked: normalised names and codes. */
export interface CheckedRequest extends RequestInput {
  application: string;
  uai: string;
  environments: Environment[];
}

/** Zod fields of a request (the schema of the actions' input). */
export const requestInputFields = {
  application: (z: Z) =>
    z
      .string()
      .describe(
        'The Application entity: its name (sifac) or entity ref (application:default/sifac)',
      ),
  uai: (z: Z) =>
    z.string().describe('UAI code of the establishment, e.g. 0333298F'),
  environments: (z: Z) =>
    z
      .array(z.string())
      .describe(
        `Environments to request, one tenant each: ${ENVIRONMENTS.join(', ')}`,
      ),
  version: (z: Z) =>
    z.string().describe('A supported version of the application, e.g. 2026.2'),
  wishedGoLiveDate: (z: Z) =>
    z
      .string()
      .optional()
      .describe('Wished go-live date, YYYY-MM-DD, not in the past'),
  expectedUsers: (z: Z) =>
    z
      .number()
      .optional()
      .describe('Expected number of users (sizes the instance)'),
  idpEntityId: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        "Entity ID of the establishment's SAML identity provider in the RENATER federation (a URL)",
      ),
  migration: (z: Z) =>
    z
      .boolean()
      .describe(
        'True: migration from an on-premise installation; false: new installation',
      ),
  contacts: (z: Z) =>
    z
      .array(
        z.object({
          name: z.string().describe('Name of the contact'),
          email: z.string().describe('E-mail address of the contact'),
          role: z.string().optional().describe('Role of the contact'),
        }),
      )
      .optional()
      .describe('Contacts of the establishment for this request'),
  comment: (z: Z) => z.string().optional().describe('A comment for Amue'),
};

/** Today as `YYYY-MM-DD` (UTC, as the cloud backend compares). */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function isRealDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * An identity provider entity ID: an http(s) URL with a dotted host, or a
 * URN (the rule of cloud-common, `IDP_ENTITY_ID_PATTERN`).
 */
export function isEntityIdUrl(value: string): boolean {
  if (!isIdpEntityId(value)) {
    return false;
  }
  if (/^urn:/i.test(value)) {
    return true;
  }
  try {
    return new URL(value).hostname.includes('.');
  } catch {
    return false;
  }
}

/** True for a plausible e-mail address (one @, a dotted domain). */
export function isEmail(value: string): boolean {
  return EMAIL.test(value) && value.length <= 255;
}

/** The application name of an Application entity ref or name. */
export function applicationName(value: string): string {
  return refName(value.trim()).toLowerCase();
}

/**
 * Checks a request and returns it normalised; throws one InputError listing
 * every invalid field (`input.<field>` and the rule).
 */
export function checkRequestInput(
  input: RequestInput,
  now: Date = new Date(),
): CheckedRequest {
  const problems: string[] = [];
  const application =
    typeof input.application === 'string'
      ? applicationName(input.application)
      : '';
  if (!APPLICATION_NAME.test(application) || application.length > 63) {
    problems.push(
      `input.application "${input.application}" is not an application name (lowercase letters, digits and dashes)`,
    );
  }
  const uai = checkUai(input.uai);
  if (!uai.valid) {
    problems.push(`input.uai is invalid: ${uai.reason}`);
  }
  const environments = Array.isArray(input.environments)
    ? input.environments
    : [];
  if (environments.length === 0) {
    problems.push('input.environments must name at least one environment');
  }
  environments.forEach((environment, index) => {
    if (!(ENVIRONMENTS as readonly string[]).includes(environment)) {
      problems.push(
        `input.environments[${index}] "${environment}" is not an environment (${ENVIRONMENTS.join(
          ', ',
        )})`,
      );
    }
  });
  if (new Set(environments).size !== environments.length) {
    problems.push('input.environments names an environment twice');
  }
  const version = typeof input.version === 'string' ? input.version.trim() : '';
  if (!version || version.length > 64) {
    problems.push('input.version is required (1 to 64 characters)');
  }
  if (input.wishedGoLiveDate !== undefined && input.wishedGoLiveDate !== '') {
    if (!isRealDate(input.wishedGoLiveDate)) {
      problems.push(
        `input.wishedGoLiveDate "${input.wishedGoLiveDate}" is not a date YYYY-MM-DD`,
      );
    } else if (input.wishedGoLiveDate < today(now)) {
      problems.push(
        `input.wishedGoLiveDate "${input.wishedGoLiveDate}" is in the past`,
      );
    }
  }
  if (input.expectedUsers !== undefined) {
    if (
      !Number.isInteger(input.expectedUsers) ||
      input.expectedUsers < 1 ||
      input.expectedUsers > MAX_EXPECTED_USERS
    ) {
      problems.push(
        `input.expectedUsers must be a whole number from 1 to ${MAX_EXPECTED_USERS}`,
      );
    }
  }
  if (input.idpEntityId !== undefined && input.idpEntityId !== '') {
    if (!isEntityIdUrl(input.idpEntityId) || input.idpEntityId.length > 2048) {
      problems.push(
        `input.idpEntityId "${input.idpEntityId}" ${PATTERN_RULES[IDP_ENTITY_ID_PATTERN]}`,
      );
    }
  }
  if (typeof input.migration !== 'boolean') {
    problems.push(
      'input.migration must be true (migration) or false (new installation)',
    );
  }
  const contacts = input.contacts ?? [];
  if (!Array.isArray(contacts) || contacts.length > MAX_CONTACTS) {
    problems.push(
      `input.contacts must be a list of at most ${MAX_CONTACTS} contacts`,
    );
  } else {
    contacts.forEach((contact, index) => {
      if (!contact?.name || !String(contact.name).trim()) {
        problems.push(`input.contacts[${index}].name is required`);
      }
      if (!contact?.email || !isEmail(String(contact.email).trim())) {
        problems.push(
          `input.contacts[${index}].email "${
            contact?.email ?? ''
          }" is not a valid e-mail address`,
        );
      }
    });
  }
  const textProblems: Array<[string, unknown, boolean]> = [
    ['input.version', input.version, false],
    ['input.comment', input.comment, true],
    ...(Array.isArray(contacts) ? contacts : []).flatMap(
      (contact, index): Array<[string, unknown, boolean]> => [
        [`input.contacts[${index}].name`, contact?.name, false],
        [`input.contacts[${index}].role`, contact?.role, false],
      ],
    ),
  ];
  for (const [field, value, multiline] of textProblems) {
    const problem =
      typeof value === 'string' ? textProblem(value, { multiline }) : undefined;
    if (problem) {
      problems.push(`${field} ${problem}`);
    }
  }
  if (
    input.comment !== undefined &&
    input.comment.length > ONBOARDING_REASON_MAX_LENGTH
  ) {
    problems.push(
      `input.comment is longer than ${ONBOARDING_REASON_MAX_LENGTH} characters`,
    );
  }
  if (problems.length) {
    throw new InputError(problems.join('; '));
  }
  return {
    ...input,
    application,
    uai: (uai as { uai: string }).uai,
    environments: environments as Environment[],
    version,
    wishedGoLiveDate: input.wishedGoLiveDate || undefined,
    idpEntityId: input.idpEntityId || undefined,
    contacts: contacts.map(c => ({
      name: c.name.trim(),
      email: c.email.trim(),
      ...(c.role?.trim() ? { role: c.role.trim() } : {}),
    })),
  };
}

/**
 * What `cloud:gitops:render` needs to know of a tenant; output by the
 * request and day-2 actions.
 */
export interface TenantDescriptor {
  /** `<application>-<uai>-<environment>`, lowercase. */
  name: string;
  application: string;
  uai: string;
  environment: Environment;
  version: string;
  idpEntityId?: string;
  expectedUsers?: number;
  [key: string]: string | number | undefined;
}

/** Zod schema of a {@link TenantDescriptor}. */
export const tenantDescriptorSchema = (z: Z) =>
  z.object({
    name: z.string().describe('Tenant name, <application>-<uai>-<environment>'),
    application: z.string().describe('Application name'),
    uai: z.string().describe('UAI code of the establishment'),
    environment: z.enum(ENVIRONMENTS).describe('Environment'),
    version: z.string().describe('Version of the application'),
    idpEntityId: z
      .string()
      .optional()
      .describe("Entity ID of the establishment's identity provider"),
    expectedUsers: z.number().optional().describe('Expected number of users'),
  });

/** The descriptor of each environment of a checked request. */
export function descriptorsOf(request: CheckedRequest): TenantDescriptor[] {
  return request.environments.map(environment => ({
    name: tenantName(request.application, request.uai, environment),
    application: request.application,
    uai: request.uai,
    environment,
    version: request.version,
    ...(request.idpEntityId ? { idpEntityId: request.idpEntityId } : {}),
    ...(request.expectedUsers !== undefined
      ? { expectedUsers: request.expectedUsers }
      : {}),
  }));
}

/** Entity ref of a tenant in the catalog. */
export function tenantEntityRef(name: string): string {
  return `tenant:default/${name}`;
}

/** Path of a tenant's onboarding page in the portal. */
export function onboardingPath(name: string): string {
  return `/cloud/tenants/${encodeURIComponent(name)}`;
}
