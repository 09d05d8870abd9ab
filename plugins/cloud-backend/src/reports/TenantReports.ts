/**
 * The reports of the onboarding programme, read from the plugin's tables.
 *
 * Every report takes a `condition`: the permission filter of the caller,
 * a {@link TenantQueryCondition} written for an unqualified query on
 * `cloud_tenants`. It is applied only inside a subquery
 * `select id from cloud_tenants where <condition>`, and every report
 * restricts its rows to the tenant ids of that subquery, so a report never
 * counts a tenant the caller may not read and the condition's column names
 * never clash with the joined tables.
 *
 * Definitions of the figures:
 *
 * Adoption ({@link TenantReports.adoption}):
 * - the rows are the member establishments and the columns the applications
 *   given by the caller (from the catalog); tenants of other establishments
 *   or applications are not shown;
 * - the state of an establishment for an application is that of its most
 *   advanced tenant of the application, any environment, decommissioned
 *   tenants (closed instances, rejected requests) ignored: `live` when one
 *   of them is live, `in_progress` when one is requested, provisioning,
 *   onboarding or suspended, `not_started` otherwise;
 * - per application, `live`, `inProgress` and `notStarted` count
 *   establishments (each once), and `total` is the number of
 *   establishments;
 * - `funding` and `training` are the sums over every permitted tenant,
 *   decommissioned ones included (money granted or paid and staff trained
 *   remain facts of the programme);
 * - `overdue` counts the steps overdue now (`isStepOverdue` of cloud-common:
 *   neither done nor skipped, due date passed, blocked ones included) of the
 *   permitted tenants that are not decommissioned, per step and per
 *   application (the applications given; `tenants` counts the tenants with
 *   at least one step overdue);
 * - `envelope` sets the programme's incentive envelope (configured, or
 *   null) against the `funding` sums, and gives those sums per
 *   establishment and per application (those with funding recorded, the
 *   largest grant first). `remainingEur` (envelope minus granted) is given
 *   only when the figures cover the whole programme (`programme`: the caller
 *   reads every tenant); `consumedShare` is granted over envelope, rounded
 *   to four decimals.
 *
 * Funnel ({@link TenantReports.funnel}), over the permitted tenants that are
 * not decommissioned (closed instances and rejected requests are left out):
 * - `done`, `skipped`, `inProgress`, `blocked`: tenants whose step has that
 *   status; `todo`: the others (a step missing counts as `todo`);
 * - `current`: tenants whose current step (the first step neither done nor
 *   skipped) is this step;
 * - `reached`: tenants whose onboarding got to this step, i.e. whose current
 *   step is this step or a later one, or who have no current step left
 *   (every step done or skipped). It never grows from one step to the next.
 *
 * Durations ({@link TenantReports.durations}), over the permitted tenants,
 * decommissioned ones included (their history stays true), for the steps
 * whose status is `done` now:
 * - a step starts the first time it left `todo` to be worked on: its first
 *   `step.started`, `step.blocked`, `step.unblocked` or `step.reopened`
 *   event. `request` starts when the tenant was created. `qualification`
 *   approved directly from `todo` (no such event before its first
 *   completion) starts when the request was created;
 * - a step ends at its last completion: the last `step.completed` event, or
 *   for `qualification` also `request.approved`; `request` ends at its last
 *   completion, or at its creation when it was never reopened;
 * - `medianDays` and `p90Days` are the 50th and 90th percentiles of these
 *   durations in days, by linear interpolation between the closest ranks
 *   (the method of Excel's PERCENTILE.INC, NumPy's and R's default), rounded
 *   to two decimals; null when `count` is 0.
 * - the first start and the first and last completion of each step, and
 *   the duration that follows from them, are kept on the step's row as its
 *   events are appended (stepTimes.ts), so the report reads the steps done
 *   through an index by duration, without joining the event log or the
 *   tenants.
 *
 * Blocked ({@link TenantReports.blocked}), over the permitted tenants that
 * are not decommissioned (a rejected request keeps its `qualification`
 * blocked with the rejection reason, and is left out):
 * - every blocked step, the oldest first; `since` is the last change of the
 *   step (when it was blocked), `ageDays` the days since then, rounded to
 *   two decimals; `total` counts them all while `items` stops at `limit`.
 */

import {
  AdoptionReport,
  AdoptionState,
  ApplicationAdoption,
  ApplicationFunding,
  EstablishmentFunding,
  FundingEnvelope,
  OverdueReport,
  BlockedReport,
  DurationsReport,
  EstablishmentAdoption,
  FunnelReport,
  GeoPoint,
  getStepDefinition,
  ONBOARDING_STEPS,
  OnboardingStepId,
  refName,
} from '@amue/plugin-cloud-common';
import { InputError } from '@backstage/errors';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import type { TenantQueryCondition } from '../database/TenantStore';
import {
  permittedTenantRows,
  permittedTenants,
  UNSETTLED_STEP_STATUSES,
} from '../database/conditions';
import { STEP_COUNTS } from '../database/reportCounts';
import { isPostgres } from '../database/rows';

const TENANTS = 'cloud_tenants';
const STEPS = 'cloud_onboarding_steps';
const FUNDING = 'cloud_funding';
const TRAINING = 'cloud_training';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Statuses of a tenant whose onboarding is under way. */
const IN_PROGRESS_STATUSES = [
  'requested',
  'provisioning',
  'onboarding',
  'suspended',
] as const;

/** Default and maximum number of items of the blocked report. */
export const BLOCKED_REPORT_DEFAULT_LIMIT = 500;
/** @internal */
export const BLOCKED_REPORT_MAX_LIMIT = 5000;

/**
 * Options common to every report.
 *
 * @internal
 */
export interface ReportOptions {
  /** The permission filter: only the tenants it lets through are counted. */
  condition?: TenantQueryCondition;
  /**
   * Set when `condition` lets through exactly the tenants of these
   * applications (lowercase names), whatever their establishment: the
   * reports may then read the counts kept per application
   * (database/reportCounts.ts) instead of the rows. Without a condition
   * every tenant counts and the counts are read too.
   */
  exactApplications?: readonly string[];
}

/**
 * A member establishment, as the catalog describes it.
 *
 * @internal
 */
export interface ReportEstablishment {
  /** Name of the establishment Group (`etab-<uai>`) or its entity ref. */
  name: string;
  title: string;
  uai: string;
  region?: string | null;
  type?: string | null;
  /** Where it is (the catalog's location annotation), if known. */
  location?: GeoPoint | null;
}

/**
 * An application, as the catalog describes it.
 *
 * @internal
 */
export interface ReportApplication {
  /** Name of the Application entity or its entity ref. */
  name: string;
  title: string;
}

type Row = Record<string, any>;

/** Milliseconds since the epoch of a timestamp read from either database. */
function toMillis(value: unknown): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (value instanceof Date) {
    return value.getTime();
  }
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'bigint') {
    return Number(value);
  }
  const text = String(value);
  return /^\d+$/.test(text) ? Number(text) : Date.parse(text);
}

function toCount(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The p-th percentile (0 to 1) of sorted values, by linear interpolation
 * between the closest ranks (R type 7, Excel PERCENTILE.INC).
 *
 * @internal
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    throw new RangeError('percentile of no values');
  }
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
}

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/**
 * The reports of the onboarding programme: adoption, funnel, durations and
 * blocked steps, aggregated in SQL (SQLite and PostgreSQL). See the
 * definitions at the top of this file. A read-only store of its own: it
 * reads the tables of the tenant store (which owns them and runs their
 * migrations) through its own client of the database service, and writes
 * nothing.
 *
 * @internal
 */
export class TenantReports {
  /** The reports on the plugin's database (migrated by the tenant store). */
  static async create(options: {
    database: DatabaseService;
    clock?: () => Date;
  }): Promise<TenantReports> {
    return new TenantReports(await options.database.getClient(), {
      clock: options.clock,
    });
  }

  private readonly clock: () => Date;

  constructor(
    private readonly db: Knex,
    options: {
      /** Source of the current time, for the age of blocked steps. */
      clock?: () => Date;
    } = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** True on PostgreSQL, false on SQLite. */
  private get postgres(): boolean {
    return isPostgres(this.db);
  }

  /**
   * The adoption matrix: per establishment and application the state of
   * the establishment, and per application the counts of establishments in
   * each state.
   */
  private async matrix(
    options: ReportOptions & {
      establishments: readonly ReportEstablishment[];
      applications: readonly ReportApplication[];
    },
  ): Promise<{
    rows: EstablishmentAdoption[];
    summary: ApplicationAdoption[];
  }> {
    const { condition } = options;
    const applications = options.applications.map(a => ({
      name: refName(a.name).toLocaleLowerCase('en-US'),
      title: a.title,
    }));
    const establishments = options.establishments.map(e => ({
      name: refName(e.name).toLocaleLowerCase('en-US'),
      title: e.title,
      uai: e.uai,
      region: e.region ?? null,
      type: e.type ?? null,
      location: e.location ?? null,
    }));

    // The best level of each (application, establishment): 2 live, 1 under
    // way. At most one row per pair, so this stays small.
    const levels: Row[] =
      applications.length === 0
        ? []
        : await this.db(TENANTS)
            .select(
              'application',
              'establishment',
              this.db.raw(
                `max(case when status = ? then 2 when status in (${placeholders(
                  IN_PROGRESS_STATUSES,
                )}) then 1 else 0 end) as level`,
                ['live', ...IN_PROGRESS_STATUSES],
              ),
            )
            .modify(permittedTenants(this.db, 'id', condition))
            .whereIn(
              'application',
              applications.map(a => a.name),
            )
            .whereNot('status', 'decommissioned')
            .groupBy('application', 'establishment');

    // The states of each establishment, by application; a pair with no
    // tenant is not started. One map per establishment (no key built per
    // cell: 45,000 cells at 3,500 establishments).
    const statesOf = new Map<string, Map<string, AdoptionState>>();
    for (const row of levels) {
      const level = toCount(row.level);
      if (level === 0) {
        continue;
      }
      let states = statesOf.get(row.establishment);
      if (!states) {
        states = new Map();
        statesOf.set(row.establishment, states);
      }
      states.set(row.application, level >= 2 ? 'live' : 'in_progress');
    }

    const counts = applications.map(() => ({
      live: 0,
      in_progress: 0,
      not_started: 0,
    }));
    const rows: EstablishmentAdoption[] = establishments.map(e => {
      const states = statesOf.get(e.name);
      const cells: Record<string, AdoptionState> = {};
      applications.forEach((a, index) => {
        const state = states?.get(a.name) ?? 'not_started';
        cells[a.name] = state;
        counts[index][state] += 1;
      });
      return {
        establishment: e.name,
        title: e.title,
        uai: e.uai,
        region: e.region,
        type: e.type,
        location: e.location,
        cells,
      };
    });

    const summary: ApplicationAdoption[] = applications.map((a, index) => ({
      application: a.name,
      title: a.title,
      live: counts[index].live,
      inProgress: counts[index].in_progress,
      notStarted: counts[index].not_started,
      total: rows.length,
    }));

    return { rows, summary };
  }

  /** Per application, the establishments live, under way and not started. */
  async adoptionSummary(
    options: ReportOptions & {
      establishments: readonly ReportEstablishment[];
      applications: readonly ReportApplication[];
    },
  ): Promise<ApplicationAdoption[]> {
    return (await this.matrix(options)).summary;
  }

  async adoption(
    options: ReportOptions & {
      establishments: readonly ReportEstablishment[];
      applications: readonly ReportApplication[];
      /** The programme's incentive envelope in euros, if configured. */
      envelopeEur?: number | null;
      /** True when `condition` lets every tenant through. */
      programme?: boolean;
    },
  ): Promise<AdoptionReport> {
    const { condition } = options;
    // The names as the tables hold them, for the funding and overdue figures.
    const applications = options.applications.map(a => ({
      name: refName(a.name).toLocaleLowerCase('en-US'),
      title: a.title,
    }));
    const establishments = options.establishments.map(e => ({
      ...e,
      name: refName(e.name).toLocaleLowerCase('en-US'),
    }));
    const [matrix, funding, training, overdue, groups] = await Promise.all([
      this.matrix(options),
      this.db(FUNDING)
        .modify(permittedTenants(this.db, 'tenant_id', condition))
        .sum({ granted: 'granted_eur', paid: 'paid_eur' })
        .first(),
      this.db(TRAINING)
        .modify(permittedTenants(this.db, 'tenant_id', condition))
        .sum({ sessions: 'sessions_held', staff: 'staff_trained' })
        .first(),
      this.overdue(condition, applications),
      this.fundingGroups(condition),
    ]);
    const fundingSums = {
      grantedEur: toCount(funding?.granted),
      paidEur: toCount(funding?.paid),
    };
    const envelope = this.envelope({
      groups,
      applications,
      establishments,
      sums: fundingSums,
      envelopeEur: options.envelopeEur ?? null,
      programme: options.programme ?? condition === undefined,
    });

    return {
      applications: matrix.summary,
      establishments: matrix.rows,
      funding: fundingSums,
      training: {
        sessionsHeld: toCount(training?.sessions),
        staffTrained: toCount(training?.staff),
      },
      overdue,
      envelope,
    };
  }

  /** The overdue steps, per step and per application. */
  private async overdue(
    condition: TenantQueryCondition | undefined,
    applications: readonly ReportApplication[],
  ): Promise<OverdueReport> {
    // Overdue as cloud-common's `isStepOverdue` has it: neither done nor
    // skipped, a due date, and that date passed (blocked steps included).
    // Counted in SQL: at 100,000 tenants there are as many steps with a
    // due date as tenants under way.
    // One scan of the overdue steps (a common table expression), counted
    // per application and step, and in tenants per application.
    const overdue = this.db(`${STEPS} as s`)
      .join(
        permittedTenantRows(this.db, ['id', 'application'], condition)
          .whereNot('status', 'decommissioned')
          .as('t'),
        't.id',
        's.tenant_id',
      )
      .whereIn('s.status', UNSETTLED_STEP_STATUSES)
      .where('s.due_date', '<', this.clock())
      .select(
        't.application as application',
        's.step_id as step',
        's.tenant_id as tenant',
      );
    // (each arm of the union grouped apart: SQLite accepts no parentheses
    // around them, and knex puts a builder's group by after its union)
    const { sql, bindings } = overdue.toSQL();
    const result = await this.db.raw(
      `with overdue as (${sql})
       select application, step, count(*) as count, null as tenants
         from overdue group by application, step
       union all
       select application, null as step, null as count,
              count(distinct tenant) as tenants
         from overdue group by application`,
      bindings,
    );
    const counted: Row[] = Array.isArray(result) ? result : result.rows;
    const byStep = counted.filter(row => row.step !== null);
    const byApplication = counted.filter(row => row.step === null);
    const perStep = new Map<string, number>();
    const perApplication = new Map<string, number>();
    let total = 0;
    for (const row of byStep) {
      const count = toCount(row.count);
      total += count;
      perStep.set(row.step, (perStep.get(row.step) ?? 0) + count);
      perApplication.set(
        row.application,
        (perApplication.get(row.application) ?? 0) + count,
      );
    }
    const tenantsOf = new Map<string, number>(
      byApplication.map(row => [row.application, toCount(row.tenants)]),
    );
    return {
      total,
      steps: ONBOARDING_STEPS.map(definition => ({
        step: definition.id,
        side: definition.side,
        overdue: perStep.get(definition.id) ?? 0,
      })),
      applications: applications.map(a => ({
        application: a.name,
        title: a.title,
        overdue: perApplication.get(a.name) ?? 0,
        tenants: tenantsOf.get(a.name) ?? 0,
      })),
    };
  }

  /** The funding sums per establishment and per application. */
  private async fundingGroups(
    condition: TenantQueryCondition | undefined,
  ): Promise<{ byEstablishment: Row[]; byApplication: Row[] }> {
    const grouped = (column: 'application' | 'establishment') =>
      this.db(`${FUNDING} as f`)
        .join(`${TENANTS} as t`, 't.id', 'f.tenant_id')
        .modify(permittedTenants(this.db, 'f.tenant_id', condition))
        // every tenant has a funding row, most of them zero: those change
        // no sum and are not listed
        .where(zero =>
          zero.whereNot('f.granted_eur', 0).orWhereNot('f.paid_eur', 0),
        )
        .groupBy(`t.${column}`)
        .select(`t.${column} as name`)
        .sum({ granted: 'f.granted_eur', paid: 'f.paid_eur' });
    const [byEstablishment, byApplication] = await Promise.all([
      grouped('establishment'),
      grouped('application'),
    ]);
    return { byEstablishment, byApplication };
  }

  /** The funding against the envelope, per establishment and application. */
  private envelope(options: {
    groups: { byEstablishment: Row[]; byApplication: Row[] };
    applications: readonly ReportApplication[];
    establishments: readonly ReportEstablishment[];
    sums: { grantedEur: number; paidEur: number };
    envelopeEur: number | null;
    programme: boolean;
  }): FundingEnvelope {
    const { sums, envelopeEur, programme } = options;
    const { byEstablishment, byApplication } = options.groups;
    const byGrant = <T extends { grantedEur: number; paidEur: number }>(
      items: T[],
      name: (item: T) => string,
    ) =>
      items
        .filter(item => item.grantedEur > 0 || item.paidEur > 0)
        .sort(
          (a, b) =>
            b.grantedEur - a.grantedEur ||
            b.paidEur - a.paidEur ||
            name(a).localeCompare(name(b)),
        );
    const establishmentOf = new Map(
      options.establishments.map(e => [e.name, e]),
    );
    const applicationOf = new Map(options.applications.map(a => [a.name, a]));
    const establishments: EstablishmentFunding[] = byGrant(
      byEstablishment.map(row => ({
        establishment: row.name,
        title: establishmentOf.get(row.name)?.title ?? row.name,
        uai: establishmentOf.get(row.name)?.uai ?? '',
        grantedEur: toCount(row.granted),
        paidEur: toCount(row.paid),
      })),
      item => item.establishment,
    );
    const applications: ApplicationFunding[] = byGrant(
      byApplication.map(row => ({
        application: row.name,
        title: applicationOf.get(row.name)?.title ?? row.name,
        grantedEur: toCount(row.granted),
        paidEur: toCount(row.paid),
      })),
      item => item.application,
    );
    const hasEnvelope = envelopeEur !== null && envelopeEur > 0;
    return {
      envelopeEur,
      programme,
      grantedEur: sums.grantedEur,
      paidEur: sums.paidEur,
      remainingEur:
        envelopeEur !== null && programme
          ? envelopeEur - sums.grantedEur
          : null,
      consumedShare: hasEnvelope
        ? Math.round((sums.grantedEur / envelopeEur) * 10000) / 10000
        : null,
      establishments,
      applications,
    };
  }

  /**
   * The onboarding funnel: per step, in order, the tenants that reached it
   * and the statuses of the step. Decommissioned tenants (closed instances,
   * rejected requests) are not counted.
   */
  async funnel(options: ReportOptions = {}): Promise<FunnelReport> {
    const { condition, exactApplications } = options;
    const counted = condition === undefined || exactApplications !== undefined;
    const [byStatus, byCurrent]: [Row[], Row[]] = await Promise.all([
      counted
        ? // the counts kept per application (reportCounts.ts)
          this.db(STEP_COUNTS)
            .modify(query => {
              if (condition !== undefined) {
                query.whereIn('application', exactApplications!);
              }
            })
            .groupBy('step_id', 'status')
            .select('step_id as step', 'status')
            .sum({ count: 'tenants' })
        : // Decommissioned tenants are few: leaving their ids out costs
          // less than joining every step with its tenant.
          this.db(`${STEPS} as s`)
            .modify(permittedTenants(this.db, 's.tenant_id', condition))
            .whereNotIn(
              's.tenant_id',
              this.db(TENANTS).select('id').where('status', 'decommissioned'),
            )
            .groupBy('s.step_id', 's.status')
            .select('s.step_id as step', 's.status as status')
            .count({ count: '*' }),
      this.db(TENANTS)
        .modify(permittedTenants(this.db, 'id', condition))
        .whereNot('status', 'decommissioned')
        .groupBy('current_step')
        .select('current_step as step')
        .count({ count: '*' }),
    ]);

    let tenants = 0;
    const current = new Map<string | null, number>();
    for (const row of byCurrent) {
      const count = toCount(row.count);
      tenants += count;
      current.set(row.step ?? null, count);
    }
    const statuses = new Map<string, number>();
    for (const row of byStatus) {
      statuses.set(`${row.step}\u0000${row.status}`, toCount(row.count));
    }

    // Tenants whose current step is at or after each step, or none left.
    let reached = current.get(null) ?? 0;
    const reachedOf = new Map<OnboardingStepId, number>();
    for (const definition of [...ONBOARDING_STEPS].reverse()) {
      reached += current.get(definition.id) ?? 0;
      reachedOf.set(definition.id, reached);
    }

    return {
      tenants,
      steps: ONBOARDING_STEPS.map(definition => {
        const count = (status: string) =>
          statuses.get(`${definition.id}\u0000${status}`) ?? 0;
        const done = count('done');
        const skipped = count('skipped');
        const inProgress = count('in_progress');
        const blocked = count('blocked');
        return {
          step: definition.id,
          side: definition.side,
          reached: reachedOf.get(definition.id) ?? 0,
          done,
          skipped,
          inProgress,
          blocked,
          todo: tenants - done - skipped - inProgress - blocked,
          current: current.get(definition.id) ?? 0,
        };
      }),
    };
  }

  /**
   * How long the steps take: per step, the median and 90th percentile of
   * the days from its first start to its last completion, over the steps
   * done.
   */
  async durations(options: ReportOptions = {}): Promise<DurationsReport> {
    const { condition } = options;
    // The duration of each step done, kept on the step (stepTimes.ts; see
    // the definitions at the top of this file) and read through the index
    // of the steps done by step and duration. A step done without the
    // times that tell when (no such event recorded) or ending before it
    // started has no duration to measure.
    const measured = () =>
      this.db(STEPS)
        .modify(permittedTenants(this.db, 'tenant_id', condition))
        .where('status', 'done')
        .where('duration_days', '>=', 0);

    const figures = new Map<
      string,
      { count: number; median: number; p90: number }
    >();
    if (this.postgres) {
      // PostgreSQL's percentile_cont interpolates between the closest
      // ranks, as `percentile` does.
      const rows: Row[] = await measured()
        .groupBy('step_id')
        .select(
          'step_id as step',
          this.db.raw('count(*) as count'),
          this.db.raw(
            'percentile_cont(0.5) within group (order by duration_days) as median',
          ),
          this.db.raw(
            'percentile_cont(0.9) within group (order by duration_days) as p90',
          ),
        );
      for (const row of rows) {
        figures.set(row.step, {
          count: toCount(row.count),
          median: Number(row.median),
          p90: Number(row.p90),
        });
      }
    } else {
      const rows: Row[] = await measured()
        .select('step_id as step', 'duration_days as days')
        .orderBy([{ column: 'step_id' }, { column: 'duration_days' }]);
      const days = new Map<string, number[]>();
      for (const row of rows) {
        if (!days.has(row.step)) {
          days.set(row.step, []);
        }
        days.get(row.step)!.push(Number(row.days));
      }
      for (const [step, values] of days) {
        figures.set(step, {
          count: values.length,
          median: percentile(values, 0.5),
          p90: percentile(values, 0.9),
        });
      }
    }

    return {
      steps: ONBOARDING_STEPS.map(definition => {
        const figure = figures.get(definition.id);
        return {
          step: definition.id,
          side: definition.side,
          count: figure?.count ?? 0,
          medianDays: figure ? round2(figure.median) : null,
          p90Days: figure ? round2(figure.p90) : null,
        };
      }),
    };
  }

  /** The blocked steps, the oldest first. */
  async blocked(
    options: ReportOptions & { limit?: number } = {},
  ): Promise<BlockedReport> {
    const { condition } = options;
    const limit = options.limit ?? BLOCKED_REPORT_DEFAULT_LIMIT;
    if (
      !Number.isInteger(limit) ||
      limit < 1 ||
      limit > BLOCKED_REPORT_MAX_LIMIT
    ) {
      throw new InputError(
        `limit must be a whole number from 1 to ${BLOCKED_REPORT_MAX_LIMIT}`,
      );
    }
    const base = () =>
      this.db(`${STEPS} as s`)
        .join(`${TENANTS} as t`, 't.id', 's.tenant_id')
        .modify(permittedTenants(this.db, 's.tenant_id', condition))
        .where('s.status', 'blocked')
        .whereNot('t.status', 'decommissioned');
    const [rows, totals]: [Row[], Row | undefined] = await Promise.all([
      base()
        .select(
          't.name as tenant',
          't.application as application',
          't.establishment as establishment',
          't.environment as environment',
          's.step_id as step',
          's.reason as reason',
          's.updated_at as since',
        )
        .orderBy([
          { column: 's.updated_at', order: 'asc' },
          { column: 't.name', order: 'asc' },
          { column: 's.step_id', order: 'asc' },
        ])
        .limit(limit),
      base().count({ count: '*' }).first(),
    ]);
    const now = this.clock().getTime();
    return {
      items: rows.map(row => {
        const since = toMillis(row.since)!;
        return {
          tenant: row.tenant,
          application: row.application,
          establishment: row.establishment,
          environment: row.environment,
          step: row.step,
          side: getStepDefinition(row.step).side,
          reason: row.reason ?? null,
          since: new Date(since).toISOString(),
          ageDays: round2((now - since) / DAY_MS),
        };
      }),
      total: toCount(totals?.count),
    };
  }
}
