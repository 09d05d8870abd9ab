import {
  isStepOverdue,
  OnboardingAction,
  OnboardingStepId,
} from '@amue/plugin-cloud-common';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import path from 'node:path';
import { DatabaseTenantStore } from '../database/DatabaseTenantStore';
import { TenantWorkflow } from '../service/TenantWorkflow';
import { TenantQueryCondition } from '../database/TenantStore';
import { reconcileStepCounts } from '../database/reportCounts';
import { CreateTenantInput } from '../service/TenantOperations';
import {
  ReportApplication,
  ReportEstablishment,
  TenantReports,
  percentile,
} from './TenantReports';

jest.setTimeout(120_000);

const ACTOR = 'user:default/alice';
const DAY = 24 * 60 * 60 * 1000;
const BASE = Date.parse('2026-01-05T00:00:00.000Z');

/** Bordeaux, Lille, Strasbourg, Bordeaux Montaigne (no tenant). */
const UAI_A = '0333298F';
const UAI_B = '0597239Y';
const UAI_C = '0673021V';

const ESTABLISHMENTS: ReportEstablishment[] = [
  {
    name: 'etab-0333298f',
    title: 'Université de Bordeaux',
    uai: UAI_A,
    region: 'nouvelle-aquitaine',
    type: 'universite',
    location: { latitude: 44.809966, longitude: -0.596578 },
  },
  {
    // an entity ref works as well as a name
    name: 'group:default/etab-0597239y',
    title: 'Université de Lille',
    uai: UAI_B,
    region: 'hauts-de-france',
    type: 'universite',
  },
  {
    name: 'etab-0673021v',
    title: 'Université de Strasbourg',
    uai: UAI_C,
    region: 'grand-est',
    type: 'universite',
  },
  {
    name: 'etab-0331766r',
    title: 'Université Bordeaux Montaigne',
    uai: '0331766R',
  },
];

const APPLICATIONS: ReportApplication[] = [
  { name: 'sifac', title: 'SIFAC' },
  { name: 'application:default/siham', title: 'SIHAM' },
  { name: 'pegase', title: 'PEGASE' },
];

/** A timestamp column as milliseconds (SQLite holds them, PostgreSQL dates). */
function millis(value: unknown): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  return value instanceof Date ? value.getTime() : Number(value);
}

const ONLY_BORDEAUX: TenantQueryCondition = q =>
  q.where('establishment', 'etab-0333298f');

describe('TenantReports', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  /**
   * A believable history, written through the store with a controlled
   * clock (days after 2026-01-05):
   *
   * - T1 sifac Bordeaux production: live at day 30 (qualification 2 -> 5,
   *   provisioning 5 -> 9, identity 9 -> 10, data migration 10 -> 20,
   *   acceptance 20 -> 27, training 27 -> 28, go-live 28 -> 30);
   * - T2 sifac Bordeaux test (new installation): approved from `todo` at
   *   day 4, provisioning started at 4 and blocked at 6;
   * - T3 siham Lille production: qualification 1 -> 3, provisioning
   *   3 -> 11, identity in progress, data migration blocked at 12.5;
   * - T4 pegase Strasbourg production: rejected at day 3 (decommissioned);
   * - T5 sifac Lille preproduction: qualification blocked from `todo` at 5,
   *   unblocked at 7, completed at 8;
   * - T6 siham Bordeaux production: request reopened at 1, completed at 2;
   * - T7 apogee Bordeaux production (not in the reported applications):
   *   requested.
   */
  async function seed(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    let now = new Date(BASE);
    const at = (day: number) => {
      now = new Date(BASE + day * DAY);
    };
    const store = new TenantWorkflow(
      await DatabaseTenantStore.create({
        database: { getClient: async () => knex },
        clock: () => now,
      }),
    );

    const create = async (input: Partial<CreateTenantInput>) =>
      (
        await store.createTenant(
          {
            application: 'sifac',
            uai: UAI_A,
            environment: 'production',
            version: '2026.1',
            request: { migration: true },
            ...input,
          },
          { actor: ACTOR },
        )
      ).tenant.id;
    const versionOf = async (id: string, step: OnboardingStepId) =>
      (await store.getTenant(id))!.steps.find(s => s.id === step)!.rowVersion;
    const act = async (
      id: string,
      step: OnboardingStepId,
      action: OnboardingAction,
      reason?: string,
    ) =>
      store.applyStepAction(id, step, action, {
        actorSide: 'any',
        actor: ACTOR,
        expectedVersion: await versionOf(id, step),
        reason,
      });
    const decide = async (
      id: string,
      decision: 'approve' | 'reject',
      reason?: string,
    ) =>
      store.decideRequest(id, decision, {
        actor: ACTOR,
        expectedVersion: await versionOf(id, 'qualification'),
        reason,
      });
    const run = async (
      id: string,
      step: OnboardingStepId,
      from: number,
      to: number,
    ) => {
      at(from);
      await act(id, step, 'start');
      at(to);
      await act(id, step, 'complete');
    };

    at(0);
    const t1 = await create({});
    at(2);
    await act(t1, 'qualification', 'start');
    at(5);
    await decide(t1, 'approve');
    await run(t1, 'provisioning', 5, 9);
    await run(t1, 'identity', 9, 10);
    await run(t1, 'data-migration', 10, 20);
    await run(t1, 'acceptance', 20, 27);
    await run(t1, 'training', 27, 28);
    await run(t1, 'go-live', 28, 30);
    await store.recordFunding(
      t1,
      { grantedEur: 15000, paidEur: 5000 },
      { actor: ACTOR, expectedVersion: 1 },
    );
    await store.recordTraining(
      t1,
      { sessionsHeld: 3, staffTrained: 42 },
      { actor: ACTOR, expectedVersion: 1 },
    );

    at(0);
    const t2 = await create({
      environment: 'test',
      request: { migration: false },
    });
    at(4);
    await decide(t2, 'approve');
    at(4);
    await act(t2, 'provisioning', 'start');
    at(6);
    await act(t2, 'provisioning', 'block', 'waiting for DNS');

    at(1);
    const t3 = await create({ application: 'siham', uai: UAI_B });
    await run(t3, 'qualification', 1, 3);
    await run(t3, 'provisioning', 3, 11);
    // Data migration is blocked once its turn has come (identity done).
    await run(t3, 'identity', 11, 12);
    at(12.5);
    await act(
      t3,
      'data-migration',
      'block',
      '=extractions manquantes, "SIHAM" 2025',
    );
    await store.recordFunding(
      t3,
      { grantedEur: 8000, paidEur: 8000 },
      { actor: ACTOR, expectedVersion: 1 },
    );

    at(2);
    const t4 = await create({ application: 'pegase', uai: UAI_C });
    await store.recordFunding(
      t4,
      { grantedEur: 1000, paidEur: 0 },
      { actor: ACTOR, expectedVersion: 1 },
    );
    at(3);
    await decide(t4, 'reject', 'hors périmètre');

    at(3);
    const t5 = await create({ uai: UAI_B, environment: 'preproduction' });
    at(5);
    await act(t5, 'qualification', 'block', 'convention non signée');
    at(7);
    await act(t5, 'qualification', 'unblock');
    at(8);
    await act(t5, 'qualification', 'complete');

    at(0);
    const t6 = await create({ application: 'siham' });
    at(1);
    await act(t6, 'request', 'reopen');
    at(2);
    await act(t6, 'request', 'complete');

    at(0);
    await create({ application: 'apogee' });

    const reports = new TenantReports(knex, {
      clock: () => new Date(BASE + 40 * DAY),
    });
    return { knex, store, reports };
  }

  it.each(databases.eachSupportedId())(
    'reports adoption per application and establishment, %p',
    async databaseId => {
      const { knex, reports } = await seed(databaseId);
      const report = await reports.adoption({
        establishments: ESTABLISHMENTS,
        applications: APPLICATIONS,
      });
      expect(report.applications).toEqual([
        {
          application: 'sifac',
          title: 'SIFAC',
          live: 1,
          inProgress: 1,
          notStarted: 2,
          total: 4,
        },
        {
          application: 'siham',
          title: 'SIHAM',
          live: 0,
          inProgress: 2,
          notStarted: 2,
          total: 4,
        },
        {
          // the only pegase tenant was rejected
          application: 'pegase',
          title: 'PEGASE',
          live: 0,
          inProgress: 0,
          notStarted: 4,
          total: 4,
        },
      ]);
      expect(report.establishments).toEqual([
        {
          establishment: 'etab-0333298f',
          title: 'Université de Bordeaux',
          uai: UAI_A,
          region: 'nouvelle-aquitaine',
          type: 'universite',
          // carried from the catalog, for the map
          location: { latitude: 44.809966, longitude: -0.596578 },
          // sifac: one tenant live and one in provisioning: live
          cells: { sifac: 'live', siham: 'in_progress', pegase: 'not_started' },
        },
        {
          establishment: 'etab-0597239y',
          title: 'Université de Lille',
          uai: UAI_B,
          region: 'hauts-de-france',
          type: 'universite',
          location: null,
          cells: {
            sifac: 'in_progress',
            siham: 'in_progress',
            pegase: 'not_started',
          },
        },
        {
          establishment: 'etab-0673021v',
          title: 'Université de Strasbourg',
          uai: UAI_C,
          region: 'grand-est',
          type: 'universite',
          location: null,
          cells: {
            sifac: 'not_started',
            siham: 'not_started',
            pegase: 'not_started',
          },
        },
        {
          establishment: 'etab-0331766r',
          title: 'Université Bordeaux Montaigne',
          uai: '0331766R',
          region: null,
          type: null,
          location: null,
          cells: {
            sifac: 'not_started',
            siham: 'not_started',
            pegase: 'not_started',
          },
        },
      ]);
      // every permitted tenant, the rejected one included
      expect(report.funding).toEqual({ grantedEur: 24000, paidEur: 13000 });
      expect(report.training).toEqual({ sessionsHeld: 3, staffTrained: 42 });

      const restricted = await reports.adoption({
        condition: ONLY_BORDEAUX,
        establishments: ESTABLISHMENTS,
        applications: APPLICATIONS,
      });
      expect(
        restricted.applications.map(a => [
          a.application,
          a.live,
          a.inProgress,
          a.notStarted,
          a.total,
        ]),
      ).toEqual([
        ['sifac', 1, 0, 3, 4],
        ['siham', 0, 1, 3, 4],
        ['pegase', 0, 0, 4, 4],
      ]);
      expect(restricted.establishments[1].cells).toEqual({
        sifac: 'not_started',
        siham: 'not_started',
        pegase: 'not_started',
      });
      expect(restricted.funding).toEqual({ grantedEur: 15000, paidEur: 5000 });
      expect(restricted.training).toEqual({
        sessionsHeld: 3,
        staffTrained: 42,
      });

      const nothing = await reports.adoption({
        condition: q => q.where('application', 'none'),
        establishments: ESTABLISHMENTS,
        applications: [],
      });
      expect(nothing.applications).toEqual([]);
      expect(nothing.establishments[0].cells).toEqual({});
      expect(nothing.funding).toEqual({ grantedEur: 0, paidEur: 0 });
      expect(nothing.training).toEqual({ sessionsHeld: 0, staffTrained: 0 });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'reports the funnel without decommissioned tenants, %p',
    async databaseId => {
      const { knex, reports } = await seed(databaseId);
      const report = await reports.funnel();
      expect(report.tenants).toBe(6);
      const table = report.steps.map(s => [
        s.step,
        s.side,
        s.reached,
        s.done,
        s.skipped,
        s.inProgress,
        s.blocked,
        s.todo,
        s.current,
      ]);
      expect(table).toEqual([
        // step, side, reached, done, skipped, inProgress, blocked, todo, current
        ['request', 'establishment', 6, 6, 0, 0, 0, 0, 0],
        ['qualification', 'amue', 6, 4, 0, 0, 0, 2, 2],
        ['provisioning', 'amue', 4, 2, 0, 0, 1, 3, 2],
        ['identity', 'establishment', 2, 2, 0, 0, 0, 4, 0],
        ['data-migration', 'amue', 2, 1, 1, 0, 1, 3, 1],
        ['acceptance', 'establishment', 1, 1, 0, 0, 0, 5, 0],
        ['training', 'amue', 1, 1, 0, 0, 0, 5, 0],
        ['go-live', 'amue', 1, 1, 0, 0, 0, 5, 0],
        ['decommissioning', 'establishment', 1, 0, 0, 0, 0, 6, 1],
      ]);

      const restricted = await reports.funnel({ condition: ONLY_BORDEAUX });
      expect(restricted.tenants).toBe(4);
      expect(
        restricted.steps.map(s => [
          s.step,
          s.reached,
          s.done,
          s.skipped,
          s.inProgress,
          s.blocked,
          s.todo,
          s.current,
        ]),
      ).toEqual([
        ['request', 4, 4, 0, 0, 0, 0, 0],
        ['qualification', 4, 2, 0, 0, 0, 2, 2],
        ['provisioning', 2, 1, 0, 0, 1, 2, 1],
        ['identity', 1, 1, 0, 0, 0, 3, 0],
        ['data-migration', 1, 1, 1, 0, 0, 2, 0],
        ['acceptance', 1, 1, 0, 0, 0, 3, 0],
        ['training', 1, 1, 0, 0, 0, 3, 0],
        ['go-live', 1, 1, 0, 0, 0, 3, 0],
        ['decommissioning', 1, 0, 0, 0, 0, 4, 1],
      ]);

      // a condition on a column that the steps table also has
      const provisioning = await reports.funnel({
        condition: q => q.where('status', 'provisioning'),
      });
      expect(provisioning.tenants).toBe(2);
      expect(provisioning.steps[2]).toMatchObject({
        step: 'provisioning',
        reached: 2,
        blocked: 1,
        todo: 1,
        current: 2,
      });

      const none = await reports.funnel({
        condition: q => q.where('establishment', 'etab-nobody'),
      });
      expect(none.tenants).toBe(0);
      expect(none.steps.every(s => s.reached === 0 && s.todo === 0)).toBe(true);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'counts the overdue steps as isStepOverdue does, per step and application, %p',
    async databaseId => {
      const { knex, store, reports } = await seed(databaseId);
      const now = BASE + 40 * DAY;
      // The expected figures, from every tenant read through the store and
      // cloud-common's rule.
      const expected = async (keep: (tenant: any) => boolean) => {
        const rows = await knex('cloud_tenants').select('name');
        const perStep = new Map<string, number>();
        const perApplication = new Map<
          string,
          { overdue: number; tenants: number }
        >();
        let total = 0;
        for (const { name } of rows) {
          const tenant = (await store.getTenant(name))!;
          if (tenant.status === 'decommissioned' || !keep(tenant)) {
            continue;
          }
          const late = tenant.steps.filter(step => isStepOverdue(step, now));
          total += late.length;
          for (const step of late) {
            perStep.set(step.id, (perStep.get(step.id) ?? 0) + 1);
          }
          const entry = perApplication.get(tenant.application) ?? {
            overdue: 0,
            tenants: 0,
          };
          entry.overdue += late.length;
          entry.tenants += late.length > 0 ? 1 : 0;
          perApplication.set(tenant.application, entry);
        }
        return {
          total,
          steps: Object.fromEntries(perStep),
          applications: APPLICATIONS.map(a => {
            const name = a.name.replace(/^.*\//, '');
            return {
              application: name,
              overdue: perApplication.get(name)?.overdue ?? 0,
              tenants: perApplication.get(name)?.tenants ?? 0,
            };
          }),
        };
      };
      const figures = (
        report: Awaited<ReturnType<typeof reports.adoption>>,
      ) => ({
        total: report.overdue.total,
        steps: Object.fromEntries(
          report.overdue.steps
            .filter(step => step.overdue > 0)
            .map(step => [step.step, step.overdue]),
        ),
        applications: report.overdue.applications.map(a => ({
          application: a.application,
          overdue: a.overdue,
          tenants: a.tenants,
        })),
      });
      const adoption = (condition?: TenantQueryCondition) =>
        reports.adoption({
          establishments: ESTABLISHMENTS,
          applications: APPLICATIONS,
          condition,
        });

      const all = figures(await adoption());
      // the seeded history leaves steps overdue 40 days on
      expect(all.total).toBeGreaterThan(0);
      expect(all).toEqual(await expected(() => true));
      expect(figures(await adoption(ONLY_BORDEAUX))).toEqual(
        await expected(t => t.establishment === 'etab-0333298f'),
      );
      // a condition on a column that the steps table also has
      expect(
        figures(await adoption(q => q.where('status', 'provisioning'))),
      ).toEqual(await expected(t => t.status === 'provisioning'));
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'reads the funnel from the counts kept per application, as from the steps, %p',
    async databaseId => {
      const { knex, reports } = await seed(databaseId);
      // A condition the counts cannot serve makes the report group the
      // steps themselves: the two must agree.
      const fromSteps = (applications?: string[]) =>
        reports.funnel({
          condition: q =>
            applications
              ? q.whereIn('application', applications)
              : q.whereRaw('1 = 1'),
        });
      const everything = await reports.funnel();
      expect(everything.tenants).toBe(6);
      expect(everything).toEqual(await fromSteps());
      const sifac = await reports.funnel({
        condition: q => q.whereIn('application', ['sifac']),
        exactApplications: ['sifac'],
      });
      // T1, T2, T5 (T7 is apogee, T4 pegase was rejected)
      expect(sifac.tenants).toBe(3);
      expect(sifac.steps[2]).toMatchObject({
        step: 'provisioning',
        done: 1,
        blocked: 1,
        todo: 1,
      });
      expect(sifac).toEqual(await fromSteps(['sifac']));
      const two = await reports.funnel({
        condition: q => q.whereIn('application', ['siham', 'pegase']),
        exactApplications: ['siham', 'pegase'],
      });
      expect(two).toEqual(await fromSteps(['siham', 'pegase']));
      expect(
        await reports.funnel({
          condition: q => q.whereRaw('1 = 0'),
          exactApplications: [],
        }),
      ).toEqual(await fromSteps([]));

      // The counts agree with the steps: nothing to correct.
      expect(await reconcileStepCounts(knex)).toBe(0);
      const kept = async () =>
        (
          await knex('cloud_report_step_counts')
            .where('tenants', '<>', 0)
            .orderBy(['application', 'step_id', 'status'])
        ).map(row => ({ ...row, tenants: Number(row.tenants) }));
      const counts = await kept();
      // The migration computes the same counts from the steps.
      const directory = path.resolve(__dirname, '../../migrations');
      const name = '202612061000_reportStepCounts.js';
      await knex.migrate.down({ directory, name });
      expect(await knex.schema.hasTable('cloud_report_step_counts')).toBe(
        false,
      );
      await knex.migrate.up({ directory, name });
      expect(await kept()).toEqual(counts);

      // Counts gone wrong (e.g. steps written by an earlier version during
      // a rolling update) are found and corrected: one too high, one
      // missing, one for no step at all.
      await knex('cloud_report_step_counts')
        .where({ application: 'sifac', step_id: 'request', status: 'done' })
        .increment('tenants', 5);
      await knex('cloud_report_step_counts')
        .where({ application: 'siham', step_id: 'identity', status: 'todo' })
        .delete();
      await knex('cloud_report_step_counts').insert({
        application: 'sinaps',
        step_id: 'training',
        status: 'done',
        tenants: 2,
      });
      expect((await reports.funnel()).tenants).toBe(6);
      expect(await reports.funnel()).not.toEqual(everything);
      expect(await reconcileStepCounts(knex)).toBe(3);
      expect(await reports.funnel()).toEqual(everything);
      expect(await kept()).toEqual(counts);
      expect(await reconcileStepCounts(knex)).toBe(0);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'reports the median and p90 durations of the steps done, %p',
    async databaseId => {
      const { knex, reports } = await seed(databaseId);
      const report = await reports.durations();
      expect(
        report.steps.map(s => [s.step, s.count, s.medianDays, s.p90Days]),
      ).toEqual([
        // 0 days for six requests (T4 rejected included), 2 for the one
        // reopened: p90 at rank 5.4 of 0..6 is 0.4 * 2
        ['request', 7, 0, 0.8],
        // 3 (T1: started 2, approved 5), 4 (T2: approved from todo at 4,
        // since its creation), 2 (T3), 3 (T5: blocked from todo at 5, done
        // at 8)
        ['qualification', 4, 3, 3.7],
        ['provisioning', 2, 6, 7.6],
        ['identity', 2, 1, 1],
        ['data-migration', 1, 10, 10],
        ['acceptance', 1, 7, 7],
        ['training', 1, 1, 1],
        ['go-live', 1, 2, 2],
        ['decommissioning', 0, null, null],
      ]);
      expect(report.steps[1].side).toBe('amue');

      const restricted = await reports.durations({ condition: ONLY_BORDEAUX });
      expect(
        restricted.steps
          .slice(0, 3)
          .map(s => [s.step, s.count, s.medianDays, s.p90Days]),
      ).toEqual([
        ['request', 4, 0, 1.4],
        ['qualification', 2, 3.5, 3.9],
        ['provisioning', 1, 4, 4],
      ]);

      const provisioning = await reports.durations({
        condition: q => q.where('status', 'provisioning'),
      });
      expect(provisioning.steps[1]).toMatchObject({
        step: 'qualification',
        count: 2,
        medianDays: 3.5,
      });
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps on the steps the times the migration computes from the events, %p',
    async databaseId => {
      const { knex, reports } = await seed(databaseId);
      const read = async () =>
        (
          await knex('cloud_onboarding_steps as s')
            .join('cloud_tenants as t', 't.id', 's.tenant_id')
            .select(
              't.name',
              's.step_id',
              's.first_started_at',
              's.first_completed_at',
              's.last_completed_at',
            )
            .orderBy([{ column: 't.name' }, { column: 's.step_id' }])
        ).map(row => ({
          ...row,
          first_started_at: millis(row.first_started_at),
          first_completed_at: millis(row.first_completed_at),
          last_completed_at: millis(row.last_completed_at),
        }));
      const kept = await read();
      // T1 (sifac Bordeaux production): provisioning started at day 5
      // and completed at day 9; qualification started at 2, approved at 5.
      const t1 = kept.filter(r => r.name === 'sifac-0333298f-production');
      expect(t1.find(r => r.step_id === 'provisioning')).toMatchObject({
        first_started_at: BASE + 5 * DAY,
        first_completed_at: BASE + 9 * DAY,
        last_completed_at: BASE + 9 * DAY,
      });
      expect(t1.find(r => r.step_id === 'qualification')).toMatchObject({
        first_started_at: BASE + 2 * DAY,
        last_completed_at: BASE + 5 * DAY,
      });
      // T5: qualification blocked from todo at 5 (its start), unblocked at 7
      const t5 = kept.find(
        r =>
          r.name === 'sifac-0597239y-preproduction' &&
          r.step_id === 'qualification',
      );
      expect(t5).toMatchObject({
        first_started_at: BASE + 5 * DAY,
        last_completed_at: BASE + 8 * DAY,
      });
      const durations = await reports.durations();

      // The migration computes the same times from the event log.
      const directory = path.resolve(__dirname, '../../migrations');
      const name = '202612060300_stepTimes.js';
      await knex.migrate.down({ directory, name });
      expect(
        await knex.schema.hasColumn(
          'cloud_onboarding_steps',
          'last_completed_at',
        ),
      ).toBe(false);
      await knex.migrate.up({ directory, name });
      expect(await read()).toEqual(kept);
      expect(await reports.durations()).toEqual(durations);

      // The durations kept on the steps, and the migration that computes
      // them from the times: the same.
      const durationsKept = async () =>
        (
          await knex('cloud_onboarding_steps')
            .select('tenant_id', 'step_id', 'duration_days')
            .orderBy(['tenant_id', 'step_id'])
        ).map(row => ({
          ...row,
          duration_days:
            row.duration_days === null ? null : Number(row.duration_days),
        }));
      const before = await durationsKept();
      // T1's provisioning: started at day 5, completed at day 9
      const t1Id = (
        await knex('cloud_tenants')
          .where({ name: 'sifac-0333298f-production' })
          .first('id')
      ).id;
      expect(
        before.find(r => r.tenant_id === t1Id && r.step_id === 'provisioning')
          ?.duration_days,
      ).toBeCloseTo(4, 9);
      expect(
        before.find(r => r.tenant_id === t1Id && r.step_id === 'request')
          ?.duration_days,
      ).toBe(0);
      const durationsMigration = '202612061100_stepDurations.js';
      await knex.migrate.down({ directory, name: durationsMigration });
      expect(
        await knex.schema.hasColumn('cloud_onboarding_steps', 'duration_days'),
      ).toBe(false);
      await knex.migrate.up({ directory, name: durationsMigration });
      expect(await durationsKept()).toEqual(before);
      expect(await reports.durations()).toEqual(durations);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the blocked steps, oldest first, %p',
    async databaseId => {
      const { knex, reports } = await seed(databaseId);
      const report = await reports.blocked();
      expect(report).toEqual({
        total: 2,
        items: [
          {
            tenant: 'sifac-0333298f-test',
            application: 'sifac',
            establishment: 'etab-0333298f',
            environment: 'test',
            step: 'provisioning',
            side: 'amue',
            reason: 'waiting for DNS',
            since: '2026-01-11T00:00:00.000Z',
            ageDays: 34,
          },
          {
            tenant: 'siham-0597239y-production',
            application: 'siham',
            establishment: 'etab-0597239y',
            environment: 'production',
            step: 'data-migration',
            side: 'amue',
            reason: '=extractions manquantes, "SIHAM" 2025',
            since: '2026-01-17T12:00:00.000Z',
            ageDays: 27.5,
          },
        ],
      });
      // the rejected request (qualification blocked) is not listed

      const first = await reports.blocked({ limit: 1 });
      expect(first.total).toBe(2);
      expect(first.items.map(i => i.tenant)).toEqual(['sifac-0333298f-test']);

      const lille = await reports.blocked({
        condition: q => q.where('uai', UAI_B),
      });
      expect(lille.total).toBe(1);
      expect(lille.items.map(i => i.tenant)).toEqual([
        'siham-0597239y-production',
      ]);
      const bordeaux = await reports.blocked({ condition: ONLY_BORDEAUX });
      expect(bordeaux.items.map(i => i.tenant)).toEqual([
        'sifac-0333298f-test',
      ]);
      const byStatus = await reports.blocked({
        condition: q => q.where('status', 'onboarding'),
      });
      expect(byStatus.items.map(i => i.tenant)).toEqual([
        'siham-0597239y-production',
      ]);

      await expect(reports.blocked({ limit: 0 })).rejects.toThrow(InputError);
      await expect(reports.blocked({ limit: 1.5 })).rejects.toThrow(/limit/);
      await knex.destroy();
    },
  );
});

describe('percentile', () => {
  it('interpolates linearly between the closest ranks', () => {
    expect(percentile([7], 0.5)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(percentile([0, 10], 0.9)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
    expect(() => percentile([], 0.5)).toThrow(RangeError);
  });
});
