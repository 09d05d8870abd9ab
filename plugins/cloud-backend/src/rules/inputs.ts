/*
 * The checks of what callers give the cloud service (the router, the
 * actions, the demo data): each InputError names the field. The OpenAPI
 * document holds the same rules for the HTTP API; these apply to every
 * caller, once, before anything is read or written.
 */
import {
  checkUai,
  dueDateOfDay,
  ENVIRONMENTS,
  HTTP_URL_PATTERN,
  IDP_ENTITY_ID_PATTERN,
  isHttpUrl,
  isIdpEntityId,
  ONBOARDING_REASON_MAX_LENGTH,
  PATTERN_RULES,
  refName,
  SSO_PROTOCOLS,
  SsoProtocol,
  textProblem,
  tenantName,
} from '@amue/plugin-cloud-common';
import { InputError } from '@backstage/errors';
import type { Tenant, TenantOrder } from '../database/TenantStore';
import type {
  CreateTenantInput,
  ListTenantsOptions,
} from '../service/TenantOperations';
import { UUID_PATTERN } from '../database/rows';

/**
 * InputError unless the text follows the text rules of cloud-common (no
 * control character, no bidirectional override; line breaks only in
 * multi-line texts).
 */
export function checkText(
  value: string,
  field: string,
  options: { multiline?: boolean } = {},
): string {
  const problem = textProblem(value, options);
  if (problem) {
    throw new InputError(`${field} ${problem}`);
  }
  return value;
}

/** A non-blank single-line text (trimmed), at most `max` characters. */
export function requireText(
  value: unknown,
  field: string,
  max = 255,
  options: { multiline?: boolean } = {},
): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`${field} is required and must be a non-blank string`);
  }
  const text = checkText(value.trim(), field, options);
  if (text.length > max) {
    throw new InputError(`${field} must be at most ${max} characters`);
  }
  return text;
}

/** Multi-line text of a reason or a comment. */
export function requireReason(value: unknown, field: string): string {
  return requireText(value, field, ONBOARDING_REASON_MAX_LENGTH, {
    multiline: true,
  });
}

/** A reason that may be absent follows the text rules when given. */
export function checkOptionalReason(reason: unknown): void {
  if (reason !== undefined && reason !== null) {
    if (typeof reason !== 'string') {
      throw new InputError('reason must be a string');
    }
    checkText(reason, 'reason', { multiline: true });
  }
}

/** The text fields of a request (comment, contacts) follow the text rules. */
function checkRequestTexts(request: Record<string, unknown>): void {
  if (request.comment !== undefined && request.comment !== null) {
    if (typeof request.comment !== 'string') {
      throw new InputError('request.comment must be a string');
    }
    checkText(request.comment, 'request.comment', { multiline: true });
  }
  if (request.contacts !== undefined) {
    if (!Array.isArray(request.contacts)) {
      throw new InputError('request.contacts must be a list');
    }
    request.contacts.forEach((contact: any, index: number) => {
      for (const key of ['name', 'email', 'role']) {
        const value = contact?.[key];
        if (value !== undefined && typeof value === 'string') {
          checkText(value, `request.contacts.${index}.${key}`);
        }
      }
    });
  }
}

/** A count of funding (euros) or training: a whole number, 0 or more. */
export function requireCount(value: unknown, field: string): number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < 0 ||
    value > 2_000_000_000
  ) {
    throw new InputError(`${field} must be a non-negative whole number`);
  }
  return value;
}

/**
 * The row version a write expects; `rowVersion` is the name callers know it
 * by (API body, actions).
 */
export function requireVersion(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new InputError(
      'rowVersion is required and must be a positive whole number (the rowVersion of the row as you read it)',
    );
  }
  return value;
}

/** The UAI of an establishment, normalised; InputError naming it otherwise. */
export function requireUai(value: unknown): string {
  const check = checkUai(value);
  if (!check.valid) {
    throw new InputError(`uai "${value}": ${check.reason}`);
  }
  return check.uai;
}

/**
 * The due date a person sets: the end of a calendar day `YYYY-MM-DD`,
 * today or later.
 */
export function checkDueDay(value: unknown, now: Date): Date {
  const dueDate = dueDateOfDay(value as string);
  if (!dueDate) {
    throw new InputError(
      `dueDate "${String(value)}" is not a calendar date YYYY-MM-DD`,
    );
  }
  if (dueDate.getTime() < now.getTime()) {
    throw new InputError(
      `dueDate "${value}" is in the past; choose today or a later day`,
    );
  }
  return dueDate;
}

/** A request checked and normalised, with the tenant's name. */
export interface CheckedTenantInput {
  actor: string;
  idempotencyKey?: string;
  name: string;
  application: string;
  uai: string;
  environment: CreateTenantInput['environment'];
  version: string;
  url: string | null;
  ssoProtocol: SsoProtocol | null;
  ssoIdpEntityId: string | null;
  request: CreateTenantInput['request'];
  /**
   * What an idempotency key stands for: the request as it was first
   * submitted, normalised. The same key with another request is a conflict.
   */
  fingerprint: Record<string, unknown>;
}

/** Checks a request for a tenant; InputError naming the first bad field. */
export function checkTenantInput(
  input: CreateTenantInput,
  options: { actor: string; idempotencyKey?: string },
): CheckedTenantInput {
  const actor = requireText(options?.actor, 'actor');
  const idempotencyKey =
    options.idempotencyKey === undefined
      ? undefined
      : requireText(options.idempotencyKey, 'idempotencyKey');
  const application = refName(
    requireText(input?.application, 'application'),
  ).toLowerCase();
  const uai = requireUai(input.uai);
  if (!(ENVIRONMENTS as readonly unknown[]).includes(input.environment)) {
    throw new InputError(
      `environment must be one of ${ENVIRONMENTS.join(', ')}`,
    );
  }
  const version = requireText(input.version, 'version', 64);
  const url = input.url ?? null;
  if (url !== null && !isHttpUrl(url)) {
    throw new InputError(`url ${PATTERN_RULES[HTTP_URL_PATTERN]}`);
  }
  const ssoIdpEntityId = input.ssoIdpEntityId ?? null;
  if (ssoIdpEntityId !== null && !isIdpEntityId(ssoIdpEntityId)) {
    throw new InputError(
      `sso.idpEntityId ${PATTERN_RULES[IDP_ENTITY_ID_PATTERN]}`,
    );
  }
  const ssoProtocol = input.ssoProtocol ?? null;
  if (
    ssoProtocol !== null &&
    !(SSO_PROTOCOLS as readonly unknown[]).includes(ssoProtocol)
  ) {
    throw new InputError(
      `ssoProtocol must be one of ${SSO_PROTOCOLS.join(', ')}`,
    );
  }
  const request = input.request;
  if (!request || typeof request !== 'object' || Array.isArray(request)) {
    throw new InputError('request must be an object');
  }
  if (typeof request.migration !== 'boolean') {
    throw new InputError('request.migration must be a boolean');
  }
  checkRequestTexts(request as unknown as Record<string, unknown>);
  return {
    actor,
    idempotencyKey,
    name: tenantName(application, uai, input.environment),
    application,
    uai,
    environment: input.environment,
    version,
    url,
    ssoProtocol,
    ssoIdpEntityId,
    request,
    fingerprint: {
      application,
      uai,
      environment: input.environment,
      version,
      url,
      sso:
        ssoProtocol || ssoIdpEntityId
          ? { protocol: ssoProtocol, idpEntityId: ssoIdpEntityId }
          : null,
      request,
    },
  };
}

// ------------------------------------------------------------------ lists

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const ORDER_FIELDS: ReadonlyArray<TenantOrder['field']> = [
  'name',
  'createdAt',
  'updatedAt',
];

interface Cursor {
  o: string;
  v: string;
  id: string;
}

function isIsoTimestamp(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

/**
 * The cursor of a list as it was handed out; InputError (naming `cursor`)
 * for anything else: not base64url JSON, another order, a value of the
 * wrong kind for the order (a date that is not one, a name with control
 * characters) or an id that is not a UUID. Nothing forged reaches SQL.
 */
function decodeCursor(value: string, order: string, isDate: boolean): Cursor {
  try {
    if (typeof value === 'string' && /^[A-Za-z0-9_-]{1,2048}$/.test(value)) {
      const cursor = JSON.parse(
        Buffer.from(value, 'base64url').toString('utf8'),
      );
      if (
        cursor &&
        typeof cursor === 'object' &&
        cursor.o === order &&
        typeof cursor.v === 'string' &&
        cursor.v.length <= 255 &&
        !textProblem(cursor.v) &&
        (!isDate || isIsoTimestamp(cursor.v)) &&
        typeof cursor.id === 'string' &&
        UUID_PATTERN.test(cursor.id)
      ) {
        return { o: cursor.o, v: cursor.v, id: cursor.id.toLowerCase() };
      }
    }
  } catch {
    // reported below
  }
  throw new InputError(
    'cursor is not a cursor of this list (use the nextCursor of the previous page, with the same orderBy and order)',
  );
}

/** The options of a page of tenants, checked: limit, order and cursor. */
export function checkListOptions(options: ListTenantsOptions): {
  limit: number;
  orderBy: TenantOrder;
  after?: { value: string; id: string };
} {
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new InputError(`limit must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  const orderBy = options.orderBy ?? { field: 'name', direction: 'asc' };
  if (
    !ORDER_FIELDS.includes(orderBy.field) ||
    (orderBy.direction !== 'asc' && orderBy.direction !== 'desc')
  ) {
    throw new InputError(
      `orderBy must be one of ${ORDER_FIELDS.join(', ')}, asc or desc`,
    );
  }
  if (options.cursor === undefined) {
    return { limit, orderBy };
  }
  const cursor = decodeCursor(
    options.cursor,
    `${orderBy.field}:${orderBy.direction}`,
    orderBy.field !== 'name',
  );
  return { limit, orderBy, after: { value: cursor.v, id: cursor.id } };
}

/** The cursor of the page after `last`, in the order `orderBy`. */
export function cursorAfter(last: Tenant, orderBy: TenantOrder): string {
  const cursor: Cursor = {
    o: `${orderBy.field}:${orderBy.direction}`,
    v: last[orderBy.field],
    id: last.id,
  };
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}
