import { getStepDefinition, refName } from '@amue/plugin-cloud-common';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { isDeepStrictEqual } from 'node:util';
import { createHash, randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  CreateTenantResult,
  LockedTenant,
  NewTenant,
  Tenant,
  TenantDetails,
  TenantEvent,
  TenantListItem,
  TenantOrder,
  TenantQuery,
  TenantRows,
  TenantStep,
  TenantStore,
  TenantWrite,
} from './TenantStore';
import { DatabaseEventStore } from './DatabaseEventStore';
import { DatabaseFiguresStore } from './DatabaseFiguresStore';
import {
  changedBySomeoneElse,
  isoColumn,
  isPostgres,
  parseJson,
  Row,
  toIso,
  toIsoOrNull,
  UUID_PATTERN,
} from './rows';
import { DatabaseDeploymentStore } from './DatabaseDeploymentStore';
import { countSteps, stepCountDeltas } from './reportCounts';

const migrationsDir = resolvePackagePath(
  '@amue/plugin-cloud-backend',
  'migrations',
);

const TENANTS = 'cloud_tenants';
const STEPS = 'cloud_onboarding_steps';

const ORDER_COLUMNS: Record<TenantOrder['field'], string> = {
  name: 'name',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
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
 * The digests of the submissions seen lately: a list of tenants shows the
 * same ones again and again, and a digest per row was 1.4 % of the
 * backend's CPU serving lists (bounded: cleared at 10,000).
 */
const requestGroups = new Map<string, string>();

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
  const submission = idempotencyKey.slice(0, -suffix.length);
  let group = requestGroups.get(submission);
  if (group === undefined) {
    group = createHash('sha256').update(submission).digest('hex').slice(0, 20);
    if (requestGroups.size >= 10_000) {
      requestGroups.clear();
    }
    requestGroups.set(submission, group);
  }
  return group;
}

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

const byOrder = (a: TenantStep, b: TenantStep) => a.order - b.order;

/** The steps of a `steps_json` column, in order. */
function stepsOfJson(rows: Row[]): TenantStep[] {
  return rows.map(toStep).sort(byOrder);
}

/**
 * The changes of the report's step counts (reportCounts.ts) that a write
 * makes: its new step statuses, and the tenant leaving or re-entering the
 * count when it is decommissioned or brought back.
 */
function countChanges(tenant: Tenant, steps: TenantStep[], write: TenantWrite) {
  const status = write.tenant?.set?.status ?? tenant.status;
  const changed = new Map(
    (write.steps ?? []).flatMap(step =>
      step.set.status === undefined ? [] : [[step.id, step.set.status]],
    ),
  );
  if (changed.size === 0 && status === tenant.status) {
    return [];
  }
  const before = new Map(steps.map(step => [step.id, step.status as string]));
  return stepCountDeltas(
    {
      application: tenant.application,
      counted: tenant.status !== 'decommissioned',
      steps: before,
    },
    {
      application: tenant.application,
      counted: status !== 'decommissioned',
      steps: new Map([...before, ...changed]),
    },
  );
}

/** The columns {@link toTenant} reads, but its timestamps. */
const TENANT_FIELDS = [
  'id',
  'name',
  'application',
  'establishment',
  'uai',
  'environment',
  'version',
  'status',
  'current_step',
  'url',
  'sso_protocol',
  'sso_idp_entity_id',
  'suspended',
  'decommissioned',
  'request',
  'idempotency_key',
  'created_by',
  'row_version',
].map(column => `${TENANTS}.${column}`);

/** Columns of the tenant row, by the name of their field. */
const TENANT_COLUMNS = {
  version: 'version',
  status: 'status',
  currentStep: 'current_step',
  decommissioned: 'decommissioned',
  url: 'url',
} as const;

/**
 * {@link TenantStore} on the plugin's database (SQLite or PostgreSQL): the
 * tenants and their steps, with their events ({@link DatabaseEventStore}),
 * figures ({@link DatabaseFiguresStore}) and GitOps commits
 * ({@link DatabaseDeploymentStore}) written in the same transactions.
 * Database rules only; the service checks inputs and applies the
 * onboarding rules.
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
  /** The GitOps commits of the tenants' descriptors (issue 14). */
  private readonly deployment: DatabaseDeploymentStore;

  private constructor(
    private readonly db: Knex,
    private readonly clock: () => Date,
  ) {
    this.events = new DatabaseEventStore(db);
    this.deployment = new DatabaseDeploymentStore(db, clock);
  }

  now(): Date {
    return this.clock();
  }

  private get isPostgres(): boolean {
    return isPostgres(this.db);
  }

  /**
   * What {@link toTenant} reads of a tenant's row, its timestamps in the
   * API's form on PostgreSQL ({@link isoColumn}).
   */
  private tenantColumns(): Array<string | Knex.Raw> {
    return [
      ...TENANT_FIELDS,
      isoColumn(this.db, `${TENANTS}.created_at`, 'created_at'),
      isoColumn(this.db, `${TENANTS}.updated_at`, 'updated_at'),
    ];
  }

  /**
   * PostgreSQL: the steps of the tenant of the row, as one JSON array in
   * the column `steps_json` (read back with {@link stepsOfJson}).
   */
  private stepsJsonColumn(): Knex.Raw {
    return this.db.raw(
      `(select coalesce(json_agg(s), '[]'::json) from ?? s where s.tenant_id = ??) as steps_json`,
      [STEPS, `${TENANTS}.id`],
    );
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
      steps: steps.map(toStep).sort(byOrder),
      ...figures,
    };
  }

  async getTenant(idOrName: string): Promise<TenantDetails | undefined> {
    return this.readTenant(idOrName, false);
  }

  async getTenantWithEvents(
    idOrName: string,
  ): Promise<(TenantDetails & { events: TenantEvent[] }) | undefined> {
    return this.readTenant(idOrName, true);
  }

  /**
   * A tenant by id or name with its steps and figures, and its events when
   * asked. On PostgreSQL one round trip: the related rows come aggregated
   * as JSON columns of the tenant's row, where reading them one table after
   * the other took three round trips in a row, each a wake-up of the
   * database server (docs/benchmarks.md, "The detail in one round trip").
   * On SQLite, whose queries do not leave the process, one query a table.
   */
  private readTenant(
    idOrName: string,
    withEvents: true,
  ): Promise<(TenantDetails & { events: TenantEvent[] }) | undefined>;
  private readTenant(
    idOrName: string,
    withEvents: false,
  ): Promise<TenantDetails | undefined>;
  private async readTenant(
    idOrName: string,
    withEvents: boolean,
  ): Promise<(TenantDetails & { events?: TenantEvent[] }) | undefined> {
    if (typeof idOrName !== 'string' || idOrName === '') {
      return undefined;
    }
    const where = UUID_PATTERN.test(idOrName)
      ? { [`${TENANTS}.id`]: idOrName.toLowerCase() }
      : { [`${TENANTS}.name`]: idOrName.trim().toLowerCase() };
    if (!this.isPostgres) {
      const row = await this.db(TENANTS).where(where).first();
      if (!row) {
        return undefined;
      }
      const details = await this.details(this.db, row);
      return withEvents
        ? { ...details, events: await this.events.list(row.id) }
        : details;
    }
    const id = `${TENANTS}.id`;
    const row = await this.db(TENANTS)
      .select(
        ...this.tenantColumns(),
        this.stepsJsonColumn(),
        ...DatabaseFiguresStore.jsonColumns(this.db, id),
        ...(withEvents ? [DatabaseEventStore.jsonColumn(this.db, id)] : []),
      )
      .where(where)
      .first();
    if (!row) {
      return undefined;
    }
    return {
      ...toTenant(row),
      steps: stepsOfJson(row.steps_json),
      ...DatabaseFiguresStore.fromJson(row),
      ...(withEvents ? { events: DatabaseEventStore.fromJson(row) } : {}),
    };
  }

  async listEvents(tenantId: string): Promise<TenantEvent[]> {
    return this.events.list(tenantId);
  }

  async insertTenant(
    tenant: NewTenant,
    options: {
      actor: string;
      idempotencyKey?: string;
      fingerprint: Record<string, unknown>;
      at: Date;
    },
  ): Promise<CreateTenantResult> {
    const { actor, idempotencyKey, fingerprint, at: now } = options;
    const { name } = tenant;
    const existing = await this.findByIdempotencyKey(
      idempotencyKey,
      fingerprint,
    );
    if (existing) {
      return { tenant: existing, created: false };
    }
    const id = randomUUID();
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
          application: tenant.application,
          establishment: tenant.establishment,
          uai: tenant.uai,
          environment: tenant.environment,
          version: tenant.version,
          status: tenant.status,
          current_step: tenant.currentStep,
          url: tenant.url,
          sso_protocol: tenant.ssoProtocol,
          sso_idp_entity_id: tenant.ssoIdpEntityId,
          suspended: false,
          decommissioned: false,
          request: JSON.stringify(tenant.request),
          idempotency_key: idempotencyKey ?? null,
          idempotency_fingerprint:
            idempotencyKey === undefined ? null : JSON.stringify(fingerprint),
          created_by: actor,
          created_at: now,
          updated_at: now,
          row_version: 1,
        });
        await tx(STEPS).insert(
          tenant.steps.map(step => ({
            tenant_id: id,
            step_id: step.id,
            status: step.status,
            reason: step.reason,
            due_date: step.dueDate,
            updated_by: actor,
            updated_at: now,
            row_version: 1,
          })),
        );
        await countSteps(
          tx,
          stepCountDeltas(undefined, {
            application: tenant.application,
            counted: tenant.status !== 'decommissioned',
            steps: new Map(tenant.steps.map(step => [step.id, step.status])),
          }),
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
          after: tenant.createdEvent,
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
    const created = await this.getTenant(id);
    return { tenant: created!, created: true };
  }

  /**
   * The tenant an idempotency key created, when the key was used for the
   * same request; ConflictError naming the fields that differ otherwise.
   */
  private async findByIdempotencyKey(
    idempotencyKey: string | undefined,
    fingerprint: Record<string, unknown>,
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
      key => !isDeepStrictEqual(first[key], fingerprint[key]),
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

  /**
   * The filtered query on `cloud_tenants`, before order and pagination:
   * more conditions (permissions) can be added to it as where clauses.
   */
  private filteredQuery(options: TenantQuery): Knex.QueryBuilder {
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

  /** A page of tenants, by keyset pagination on the order and the id. */
  async listTenants(options: TenantQuery): Promise<TenantRows> {
    const { limit } = options;
    const order = options.orderBy ?? { field: 'name', direction: 'asc' };
    const column = ORDER_COLUMNS[order.field];
    // On PostgreSQL, the steps asked for come in the same round trip.
    const stepsInRow = options.includeSteps && this.isPostgres;
    const query = this.filteredQuery(options).select(
      ...this.tenantColumns(),
      ...(stepsInRow ? [this.stepsJsonColumn()] : []),
    );
    if (options.after !== undefined) {
      const { after } = options;
      const value = column === 'name' ? after.value : new Date(after.value);
      const op = order.direction === 'asc' ? '>' : '<';
      // The first bound alone is what an index on the column can seek to;
      // without it, PostgreSQL read the whole index up to the cursor for
      // each page (150 ms for a page in the middle of 100,000 tenants,
      // against 9 ms with it: a full read of the tenants page by page was
      // quadratic). The `or` then only sorts out the ties on the column.
      query.where(`${TENANTS}.${column}`, `${op}=`, value);
      query.where(builder =>
        builder
          .where(`${TENANTS}.${column}`, op, value)
          .orWhere(inner =>
            inner
              .where(`${TENANTS}.${column}`, value)
              .where(`${TENANTS}.id`, op, after.id),
          ),
      );
    }
    const rows: Row[] = await query
      .orderBy([
        { column: `${TENANTS}.${column}`, order: order.direction },
        { column: `${TENANTS}.id`, order: order.direction },
      ])
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    let items: TenantListItem[];
    if (stepsInRow) {
      items = page.map(row => ({
        ...toTenant(row),
        steps: stepsOfJson(row.steps_json),
      }));
    } else {
      const tenants = page.map(toTenant);
      items = options.includeSteps ? await this.withSteps(tenants) : tenants;
    }
    return { items, hasMore: rows.length > limit };
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
      steps: byTenant.get(tenant.id)!.sort(byOrder),
    }));
  }

  /** Reads and locks the tenant row (PostgreSQL: until the commit). */
  private async lockTenant(
    tx: Knex.Transaction,
    key: { id: string } | { name: string },
  ): Promise<Row | undefined> {
    if ('id' in key && !UUID_PATTERN.test(key.id)) {
      return undefined;
    }
    const query = tx(TENANTS)
      .where('id' in key ? { id: key.id } : { name: key.name })
      .first();
    if (this.isPostgres) {
      query.forUpdate();
    }
    return (await query) as Row | undefined;
  }

  async updateTenant<T>(
    key: { id: string } | { name: string },
    actor: string,
    decide: (
      current: LockedTenant,
    ) =>
      | Promise<{ write?: TenantWrite; result: T }>
      | { write?: TenantWrite; result: T },
  ): Promise<{ result: T; events: TenantEvent[] }> {
    return this.db.transaction(async tx => {
      const row = await this.lockTenant(tx, key);
      if (!row) {
        throw new NotFoundError(
          `tenant "${'id' in key ? key.id : key.name}" was not found`,
        );
      }
      const steps: Row[] = await tx(STEPS).where({ tenant_id: row.id });
      const figures = await this.figures.read(tx, row.id);
      const tenant = toTenant(row);
      const now = this.clock();
      const { write, result } = await decide({
        tenant,
        steps: steps.map(toStep).sort(byOrder),
        ...figures,
        gitopsRevision: row.gitops_revision ?? null,
        now,
        events: () => this.events.list(tenant.id, tx),
        isLaterCommit: revision =>
          this.deployment.isLaterCommit(tx, revision, row.gitops_revision),
      });
      const events = write
        ? await this.write(tx, tenant, write, {
            actor,
            now,
            steps: steps.map(toStep),
          })
        : [];
      return { result, events };
    });
  }

  /** Writes a change within `tx`; the events appended. */
  private async write(
    tx: Knex.Transaction,
    tenant: Tenant,
    write: TenantWrite,
    by: { actor: string; now: Date; steps: TenantStep[] },
  ): Promise<TenantEvent[]> {
    const { actor, now } = by;
    await countSteps(tx, countChanges(tenant, by.steps, write));
    for (const step of write.steps ?? []) {
      const { status, reason, dueDate } = step.set;
      const updated = await tx(STEPS)
        .where({
          tenant_id: tenant.id,
          step_id: step.id,
          row_version: step.expectedVersion,
        })
        .update({
          ...(status === undefined ? {} : { status }),
          ...(reason === undefined ? {} : { reason }),
          ...(dueDate === undefined ? {} : { due_date: dueDate }),
          updated_by: actor,
          updated_at: now,
          row_version: step.expectedVersion + 1,
        });
      if (updated !== 1) {
        throw changedBySomeoneElse(
          `step "${step.id}" of tenant "${tenant.name}"`,
        );
      }
    }
    for (const clock of write.clocks ?? []) {
      await tx(STEPS)
        .where({ tenant_id: tenant.id, step_id: clock.id })
        .update({ due_date: clock.dueDate });
    }
    if (write.tenant) {
      const { expectedVersion, set = {} } = write.tenant;
      const columns = Object.fromEntries(
        Object.entries(set).map(([field, value]) => [
          TENANT_COLUMNS[field as keyof typeof TENANT_COLUMNS],
          value,
        ]),
      );
      const query = tx(TENANTS).where({ id: tenant.id });
      if (expectedVersion !== undefined) {
        query.where({ row_version: expectedVersion });
      }
      const updated = await query.update({
        ...columns,
        updated_at: now,
        row_version:
          expectedVersion === undefined
            ? tx.raw('row_version + 1')
            : expectedVersion + 1,
      });
      if (updated !== 1) {
        throw changedBySomeoneElse(`tenant "${tenant.name}"`);
      }
    }
    if (write.figures) {
      const { kind, values, expectedVersion } = write.figures;
      const written = await this.figures.update(tx, kind, tenant.id, values, {
        actor,
        at: now,
        expectedVersion,
      });
      if (!written) {
        throw changedBySomeoneElse(
          `the ${
            kind === 'funding' ? 'funding' : 'training figures'
          } of tenant "${tenant.name}"`,
        );
      }
    }
    const events: TenantEvent[] = [];
    for (const event of write.events ?? []) {
      events.push(
        await this.events.append(tx, {
          ...event,
          tenantId: tenant.id,
          at: now,
          actor,
        }),
      );
    }
    return events;
  }

  async recordGitopsRevision(names: string[], revision: string) {
    return this.deployment.recordRevision(names, revision);
  }
}
