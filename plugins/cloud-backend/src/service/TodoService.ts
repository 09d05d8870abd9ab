import {
  cloudRequestApprovePermission,
  compareTodoItems,
  getStepDefinition,
  isOnboardingStepId,
  isStepOverdue,
  OnboardingStepId,
  stepsWithRunningClock,
  type TodoItem,
  type TodoList,
  type TodoRole,
} from '@amue/plugin-cloud-common';
import type {
  BackstageCredentials,
  DatabaseService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { Knex } from 'knex';
import type { TenantQueryCondition } from '../database/TenantStore';
import {
  permittedTenants,
  UNSETTLED_STEP_STATUSES,
} from '../database/conditions';
import type { DefaultTenantService } from './DefaultTenantService';

const TENANTS = 'cloud_tenants';
const STEPS = 'cloud_onboarding_steps';

/** Default and largest number of lines of a to-do list. */
export const TODO_DEFAULT_LIMIT = 100;
/** @internal */
export const TODO_MAX_LIMIT = 500;

type Row = Record<string, any>;

/** An ISO 8601 timestamp of a value read from either database. */
function toIso(value: unknown): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  const text = String(value);
  const millis = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  return Number.isNaN(millis) ? null : new Date(millis).toISOString();
}

/**
 * "À faire": what the signed-in person must do next, per role.
 *
 * - The role comes from the caller's decision for `cloud.request.approve`:
 *   allowed unconditionally, an administrator; allowed on conditions (the
 *   applications they own), a product owner; refused, an establishment
 *   member.
 * - Only the tenants the caller may read are considered (the read
 *   condition of the tenant service, in SQL), decommissioned ones left out.
 * - An establishment member gets the establishment-side steps whose clock
 *   runs (`stepsWithRunningClock` of cloud-common); a product owner the
 *   requests waiting for their qualification (`request` lines, done in
 *   Demandes) and the other Amue-side steps whose clock runs; an
 *   administrator every blocked or overdue step.
 * - Overdue lines first, then by due date, then the oldest first
 *   (`compareTodoItems`).
 *
 * A read-only reader of the tenant store's tables, as the reports.
 *
 * @internal
 */
export class TodoService {
  static async create(options: {
    database: DatabaseService;
    tenants: DefaultTenantService;
    clock?: () => Date;
  }): Promise<TodoService> {
    return new TodoService(await options.database.getClient(), options);
  }

  private readonly clock: () => Date;

  constructor(
    private readonly db: Knex,
    private readonly options: {
      tenants: DefaultTenantService;
      clock?: () => Date;
    },
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** The role of the caller, from their decision to approve requests. */
  async role(credentials: BackstageCredentials): Promise<TodoRole> {
    const access = await this.options.tenants.access(
      cloudRequestApprovePermission,
      credentials,
    );
    if (access.kind === 'all') {
      return 'administrator';
    }
    return access.kind === 'some' ? 'product-owner' : 'establishment';
  }

  async list(
    credentials: BackstageCredentials,
    options: { limit?: number } = {},
  ): Promise<TodoList> {
    const limit = options.limit ?? TODO_DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > TODO_MAX_LIMIT) {
      throw new InputError(
        `limit must be a whole number from 1 to ${TODO_MAX_LIMIT}`,
      );
    }
    const [role, condition] = await Promise.all([
      this.role(credentials),
      this.options.tenants.readCondition(credentials),
    ]);
    if (condition === 'none') {
      return { role, items: [], total: 0 };
    }
    const now = this.clock();
    if (role === 'administrator') {
      return this.troubles(condition, now, limit);
    }
    const rows = await this.steps(condition);

    const byTenant = new Map<string, Row[]>();
    for (const row of rows) {
      if (!isOnboardingStepId(row.step)) {
        continue;
      }
      const steps = byTenant.get(row.tenant) ?? [];
      steps.push(row);
      byTenant.set(row.tenant, steps);
    }

    const items: TodoItem[] = [];
    for (const steps of byTenant.values()) {
      const running = new Set<OnboardingStepId>(
        stepsWithRunningClock(
          steps.map(s => ({ id: s.step, status: s.status })),
        ),
      );
      for (const row of steps) {
        const step: OnboardingStepId = row.step;
        const side = getStepDefinition(step).side;
        const dueDate = toIso(row.due_date);
        const overdue = isStepOverdue({ status: row.status, dueDate }, now);
        let kind: TodoItem['kind'] | undefined;
        if (!running.has(step)) {
          kind = undefined;
        } else if (role === 'product-owner') {
          if (step === 'qualification' && row.tenant_status === 'requested') {
            kind = 'request';
          } else if (side === 'amue') {
            kind = 'step';
          }
        } else if (side === 'establishment') {
          kind = 'step';
        }
        if (!kind) {
          continue;
        }
        items.push({
          kind,
          tenant: row.tenant,
          application: row.application,
          establishment: row.establishment,
          environment: row.environment,
          step,
          side,
          status: row.status,
          reason: row.reason ?? null,
          dueDate,
          overdue,
          since:
            toIso(kind === 'request' ? row.created_at : row.updated_at) ??
            now.toISOString(),
        });
      }
    }
    items.sort(compareTodoItems);
    return { role, items: items.slice(0, limit), total: items.length };
  }

  /** Every step of the permitted tenants under way. */
  private async steps(condition?: TenantQueryCondition): Promise<Row[]> {
    return this.db(`${STEPS} as s`)
      .join(`${TENANTS} as t`, 't.id', 's.tenant_id')
      .modify(permittedTenants(this.db, 's.tenant_id', condition))
      .whereNot('t.status', 'decommissioned')
      .select(
        't.name as tenant',
        't.application as application',
        't.establishment as establishment',
        't.environment as environment',
        't.status as tenant_status',
        't.created_at as created_at',
        's.step_id as step',
        's.status as status',
        's.reason as reason',
        's.due_date as due_date',
        's.updated_at as updated_at',
      );
  }

  /**
   * An administrator's list: every blocked or overdue step of the permitted
   * tenants under way. Selected, ordered and cut at `limit` in SQL (at
   * 100,000 tenants there are tens of thousands of them; reading them all
   * took seconds and a gigabyte for a home page), in the order of
   * `compareTodoItems`: overdue first, then by due date (none last), then
   * the oldest change first, then by tenant and step (SQL's order of the
   * names; the lines returned are sorted again with `compareTodoItems`).
   */
  private async troubles(
    condition: TenantQueryCondition | undefined,
    now: Date,
    limit: number,
  ): Promise<TodoList> {
    const overdueSql = `(s.status in (${UNSETTLED_STEP_STATUSES.map(
      () => '?',
    ).join(', ')}) and s.due_date is not null and s.due_date < ?)`;
    const overdueBindings = [...UNSETTLED_STEP_STATUSES, now];
    const troubled = () =>
      this.db(`${STEPS} as s`)
        .join(`${TENANTS} as t`, 't.id', 's.tenant_id')
        .modify(permittedTenants(this.db, 's.tenant_id', condition))
        .whereNot('t.status', 'decommissioned')
        .where(builder =>
          builder
            .where('s.status', 'blocked')
            .orWhereRaw(overdueSql, overdueBindings),
        );
    const [rows, totals]: [Row[], Row | undefined] = await Promise.all([
      troubled()
        .select(
          't.name as tenant',
          't.application as application',
          't.establishment as establishment',
          't.environment as environment',
          's.step_id as step',
          's.status as status',
          's.reason as reason',
          's.due_date as due_date',
          's.updated_at as updated_at',
        )
        .orderByRaw(
          `case when ${overdueSql} then 0 else 1 end, case when s.due_date is null then 1 else 0 end, s.due_date, s.updated_at, t.name, s.step_id`,
          overdueBindings,
        )
        .limit(limit),
      troubled().count({ count: '*' }).first(),
    ]);
    const items: TodoItem[] = rows
      .filter(row => isOnboardingStepId(row.step))
      .map(row => {
        const step: OnboardingStepId = row.step;
        const dueDate = toIso(row.due_date);
        return {
          kind: 'step',
          tenant: row.tenant,
          application: row.application,
          establishment: row.establishment,
          environment: row.environment,
          step,
          side: getStepDefinition(step).side,
          status: row.status,
          reason: row.reason ?? null,
          dueDate,
          overdue: isStepOverdue({ status: row.status, dueDate }, now),
          since: toIso(row.updated_at) ?? now.toISOString(),
        };
      });
    items.sort(compareTodoItems);
    return {
      role: 'administrator',
      items,
      total: Number(totals?.count ?? 0),
    };
  }
}
