import {
  applyStepAction,
  currentStep,
  deriveTenantStatus,
  ENVIRONMENTS,
  establishmentGroupName,
  getStepDefinition,
  initialSteps,
  isOnboardingStepId,
  checkUai,
  DeploymentNotification,
  isHttpUrl,
  isIdpEntityId,
  ONBOARDING_REASON_MAX_LENGTH,
  PATTERN_RULES,
  HTTP_URL_PATTERN,
  IDP_ENTITY_ID_PATTERN,
  textProblem,
  OnboardingAction,
  OnboardingStepId,
  OnboardingStepState,
  refName,
  resolveStepTargetDays,
  dueDateFrom,
  isStepSettled,
  stepsWithRunningClock,
  StepTargetDays,
  SSO_PROTOCOLS,
  STEP_ACTION_EVENT_TYPES,
  tenantName,
} from '@amue/plugin-cloud-common';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { isDeepStrictEqual } from 'node:util';
import { createHash, randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  CreateTenantInput,
  CreateTenantResult,
  ListTenantsOptions,
  RequestDecision,
  Tenant,
  TenantChangeInput,
  TenantDetails,
  TenantEvent,
  TenantEventType,
  TenantFunding,
  TenantOrder,
  TenantPage,
  TenantListItem,
  TenantStep,
  StepActionInput,
  StepDueDateInput,
  TenantStore,
  TenantTraining,
  VersionedWriteOptions,
} from './TenantStore';
import { DatabaseEventStore } from './DatabaseEventStore';
import {
  DatabaseFiguresStore,
  Figures,
  FiguresKind,
} from './DatabaseFiguresStore';
import { parseJson, Row, toIso, toIsoOrNull, UUID_PATTERN } from './rows';
import {
  DatabaseDeploymentStore,
  DeploymentOutcome,
} from './DatabaseDeploymentStore';

const migrationsDir = resolvePackagePath(
  '@amue/plugin-cloud-backend',
  'migrations',
);

const TENANTS = 'cloud_tenants';
const STEPS = 'cloud_onboarding_steps';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

const ORDER_COLUMNS: Record<TenantOrder['field'], string> = {
  name: 'name',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

const CURSOR_VALUE: Record<TenantOrder['field'], (tenant: Tenant) => string> = {
  name: t => t.name,
  createdAt: t => t.createdAt,
  updatedAt: t => t.updatedAt,
};

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    (typeof e?.message === 'string' &&
      /UNIQUE constraint failed|SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)/.test(
        e.message,
      ))
  );
}

/**
 * The group of the tenants asked for in one submission of the request form:
 * their idempotency keys differ only by the last segment, the environment
 * (`scaffolder:<task>:<step>:<environment>`). Opaque (a digest), so that
 * the key itself (a scaffolder task id) is not shown.
 */
export function requestGroupOf(
  idempotencyKey: string | null | undefined,
  environment: string,
): string | undefined {
  const suffix = `:${environment}`;
  if (
    typeof idempotencyKey !== 'string' ||
    !idempotencyKey.endsWith(suffix) ||
    idempotencyKey.length === suffix.length
  ) {
    return undefined;
  }
  return createHash('sha256')
    .update(idempotencyKey.slice(0, -suffix.length))
    .digest('hex')
    .slice(0, 20);
}

/** Events that may follow a decision without preventing its undo. */
const UNDO_TOLERATED_EVENTS: readonly string[] = ['comment.added'];

function toTenant(row: Row): Tenant {
  const requestGroup = requestGroupOf(row.idempotency_key, row.environment);
  return {
    id: row.id,
    name: row.name,
    application: row.application,
    establishment: row.establishment,
    uai: row.uai,
    environment: row.environment,
    version: row.version,
    status: row.status,
    currentStep: row.current_step ?? null,
    url: row.url ?? null,
    ssoProtocol: row.sso_protocol ?? null,
    ssoIdpEntityId: row.sso_idp_entity_id ?? null,
    suspended: Boolean(row.suspended),
    decommissioned: Boolean(row.decommissioned),
    request: parseJson(row.request) as Tenant['request'],
    ...(requestGroup ? { requestGroup } : {}),
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
    rowVersion: Number(row.row_version),
  };
}

function toStep(row: Row): TenantStep {
  const definition = getStepDefinition(row.step_id);
  return {
    id: row.step_id,
    status: row.status,
    reason: row.reason ?? null,
    side: definition.side,
    order: definition.order,
    dueDate: toIsoOrNull(row.due_date),
    updatedBy: row.updated_by,
    updatedAt: toIso(row.updated_at),
    rowVersion: Number(row.row_version),
  };
}

function stepSnapshot(step: OnboardingStepState & { rowVersion?: number }) {
  return {
    status: step.status,
    reason: step.reason ?? null,
    ...(step.rowVersion === undefined ? {} : { rowVersion: step.rowVersion }),
  };
}

/** The default target durations, when the caller gives none. */
const DEFAULT_TARGET_DAYS = resolveStepTargetDays();

/**
 * InputError unless the text follows the text rules of cloud-common (no
 * control character, no bidirectional override; line breaks only in
 * multi-line texts). The OpenAPI document holds the same rules; the store
 * checks them again for its other callers (actions, demo data).
 */
function checkText(
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

function requireText(
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
function requireReason(value: unknown, field: string): string {
  return requireText(value, field, ONBOARDING_REASON_MAX_LENGTH, {
    multiline: true,
  });
}

/** A reason that may be absent follows the text rules when given. */
function checkOptionalReason(reason: unknown): void {
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

function requireCount(value: unknown, field: string): number {
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
function requireVersion(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new InputError(
      'rowVersion is required and must be a positive whole number (the rowVersion of the row as you read it)',
    );
  }
  return value;
}

function stale(what: string): ConflictError {
  return new ConflictError(
    `${what} was changed by someone else; reload it and try again`,
  );
}

interface Cursor {
  o: string;
  v: string;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
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

function isIsoTimestamp(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

/**
 * What an idempotency key stands for: the request as it was first
 * submitted, normalised. The same key with another request is a conflict.
 */
function fingerprintOf(input: {
  application: string;
  uai: string;
  environment: string;
  version: string;
  url: string | null;
  ssoProtocol: string | null;
  ssoIdpEntityId: string | null;
  request: unknown;
}) {
  return {
    application: input.application,
    uai: input.uai,
    environment: input.environment,
    version: input.version,
    url: input.url,
    sso:
      input.ssoProtocol || input.ssoIdpEntityId
        ? { protocol: input.ssoProtocol, idpEntityId: input.ssoIdpEntityId }
        : null,
    request: input.request,
  };
}

/**
 * {@link TenantStore} on the plugin's database (SQLite or PostgreSQL).
 *
 * @public
 */
export class DatabaseTenantStore implements TenantStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
    /**
     * Source of the timestamps written (the current time by default); the
     * demo data and the tests set it to write a believable history.
     */
    clock?: () => Date;
  }): Promise<DatabaseTenantStore> {
    const { database, skipMigrations, clock } = options;
    const client = await database.getClient();
    if (!database.migrations?.skip && !skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseTenantStore(client, clock ?? (() => new Date()));
  }

  /** The event log, appended in the transaction of each change. */
  private readonly events: DatabaseEventStore;
  /** Funding and training, one row each per tenant. */
  private readonly figures = new DatabaseFiguresStore();
  /** The deployment read back from the GitOps engine (issue 14). */
  private readonly deployment: DatabaseDeploymentStore;

  private constructor(
    private readonly db: Knex,
    private readonly clock: () => Date,
  ) {
    this.events = new DatabaseEventStore(db);
    this.deployment = new DatabaseDeploymentStore(
      db,
      clock,
      this.events,
      (tx, tenantId, steps, options) =>
        this.startClocks(tx, tenantId, steps, options),
    );
  }

  private get isPostgres(): boolean {
    return String(this.db.client.config.client).startsWith('pg');
  }

  /** Locks the tenant row for the rest of the transaction (PostgreSQL). */
  private async lockTenant(tx: Knex.Transaction, tenantId: string) {
    if (!UUID_PATTERN.test(tenantId)) {
      return undefined;
    }
    const query = tx(TENANTS).where({ id: tenantId }).first();
    if (this.isPostgres) {
      query.forUpdate();
    }
    return (await query) as Row | undefined;
  }

  private async requireTenant(
    tx: Knex.Transaction,
    tenantId: string,
  ): Promise<Row> {
    const row = await this.lockTenant(tx, tenantId);
    if (!row) {
      throw new NotFoundError(`tenant "${tenantId}" was not found`);
    }
    return row;
  }

  private async details(
    db: Knex | Knex.Transaction,
    row: Row,
  ): Promise<TenantDetails> {
    const [steps, figures] = await Promise.all([
      db(STEPS).where({ tenant_id: row.id }),
      this.figures.read(db, row.id),
    ]);
    return {
      ...toTenant(row),
      steps: steps.map(toStep).sort((a, b) => a.order - b.order),
      ...figures,
    };
  }

  async getTenant(idOrName: string): Promise<TenantDetails | undefined> {
    if (typeof idOrName !== 'string' || idOrName === '') {
      return undefined;
    }
    const row = UUID_PATTERN.test(idOrName)
      ? await this.db(TENANTS).where({ id: idOrName.toLowerCase() }).first()
      : await this.db(TENANTS)
          .where({ name: idOrName.trim().toLowerCase() })
          .first();
    return row ? this.details(this.db, row) : undefined;
  }

  async createTenant(
    input: CreateTenantInput,
    options: {
      actor: string;
      idempotencyKey?: string;
      targetDays?: StepTargetDays;
    },
  ): Promise<CreateTenantResult> {
    const actor = requireText(options?.actor, 'actor');
    const idempotencyKey =
      options.idempotencyKey === undefined
        ? undefined
        : requireText(options.idempotencyKey, 'idempotencyKey');
    const application = refName(
      requireText(input?.application, 'application'),
    ).toLowerCase();
    const uaiCheck = checkUai(input.uai);
    if (!uaiCheck.valid) {
      throw new InputError(`uai: ${uaiCheck.reason}`);
    }
    const uai = uaiCheck.uai;
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
    if (
      input.ssoProtocol !== undefined &&
      input.ssoProtocol !== null &&
      !(SSO_PROTOCOLS as readonly unknown[]).includes(input.ssoProtocol)
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
    const name = tenantName(application, uai, input.environment);
    const fingerprint = fingerprintOf({
      application,
      uai,
      environment: input.environment,
      version,
      url,
      ssoProtocol: input.ssoProtocol ?? null,
      ssoIdpEntityId,
      request,
    });

    const existing = await this.findByIdempotencyKey(
      idempotencyKey,
      fingerprint,
    );
    if (existing) {
      return { tenant: existing, created: false };
    }

    const id = randomUUID();
    const now = this.clock();
    const steps = initialSteps({ migration: request.migration });
    const status = deriveTenantStatus(steps);
    try {
      const existingId = await this.db.transaction(async tx => {
        if (idempotencyKey !== undefined) {
          const sameKey = await tx(TENANTS)
            .where({ idempotency_key: idempotencyKey })
            .first('id');
          if (sameKey) {
            return sameKey.id as string;
          }
        }
        // (PostgreSQL reads committed rows statement by statement: a
        // concurrent request with the same key may have committed between
        // the two reads, and is then found here under its name.)
        const sameName = await tx(TENANTS)
          .where({ name })
          .first('id', 'idempotency_key');
        if (sameName) {
          if (
            idempotencyKey !== undefined &&
            sameName.idempotency_key === idempotencyKey
          ) {
            return sameName.id as string;
          }
          throw new ConflictError(`tenant "${name}" already exists`);
        }
        await tx(TENANTS).insert({
          id,
          name,
          application,
          establishment: establishmentGroupName(uai),
          uai,
          environment: input.environment,
          version,
          status,
          current_step: currentStep(steps) ?? null,
          url,
          sso_protocol: input.ssoProtocol ?? null,
          sso_idp_entity_id: ssoIdpEntityId,
          suspended: false,
          decommissioned: false,
          request: JSON.stringify(request),
          idempotency_key: idempotencyKey ?? null,
          idempotency_fingerprint:
            idempotencyKey === undefined ? null : JSON.stringify(fingerprint),
          created_by: actor,
          created_at: now,
          updated_at: now,
          row_version: 1,
        });
        await tx(STEPS).insert(
          steps.map(step => ({
            tenant_id: id,
            step_id: step.id,
            status: step.status,
            reason: step.reason ?? null,
            due_date: stepsWithRunningClock(steps).includes(step.id)
              ? dueDateFrom(
                  now,
                  (options.targetDays ?? DEFAULT_TARGET_DAYS)[step.id],
                )
              : null,
            updated_by: actor,
            updated_at: now,
            row_version: 1,
          })),
        );
        await this.figures.create(tx, id, { actor, at: now });
        await this.events.append(tx, {
          tenantId: id,
          at: now,
          actor,
          type: 'request.created',
          stepId: 'request',
          comment: null,
          before: null,
          after: { name, status, request },
        });
        return undefined;
      });
      if (existingId !== undefined) {
        const winner = await this.findByIdempotencyKey(
          idempotencyKey,
          fingerprint,
        );
        if (winner) {
          return { tenant: winner, created: false };
        }
      }
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
      // A concurrent creation won: the same request again, or the same name.
      const winner = await this.findByIdempotencyKey(
        idempotencyKey,
        fingerprint,
      );
      if (winner) {
        return { tenant: winner, created: false };
      }
      throw new ConflictError(`tenant "${name}" already exists`);
    }
    const tenant = await this.getTenant(id);
    return { tenant: tenant!, created: true };
  }

  /**
   * The tenant an idempotency key created, when the key was used for the
   * same request; ConflictError naming the fields that differ otherwise.
   */
  private async findByIdempotencyKey(
    idempotencyKey: string | undefined,
    fingerprint: ReturnType<typeof fingerprintOf>,
  ): Promise<TenantDetails | undefined> {
    if (idempotencyKey === undefined) {
      return undefined;
    }
    const row = await this.db(TENANTS)
      .where({ idempotency_key: idempotencyKey })
      .first();
    if (!row) {
      return undefined;
    }
    const first: Record<string, unknown> = row.idempotency_fingerprint
      ? JSON.parse(row.idempotency_fingerprint)
      : {
          application: row.application,
          uai: row.uai,
          environment: row.environment,
        };
    const differing = Object.keys(first).filter(
      key =>
        !isDeepStrictEqual(
          first[key],
          (fingerprint as Record<string, unknown>)[key],
        ),
    );
    if (differing.length) {
      throw new ConflictError(
        `idempotency key "${idempotencyKey}" was already used for another request (tenant "${
          row.name
        }"): ${differing.join(
          ', ',
        )} differ; send the same request again, or use a new key`,
      );
    }
    return this.details(this.db, row);
  }

  async listEvents(tenantId: string): Promise<TenantEvent[]> {
    return this.events.list(tenantId);
  }

  /**
   * The filtered query on `cloud_tenants`, before order and pagination:
   * more conditions (permissions) can be added to it as where clauses.
   */
  private filteredQuery(options: ListTenantsOptions): Knex.QueryBuilder {
    const filters = options.filters ?? {};
    const query = this.db<Row>(TENANTS);
    const anyOf = (column: string, values?: string[]) => {
      if (values && values.length > 0) {
        query.whereIn(`${TENANTS}.${column}`, values);
      }
    };
    anyOf(
      'establishment',
      filters.establishment?.map(v => refName(v)),
    );
    anyOf(
      'application',
      filters.application?.map(v => refName(v)),
    );
    anyOf('environment', filters.environment);
    anyOf('status', filters.status);
    if (filters.currentStep !== undefined) {
      query.where(`${TENANTS}.current_step`, filters.currentStep);
    }
    if (filters.blocked !== undefined) {
      const blockedSteps = this.db(STEPS)
        .select(this.db.raw('1'))
        .whereRaw('??.?? = ??.??', [STEPS, 'tenant_id', TENANTS, 'id'])
        .where(`${STEPS}.status`, 'blocked');
      if (filters.blocked) {
        query.whereExists(blockedSteps);
      } else {
        query.whereNotExists(blockedSteps);
      }
    }
    if (options.condition) {
      query.where(builder => {
        options.condition!(builder);
      });
    }
    return query;
  }

  async listTenants(options: ListTenantsOptions = {}): Promise<TenantPage> {
    const limit = options.limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
      throw new InputError(
        `limit must be a whole number from 1 to ${MAX_LIMIT}`,
      );
    }
    const order = options.orderBy ?? { field: 'name', direction: 'asc' };
    const column = ORDER_COLUMNS[order.field];
    if (!column || (order.direction !== 'asc' && order.direction !== 'desc')) {
      throw new InputError(
        `orderBy must be one of ${Object.keys(ORDER_COLUMNS).join(
          ', ',
        )}, asc or desc`,
      );
    }
    const orderKey = `${order.field}:${order.direction}`;
    const isDate = column !== 'name';
    const query = this.filteredQuery(options).select(`${TENANTS}.*`);
    if (options.cursor !== undefined) {
      const cursor = decodeCursor(options.cursor, orderKey, isDate);
      const value = isDate ? new Date(cursor.v) : cursor.v;
      const op = order.direction === 'asc' ? '>' : '<';
      query.where(builder =>
        builder
          .where(`${TENANTS}.${column}`, op, value)
          .orWhere(inner =>
            inner
              .where(`${TENANTS}.${column}`, value)
              .where(`${TENANTS}.id`, op, cursor.id),
          ),
      );
    }
    const rows: Row[] = await query
      .orderBy([
        { column: `${TENANTS}.${column}`, order: order.direction },
        { column: `${TENANTS}.id`, order: order.direction },
      ])
      .limit(limit + 1);
    const tenants = rows.slice(0, limit).map(toTenant);
    const items = options.includeSteps
      ? await this.withSteps(tenants)
      : tenants;
    const last = tenants[tenants.length - 1];
    return {
      items,
      ...(rows.length > limit && last
        ? {
            nextCursor: encodeCursor({
              o: orderKey,
              v: CURSOR_VALUE[order.field](last),
              id: last.id,
            }),
          }
        : {}),
    };
  }

  /** The tenants with their steps, read in one query. */
  private async withSteps(tenants: Tenant[]): Promise<TenantListItem[]> {
    const byTenant = new Map<string, TenantStep[]>(
      tenants.map(tenant => [tenant.id, []]),
    );
    if (tenants.length) {
      const rows: Row[] = await this.db(STEPS).whereIn(
        'tenant_id',
        tenants.map(tenant => tenant.id),
      );
      for (const row of rows) {
        byTenant.get(row.tenant_id)?.push(toStep(row));
      }
    }
    return tenants.map(tenant => ({
      ...tenant,
      steps: byTenant.get(tenant.id)!.sort((a, b) => a.order - b.order),
    }));
  }

  async applyStepAction(
    tenantId: string,
    stepId: OnboardingStepId,
    action: OnboardingAction,
    options: StepActionInput,
  ): Promise<TenantDetails> {
    const actor = requireText(options?.actor, 'actor');
    const expectedVersion = requireVersion(options.expectedVersion);
    checkOptionalReason(options.reason);
    await this.db.transaction(async tx => {
      const tenant = await this.requireTenant(tx, tenantId);
      const rows = await tx(STEPS).where({ tenant_id: tenant.id });
      const steps = rows.map(toStep).sort((a, b) => a.order - b.order);
      const step = steps.find(s => s.id === stepId);
      if (step && step.rowVersion !== expectedVersion) {
        throw stale(`step "${stepId}" of tenant "${tenant.name}"`);
      }
      const result = applyStepAction(steps, stepId, action, {
        reason: options.reason,
        actorSide: options.actorSide,
      });
      if (!result.ok) {
        throw new InputError(result.error.message);
      }
      const now = this.clock();
      const updated = await tx(STEPS)
        .where({
          tenant_id: tenant.id,
          step_id: stepId,
          row_version: expectedVersion,
        })
        .update({
          status: result.step.status,
          reason: result.step.reason ?? null,
          updated_by: actor,
          updated_at: now,
          row_version: expectedVersion + 1,
        });
      if (updated !== 1) {
        throw stale(`step "${stepId}" of tenant "${tenant.name}"`);
      }
      await tx(TENANTS)
        .where({ id: tenant.id })
        .update({
          status: deriveTenantStatus(result.steps, {
            suspended: Boolean(tenant.suspended),
            decommissioned: Boolean(tenant.decommissioned),
          }),
          current_step: currentStep(result.steps) ?? null,
          updated_at: now,
          row_version: tx.raw('row_version + 1'),
        });
      await this.events.append(tx, {
        tenantId: tenant.id,
        at: now,
        actor,
        type: STEP_ACTION_EVENT_TYPES[action],
        stepId: stepId,
        comment: result.reason ?? null,
        before: stepSnapshot(result.previous),
        after: stepSnapshot({
          ...result.step,
          rowVersion: expectedVersion + 1,
        }),
      });
      await this.startClocks(tx, tenant.id, result.steps, {
        now,
        targetDays: options.targetDays,
        restart: action === 'reopen' ? stepId : undefined,
      });
    });
    return (await this.getTenant(tenantId))!;
  }

  /**
   * Starts the clock of the steps whose clock runs after a change
   * (`stepsWithRunningClock`): each one without a due date gets one, the
   * start plus its target duration; `restart` (a reopened step) gets a
   * fresh one. Part of the change's transaction; not a change of the step
   * itself (its row version stays).
   */
  private async startClocks(
    tx: Knex.Transaction,
    tenantId: string,
    steps: ReadonlyArray<OnboardingStepState & { dueDate?: string | null }>,
    options: {
      now: Date;
      targetDays?: StepTargetDays;
      restart?: OnboardingStepId;
    },
  ): Promise<void> {
    const targetDays = options.targetDays ?? DEFAULT_TARGET_DAYS;
    for (const id of stepsWithRunningClock(steps)) {
      const step = steps.find(s => s.id === id);
      if (step?.dueDate && id !== options.restart) {
        continue;
      }
      await tx(STEPS)
        .where({ tenant_id: tenantId, step_id: id })
        .update({ due_date: dueDateFrom(options.now, targetDays[id]) });
    }
  }

  async setStepDueDate(
    tenantId: string,
    stepId: OnboardingStepId,
    input: StepDueDateInput,
  ): Promise<TenantDetails> {
    const actor = requireText(input?.actor, 'actor');
    const expectedVersion = requireVersion(input.expectedVersion);
    const reason = requireReason(input.reason, 'reason');
    if (!isOnboardingStepId(stepId)) {
      throw new InputError(`"${String(stepId)}" is not an onboarding step`);
    }
    const dueDate = input.dueDate;
    if (!(dueDate instanceof Date) || Number.isNaN(dueDate.getTime())) {
      throw new InputError('dueDate must be a date');
    }
    await this.db.transaction(async tx => {
      const tenant = await this.requireTenant(tx, tenantId);
      if (tenant.decommissioned) {
        throw new ConflictError(
          `tenant "${tenant.name}" is closed; its steps have no due date any more`,
        );
      }
      const row = await tx(STEPS)
        .where({ tenant_id: tenant.id, step_id: stepId })
        .first();
      const step = toStep(row);
      if (step.rowVersion !== expectedVersion) {
        throw stale(`step "${stepId}" of tenant "${tenant.name}"`);
      }
      if (isStepSettled(step.status)) {
        throw new InputError(
          `step "${stepId}" of tenant "${tenant.name}" is ${step.status}; only a step still to finish has a due date to move`,
        );
      }
      const now = this.clock();
      const updated = await tx(STEPS)
        .where({
          tenant_id: tenant.id,
          step_id: stepId,
          row_version: expectedVersion,
        })
        .update({
          due_date: dueDate,
          updated_by: actor,
          updated_at: now,
          row_version: expectedVersion + 1,
        });
      if (updated !== 1) {
        throw stale(`step "${stepId}" of tenant "${tenant.name}"`);
      }
      await tx(TENANTS)
        .where({ id: tenant.id })
        .update({ updated_at: now, row_version: tx.raw('row_version + 1') });
      await this.events.append(tx, {
        tenantId: tenant.id,
        at: now,
        actor,
        type: 'step.due-date-changed',
        stepId,
        comment: reason,
        before: { dueDate: step.dueDate },
        after: {
          dueDate: dueDate.toISOString(),
          rowVersion: expectedVersion + 1,
        },
      });
    });
    return (await this.getTenant(tenantId))!;
  }

  async decideRequest(
    tenantId: string,
    decision: RequestDecision,
    options: {
      actor: string;
      expectedVersion: number;
      reason?: string | null;
      targetDays?: StepTargetDays;
    },
  ): Promise<TenantDetails> {
    const actor = requireText(options?.actor, 'actor');
    const expectedVersion = requireVersion(options.expectedVersion);
    if (decision !== 'approve' && decision !== 'reject') {
      throw new InputError(
        `decision "${String(decision)}" is not one of approve, reject`,
      );
    }
    checkOptionalReason(options.reason);
    await this.db.transaction(async tx => {
      const tenant = await this.requireTenant(tx, tenantId);
      if (tenant.decommissioned) {
        throw new ConflictError(
          `the request of tenant "${tenant.name}" is closed (rejected or decommissioned)`,
        );
      }
      const rows = await tx(STEPS).where({ tenant_id: tenant.id });
      const steps = rows.map(toStep).sort((a, b) => a.order - b.order);
      const step = steps.find(s => s.id === 'qualification')!;
      if (step.rowVersion !== expectedVersion) {
        throw stale(`step "qualification" of tenant "${tenant.name}"`);
      }
      let next: TenantStep;
      let newSteps: OnboardingStepState[];
      let reason: string | null = null;
      if (decision === 'approve') {
        // Approving a request still in `todo` (or blocked) starts (or
        // unblocks) and completes the qualification in one decision.
        let working: OnboardingStepState[] = steps;
        if (step.status === 'todo' || step.status === 'blocked') {
          const opened = applyStepAction(
            working,
            'qualification',
            step.status === 'todo' ? 'start' : 'unblock',
            { actorSide: 'amue' },
          );
          if (!opened.ok) {
            throw new InputError(opened.error.message);
          }
          working = opened.steps;
        }
        const result = applyStepAction(working, 'qualification', 'complete', {
          actorSide: 'amue',
          reason: options.reason,
        });
        if (!result.ok) {
          throw new InputError(result.error.message);
        }
        reason = result.reason ?? null;
        next = { ...step, status: result.step.status, reason: null };
        newSteps = result.steps;
      } else {
        reason = requireReason(options.reason, 'reason');
        if (step.status === 'done' || step.status === 'skipped') {
          throw new InputError(
            `the request of tenant "${tenant.name}" is already approved; it can no longer be rejected`,
          );
        }
        next = { ...step, status: 'blocked', reason };
        newSteps = steps.map(s => (s.id === 'qualification' ? next : s));
      }
      const now = this.clock();
      const updated = await tx(STEPS)
        .where({
          tenant_id: tenant.id,
          step_id: 'qualification',
          row_version: expectedVersion,
        })
        .update({
          status: next.status,
          reason: next.reason ?? null,
          updated_by: actor,
          updated_at: now,
          row_version: expectedVersion + 1,
        });
      if (updated !== 1) {
        throw stale(`step "qualification" of tenant "${tenant.name}"`);
      }
      const decommissioned = decision === 'reject';
      await tx(TENANTS)
        .where({ id: tenant.id })
        .update({
          status: deriveTenantStatus(newSteps, {
            suspended: Boolean(tenant.suspended),
            decommissioned,
          }),
          decommissioned,
          current_step: currentStep(newSteps) ?? null,
          updated_at: now,
          row_version: tx.raw('row_version + 1'),
        });
      await this.events.append(tx, {
        tenantId: tenant.id,
        at: now,
        actor,
        type: decision === 'approve' ? 'request.approved' : 'request.rejected',
        stepId: 'qualification',
        comment: reason,
        before: stepSnapshot(step),
        after: stepSnapshot({ ...next, rowVersion: expectedVersion + 1 }),
      });
      if (!decommissioned) {
        await this.startClocks(tx, tenant.id, newSteps, {
          now,
          targetDays: options.targetDays,
        });
      }
    });
    return (await this.getTenant(tenantId))!;
  }

  async undoDecision(
    tenantId: string,
    options: { actor: string; expectedVersion: number },
  ): Promise<{ tenant: TenantDetails; decision: RequestDecision }> {
    const actor = requireText(options?.actor, 'actor');
    const expectedVersion = requireVersion(options.expectedVersion);
    let decision: RequestDecision = 'approve';
    await this.db.transaction(async tx => {
      const tenant = await this.requireTenant(tx, tenantId);
      const rows = await tx(STEPS).where({ tenant_id: tenant.id });
      const steps = rows.map(toStep).sort((a, b) => a.order - b.order);
      const step = steps.find(s => s.id === 'qualification')!;
      if (step.rowVersion !== expectedVersion) {
        throw stale(`step "qualification" of tenant "${tenant.name}"`);
      }
      const events = await this.events.list(tenant.id, tx);
      const index = events.findLastIndex(
        e =>
          e.type === 'request.approved' ||
          e.type === 'request.rejected' ||
          e.type === 'request.decision-undone',
      );
      const last = index < 0 ? undefined : events[index];
      if (!last || last.type === 'request.decision-undone') {
        throw new InputError(
          `the request of tenant "${tenant.name}" has no decision to undo`,
        );
      }
      const later = events
        .slice(index + 1)
        .find(e => !UNDO_TOLERATED_EVENTS.includes(e.type));
      const after = last.after as { rowVersion?: number } | null;
      if (later || after?.rowVersion !== step.rowVersion) {
        throw new ConflictError(
          `the decision on the request of tenant "${
            tenant.name
          }" can no longer be undone: the onboarding went on since (${
            later?.type ?? 'qualification changed'
          })`,
        );
      }
      decision = last.type === 'request.approved' ? 'approve' : 'reject';
      const before = last.before as {
        status: TenantStep['status'];
        reason: string | null;
      };
      const restored: TenantStep = {
        ...step,
        status: before.status,
        reason: before.reason ?? null,
      };
      const newSteps = steps.map(s =>
        s.id === 'qualification' ? restored : s,
      );
      const now = this.clock();
      const updated = await tx(STEPS)
        .where({
          tenant_id: tenant.id,
          step_id: 'qualification',
          row_version: expectedVersion,
        })
        .update({
          status: restored.status,
          reason: restored.reason,
          updated_by: actor,
          updated_at: now,
          row_version: expectedVersion + 1,
        });
      if (updated !== 1) {
        throw stale(`step "qualification" of tenant "${tenant.name}"`);
      }
      // The clocks an approval started stop again: a step whose turn has
      // not come has no due date.
      const running = stepsWithRunningClock(newSteps);
      const stopped = newSteps
        .filter(
          s =>
            s.order > step.order &&
            s.status === 'todo' &&
            s.dueDate &&
            !running.includes(s.id),
        )
        .map(s => s.id);
      if (stopped.length > 0) {
        await tx(STEPS)
          .where({ tenant_id: tenant.id })
          .whereIn('step_id', stopped)
          .update({ due_date: null });
      }
      await tx(TENANTS)
        .where({ id: tenant.id })
        .update({
          status: deriveTenantStatus(newSteps, {
            suspended: Boolean(tenant.suspended),
            decommissioned: false,
          }),
          decommissioned: false,
          current_step: currentStep(newSteps) ?? null,
          updated_at: now,
          row_version: tx.raw('row_version + 1'),
        });
      await this.events.append(tx, {
        tenantId: tenant.id,
        at: now,
        actor,
        type: 'request.decision-undone',
        stepId: 'qualification',
        comment: null,
        before: stepSnapshot(step),
        after: {
          ...stepSnapshot({ ...restored, rowVersion: expectedVersion + 1 }),
          undone: last.type,
        },
      });
    });
    return { tenant: (await this.getTenant(tenantId))!, decision };
  }

  async changeTenant(
    tenantId: string,
    change: TenantChangeInput,
    options: VersionedWriteOptions,
  ): Promise<TenantDetails> {
    const actor = requireText(options?.actor, 'actor');
    const expectedVersion = requireVersion(options.expectedVersion);
    const isVersion = change && 'version' in change;
    const isDecommission =
      change && 'decommission' in change && change.decommission === true;
    if (isVersion === isDecommission) {
      throw new InputError('give either a version or decommission: true');
    }
    const version = isVersion
      ? requireText((change as { version: string }).version, 'version', 64)
      : undefined;
    const reason = isDecommission
      ? requireReason((change as { reason: string }).reason, 'reason')
      : null;
    await this.db.transaction(async tx => {
      const tenant = await this.requireTenant(tx, tenantId);
      if (Number(tenant.row_version) !== expectedVersion) {
        throw stale(`tenant "${tenant.name}"`);
      }
      if (tenant.decommissioned) {
        throw new ConflictError(`tenant "${tenant.name}" is decommissioned`);
      }
      if (version !== undefined && version === tenant.version) {
        throw new InputError(
          `version "${version}" is already the version of tenant "${tenant.name}"`,
        );
      }
      const rows = await tx(STEPS).where({ tenant_id: tenant.id });
      const steps = rows.map(toStep);
      const now = this.clock();
      const updated = await tx(TENANTS)
        .where({ id: tenant.id, row_version: expectedVersion })
        .update({
          ...(version !== undefined ? { version } : {}),
          ...(isDecommission
            ? {
                decommissioned: true,
                status: deriveTenantStatus(steps, { decommissioned: true }),
              }
            : {}),
          updated_at: now,
          row_version: expectedVersion + 1,
        });
      if (updated !== 1) {
        throw stale(`tenant "${tenant.name}"`);
      }
      await this.events.append(tx, {
        tenantId: tenant.id,
        at: now,
        actor,
        type: isDecommission
          ? 'tenant.decommissioned'
          : 'tenant.version-changed',
        stepId: null,
        comment: reason,
        before: isDecommission
          ? { decommissioned: false }
          : { version: tenant.version },
        after: isDecommission ? { decommissioned: true } : { version },
      });
    });
    return (await this.getTenant(tenantId))!;
  }

  async addComment(
    tenantId: string,
    comment: string,
    options: { actor: string; stepId?: OnboardingStepId },
  ): Promise<TenantEvent> {
    const actor = requireText(options?.actor, 'actor');
    const text = requireReason(comment, 'comment');
    if (options.stepId !== undefined && !isOnboardingStepId(options.stepId)) {
      throw new InputError(
        `stepId "${String(options.stepId)}" is not an onboarding step`,
      );
    }
    return this.db.transaction(async tx => {
      const tenant = await this.requireTenant(tx, tenantId);
      const now = this.clock();
      return this.events.append(tx, {
        tenantId: tenant.id,
        at: now,
        actor,
        type: 'comment.added',
        stepId: options.stepId ?? null,
        comment: text,
        before: null,
        after: null,
      });
    });
  }

  async recordFunding(
    tenantId: string,
    funding: { grantedEur: number; paidEur: number },
    options: VersionedWriteOptions,
  ): Promise<TenantFunding> {
    const grantedEur = requireCount(funding?.grantedEur, 'grantedEur');
    const paidEur = requireCount(funding?.paidEur, 'paidEur');
    if (paidEur > grantedEur) {
      throw new InputError(
        `paidEur (${paidEur}) may not exceed grantedEur (${grantedEur}): funding cannot be paid beyond what was granted`,
      );
    }
    return this.recordCounters(
      'funding',
      'funding.recorded',
      'funding',
      tenantId,
      { granted_eur: grantedEur, paid_eur: paidEur },
      options,
    );
  }

  async recordTraining(
    tenantId: string,
    training: { sessionsHeld: number; staffTrained: number },
    options: VersionedWriteOptions,
  ): Promise<TenantTraining> {
    const sessionsHeld = requireCount(training?.sessionsHeld, 'sessionsHeld');
    const staffTrained = requireCount(training?.staffTrained, 'staffTrained');
    return this.recordCounters(
      'training',
      'training.recorded',
      'training figures',
      tenantId,
      { sessions_held: sessionsHeld, staff_trained: staffTrained },
      options,
    );
  }

  private async recordCounters<K extends FiguresKind>(
    kind: K,
    type: TenantEventType,
    what: string,
    tenantId: string,
    values: Record<string, number>,
    options: VersionedWriteOptions,
  ): Promise<Figures<K>> {
    const actor = requireText(options?.actor, 'actor');
    const expectedVersion = requireVersion(options.expectedVersion);
    return this.db.transaction(async tx => {
      const tenant = await this.requireTenant(tx, tenantId);
      const now = this.clock();
      const change = await this.figures.update(tx, kind, tenant.id, values, {
        actor,
        at: now,
        expectedVersion,
      });
      if (!change) {
        throw stale(`the ${what} of tenant "${tenant.name}"`);
      }
      const snapshot = (figures: TenantFunding | TenantTraining) => {
        const { updatedBy: _b, updatedAt: _a, ...rest } = figures;
        return rest;
      };
      await this.events.append(tx, {
        tenantId: tenant.id,
        at: now,
        actor,
        type,
        before: snapshot(change.before),
        after: snapshot(change.after),
      });
      return change.after;
    });
  }

  async recordGitopsRevision(names: string[], revision: string) {
    return this.deployment.recordRevision(names, revision);
  }

  async applyDeploymentNotification(
    notification: DeploymentNotification,
    actor: string,
    targetDays?: StepTargetDays,
  ): Promise<DeploymentOutcome> {
    return this.deployment.apply(notification, actor, targetDays);
  }
}
