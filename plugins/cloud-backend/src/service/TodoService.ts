import {
  cloudRequestApprovePermission,
  compareTodoItems,
  getStepDefinition,
  isOnboardingStepId,
  isStepOverdue,
  ONBOARDING_STEPS,
  OnboardingStepId,
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
  permittedTenantRows,
  UNSETTLED_STEP_STATUSES,
} from '../database/conditions';
import { toIsoOrNull } from '../database/rows';
import type { DefaultTenantService } from './DefaultTenantService';

const STEPS = 'cloud_onboarding_steps';

/** Default and largest number of lines of a to-do list. */
export const TODO_DEFAULT_LIMIT = 100;
/** @internal */
export const TODO_MAX_LIMIT = 500;

type Row = Record<string, any>;

/**
 * `isStepOverdue` of cloud-common in SQL on the steps `s`: neither done
 * nor skipped, a due date, and that date passed at `now`.
 */
function overdueCondition(now: Date): [string, Knex.RawBinding[]] {
  return [
    `(s.status in (${UNSETTLED_STEP_STATUSES.map(() => '?').join(
      ', ',
    )}) and s.due_date is not null and s.due_date < ?)`,
    [...UNSETTLED_STEP_STATUSES, now],
  ];
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
    return this.running(role, condition, now, limit);
  }

  /**
   * A product owner's or an establishment member's list: the steps of
   * their side whose clock runs (`stepsWithRunningClock` of cloud-common:
   * every step in progress, and the tenant's current step, the first
   * non-optional step neither done nor skipped, while it waits). The
   * current step is the tenant's `current_step` (kept by the store with the
   * steps: the first step neither done nor skipped, any step), unless it is
   * an optional step, which only the last one is. A product owner's
   * qualification waiting on a request is a `request` line.
   */
  private running(
    role: 'product-owner' | 'establishment',
    condition: TenantQueryCondition | undefined,
    now: Date,
    limit: number,
  ): Promise<TodoList> {
    const side = role === 'product-owner' ? 'amue' : 'establishment';
    const stepIds = ONBOARDING_STEPS.filter(d => d.side === side).map(
      d => d.id,
    );
    const mandatoryIds = ONBOARDING_STEPS.filter(d => !d.optional).map(
      d => d.id,
    );
    return this.ordered(role, condition, now, limit, steps =>
      steps
        .whereIn('s.step_id', stepIds)
        .where(builder =>
          builder
            .where('s.status', 'in_progress')
            .orWhere(current =>
              current
                .whereRaw('s.step_id = t.current_step')
                .whereIn('s.step_id', mandatoryIds)
                .whereIn('s.status', UNSETTLED_STEP_STATUSES),
            ),
        ),
    );
  }

  /**
   * An administrator's list: every blocked or overdue step of the permitted
   * tenants under way.
   */
  private troubles(
    condition: TenantQueryCondition | undefined,
    now: Date,
    limit: number,
  ): Promise<TodoList> {
    const [overdueSql, overdueBindings] = overdueCondition(now);
    return this.ordered('administrator', condition, now, limit, steps =>
      steps.where(builder =>
        builder
          .where('s.status', 'blocked')
          .orWhereRaw(overdueSql, overdueBindings),
      ),
    );
  }

  /**
   * The lines of a list: the steps (`s`) of the permitted tenants under way
   * (`t`, joined as one table) that `select` keeps, selected, ordered and
   * cut at `limit` in SQL with their count (at 100,000 tenants there are
   * tens of thousands of them: reading them all took seconds and up to a
   * gigabyte for a home page), in the order of `compareTodoItems`: overdue
   * first, then by due date (none last), then the oldest first (a request
   * line from the request, a step from its last change), then by tenant and
   * step (SQL's order of the names; the lines returned are sorted again
   * with `compareTodoItems`).
   */
  private async ordered(
    role: TodoRole,
    condition: TenantQueryCondition | undefined,
    now: Date,
    limit: number,
    select: (steps: Knex.QueryBuilder) => Knex.QueryBuilder,
  ): Promise<TodoList> {
    const [overdueSql, overdueBindings] = overdueCondition(now);
    const requestSql =
      role === 'product-owner'
        ? `(s.step_id = 'qualification' and t.status = 'requested')`
        : '(1 = 0)';
    const lines = () =>
      select(
        this.db(`${STEPS} as s`).join(
          permittedTenantRows(
            this.db,
            [
              'id',
              'name',
              'application',
              'establishment',
              'environment',
              'status',
              'created_at',
              'current_step',
            ],
            condition,
          )
            .whereNot('status', 'decommissioned')
            .as('t'),
          't.id',
          's.tenant_id',
        ),
      );
    const [rows, totals]: [Row[], Row | undefined] = await Promise.all([
      lines()
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
        )
        .orderByRaw(
          `case when ${overdueSql} then 0 else 1 end, case when s.due_date is null then 1 else 0 end, s.due_date, case when ${requestSql} then t.created_at else s.updated_at end, t.name, s.step_id`,
          overdueBindings,
        )
        .limit(limit),
      lines().count({ count: '*' }).first(),
    ]);
    const items: TodoItem[] = rows
      .filter(row => isOnboardingStepId(row.step))
      .map(row => {
        const step: OnboardingStepId = row.step;
        const dueDate = toIsoOrNull(row.due_date);
        const kind =
          role === 'product-owner' &&
          step === 'qualification' &&
          row.tenant_status === 'requested'
            ? 'request'
            : 'step';
        return {
          kind,
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
          since:
            toIsoOrNull(kind === 'request' ? row.created_at : row.updated_at) ??
            now.toISOString(),
        };
      });
    items.sort(compareTodoItems);
    return { role, items, total: Number(totals?.count ?? 0) };
  }
}
