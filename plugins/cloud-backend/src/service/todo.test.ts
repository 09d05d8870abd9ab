import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import {
  compareTodoItems,
  currentStep,
  getStepDefinition,
  ONBOARDING_STEPS,
  type OnboardingStepId,
  stepsWithRunningClock,
} from '@amue/plugin-cloud-common';
import { Knex } from 'knex';
import request from 'supertest';
import { specCheckedServer } from './__testUtils__/specCheckedServer';
import {
  BORDEAUX,
  LILLE,
  as,
  body,
  claire,
  julien,
  marc,
  nathalie,
  sophie,
  startBackend,
} from './__testUtils__/testBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const DAY_MS = 24 * 60 * 60 * 1000;

/** Stops the setup when a call of it did not answer as expected. */
function check(res: { status: number; text: string }, status: number) {
  if (res.status !== status) {
    throw new Error(`setup call answered ${res.status}: ${res.text}`);
  }
}
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS);

/** Bordeaux, SIFAC production: approved, Amue provisions, Bordeaux late. */
const A = 'sifac-0333298f-production';
/** Lille, SIHAM preproduction: waiting for its qualification. */
const B = 'siham-0597239y-preproduction';
/** Bordeaux, SIFAC preproduction: its qualification is late. */
const C = 'sifac-0333298f-preproduction';

describe.each(databases.eachSupportedId())(
  '"À faire", overdue counts and the envelope on %s',
  databaseId => {
    let knex: Knex;
    let backend: Awaited<ReturnType<typeof startBackend>>;
    let server: any;

    const setStep = async (
      tenant: string,
      step: string,
      fields: { status?: string; due_date?: Date | null; reason?: string },
    ) => {
      const { id } = await knex('cloud_tenants')
        .where({ name: tenant })
        .first('id');
      await knex('cloud_onboarding_steps')
        .where({ tenant_id: id, step_id: step })
        .update(fields);
    };

    const todo = async (who: string) => {
      const res = await request(server)
        .get('/api/cloud/todo')
        .set('Authorization', as(who));
      expect(res.status).toBe(200);
      return res.body;
    };
    const lines = (list: any) =>
      list.items.map((i: any) => `${i.kind} ${i.tenant} ${i.step}`);

    beforeAll(async () => {
      knex = await databases.init(databaseId as TestDatabaseId);
      backend = await startBackend(knex, [], {
        cloud: { funding: { envelopeEur: 1000000 } },
      });
      server = await specCheckedServer(() => backend.server);

      for (const [who, input] of [
        [claire, body()],
        [
          julien,
          body({
            uai: LILLE,
            application: 'siham',
            environment: 'preproduction',
            sso: undefined,
            request: { migration: false },
          }),
        ],
        [claire, body({ environment: 'preproduction' })],
      ] as const) {
        const res = await request(server)
          .post('/api/cloud/requests')
          .set('Authorization', as(who))
          .send(input);
        check(res, 201);
      }
      // A: approved by Sophie, then its clocks as the scheduler sets them.
      const a = await request(server)
        .get(`/api/cloud/tenants/${A}`)
        .set('Authorization', as(sophie));
      const qualification = a.body.steps.find(
        (s: any) => s.id === 'qualification',
      );
      const approved = await request(server)
        .post(`/api/cloud/tenants/${A}/decision`)
        .set('Authorization', as(sophie))
        .send({ decision: 'approve', rowVersion: qualification.rowVersion });
      check(approved, 200);
      await setStep(A, 'provisioning', {
        status: 'in_progress',
        due_date: inDays(5),
      });
      await setStep(A, 'identity', {
        status: 'in_progress',
        due_date: inDays(-3),
      });
      await setStep(A, 'training', {
        status: 'blocked',
        reason: 'Formateur indisponible',
      });
      await setStep(B, 'qualification', { due_date: inDays(2) });
      await setStep(B, 'identity', {
        status: 'in_progress',
        due_date: inDays(10),
      });
      await setStep(C, 'qualification', { due_date: inDays(-1) });

      for (const [tenant, grantedEur, paidEur] of [
        [A, 300000, 100000],
        [B, 50000, 0],
      ] as const) {
        const res = await request(server)
          .put(`/api/cloud/tenants/${tenant}/funding`)
          .set('Authorization', as(marc))
          .send({ grantedEur, paidEur, rowVersion: 1 });
        check(res, 200);
      }
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('gives an establishment member the steps waiting on their establishment only', async () => {
      const bordeaux = await todo(claire);
      expect(bordeaux.role).toBe('establishment');
      expect(lines(bordeaux)).toEqual([`step ${A} identity`]);
      expect(bordeaux.items[0]).toMatchObject({
        establishment: `etab-${BORDEAUX.toLowerCase()}`,
        side: 'establishment',
        overdue: true,
      });
      expect(bordeaux.items[0].dueDate).toEqual(expect.any(String));

      const lille = await todo(julien);
      expect(lille.role).toBe('establishment');
      expect(lines(lille)).toEqual([`step ${B} identity`]);
      expect(lille.items[0]).toMatchObject({ overdue: false });
      // Nothing of Bordeaux in Lille's answer, not even a name.
      expect(JSON.stringify(lille)).not.toContain('0333298f');
      expect(JSON.stringify(bordeaux)).not.toContain('0597239y');
    });

    it('gives a product owner the requests to qualify and Amue’s steps of their applications, overdue first', async () => {
      const finance = await todo(sophie);
      expect(finance.role).toBe('product-owner');
      expect(lines(finance)).toEqual([
        `request ${C} qualification`,
        `step ${A} provisioning`,
      ]);
      expect(finance.items.map((i: any) => i.overdue)).toEqual([true, false]);
      // a request's age runs from the request
      const created = await knex('cloud_tenants')
        .where({ name: C })
        .first('created_at');
      expect(Date.parse(finance.items[0].since)).toBe(
        new Date(created.created_at).getTime(),
      );

      const hr = await todo(nathalie);
      expect(hr.role).toBe('product-owner');
      expect(lines(hr)).toEqual([`request ${B} qualification`]);
    });

    it('gives an administrator the blocked and overdue steps of every establishment', async () => {
      const admin = await todo(marc);
      expect(admin.role).toBe('administrator');
      expect(lines(admin)).toEqual([
        `step ${A} identity`,
        `step ${C} qualification`,
        `step ${A} training`,
      ]);
      expect(admin.items[2]).toMatchObject({
        status: 'blocked',
        reason: 'Formateur indisponible',
        overdue: false,
        dueDate: null,
      });
      expect(admin.total).toBe(3);
    });

    it('stops at the limit asked and refuses a limit out of range', async () => {
      const first = await request(server)
        .get('/api/cloud/todo?limit=1')
        .set('Authorization', as(marc));
      expect(first.body.items).toHaveLength(1);
      // the first of the whole list: cut after ordering, not before
      expect(first.body.items[0]).toMatchObject({
        step: 'identity',
        overdue: true,
      });
      expect(first.body.total).toBe(3);
      const tooMany = await request(server)
        .get('/api/cloud/todo?limit=900')
        .set('Authorization', as(marc));
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error.message).toMatch(/limit/);
    });

    it('counts the overdue steps per step and per application, within the caller’s applications', async () => {
      const admin = await request(server)
        .get('/api/cloud/reports/adoption')
        .set('Authorization', as(marc));
      expect(admin.status).toBe(200);
      const { overdue } = admin.body;
      expect(overdue.total).toBe(2);
      const byStep = Object.fromEntries(
        overdue.steps.map((s: any) => [s.step, s.overdue]),
      );
      expect(byStep).toMatchObject({
        qualification: 1,
        identity: 1,
        training: 0,
        provisioning: 0,
      });
      expect(overdue.applications).toEqual(
        expect.arrayContaining([
          { application: 'sifac', title: 'SIFAC', overdue: 2, tenants: 2 },
          { application: 'siham', title: 'SIHAM', overdue: 0, tenants: 0 },
        ]),
      );

      const hr = await request(server)
        .get('/api/cloud/reports/adoption')
        .set('Authorization', as(nathalie));
      expect(hr.body.overdue.total).toBe(0);

      const csv = await request(backend.server)
        .get('/api/cloud/reports/adoption?format=csv&view=overdue')
        .set('Authorization', as(marc));
      expect(csv.status).toBe(200);
      expect(csv.text).toContain('step,side,overdue\r\n');
      expect(csv.text).toContain('\r\nidentity,establishment,1\r\n');
      const applications = await request(backend.server)
        .get('/api/cloud/reports/adoption?format=csv&view=applications')
        .set('Authorization', as(marc));
      expect(applications.text).toMatch(/\r\nsifac,SIFAC,0,1,1,2,2,2\r\n/);
    });

    it('sets the funding against the envelope, the whole programme for administrators only', async () => {
      const admin = await request(server)
        .get('/api/cloud/reports/adoption')
        .set('Authorization', as(marc));
      expect(admin.body.envelope).toEqual({
        envelopeEur: 1000000,
        programme: true,
        grantedEur: 350000,
        paidEur: 100000,
        remainingEur: 650000,
        consumedShare: 0.35,
        establishments: [
          {
            establishment: `etab-${BORDEAUX.toLowerCase()}`,
            title: `etab-${BORDEAUX.toLowerCase()}`,
            uai: BORDEAUX,
            grantedEur: 300000,
            paidEur: 100000,
          },
          {
            establishment: `etab-${LILLE.toLowerCase()}`,
            title: `etab-${LILLE.toLowerCase()}`,
            uai: LILLE,
            grantedEur: 50000,
            paidEur: 0,
          },
        ],
        applications: [
          {
            application: 'sifac',
            title: 'SIFAC',
            grantedEur: 300000,
            paidEur: 100000,
          },
          {
            application: 'siham',
            title: 'SIHAM',
            grantedEur: 50000,
            paidEur: 0,
          },
        ],
      });

      // Sophie reads SIFAC only: no remainder of the programme's envelope.
      const finance = await request(server)
        .get('/api/cloud/reports/adoption')
        .set('Authorization', as(sophie));
      expect(finance.body.envelope).toMatchObject({
        envelopeEur: 1000000,
        programme: false,
        grantedEur: 300000,
        remainingEur: null,
        consumedShare: 0.3,
      });
      expect(
        finance.body.envelope.applications.map((a: any) => a.application),
      ).toEqual(['sifac']);
      expect(JSON.stringify(finance.body.envelope)).not.toContain('0597239y');

      const csv = await request(backend.server)
        .get('/api/cloud/reports/adoption?format=csv&view=funding')
        .set('Authorization', as(marc));
      expect(csv.status).toBe(200);
      expect(csv.text).toContain(
        'scope,name,title,uai,grantedEur,paidEur,envelopeShare\r\n',
      );
      expect(csv.text).toContain(
        `\r\nestablishment,etab-0333298f,etab-0333298f,${BORDEAUX},300000,100000,0.3\r\n`,
      );
      expect(csv.text).toContain(
        '\r\napplication,siham,SIHAM,,50000,0,0.05\r\n',
      );
      const totals = await request(backend.server)
        .get('/api/cloud/reports/adoption?format=csv&view=totals')
        .set('Authorization', as(marc));
      expect(totals.text).toContain('\r\nenvelopeEur,1000000\r\n');
      expect(totals.text).toContain('\r\nremainingEur,650000\r\n');
      expect(totals.text).toContain('\r\noverdueSteps,2\r\n');
    });

    it('lists what the rule of running clocks gives over every step, whatever the states (kept last: it changes them)', async () => {
      // One more tenant for Bordeaux, then states that reach every case of
      // the rule: a current step waiting in todo or blocked, steps in
      // progress beyond it, a skipped step, and every step settled but the
      // optional last one (whose clock never runs).
      const created = await request(server)
        .post('/api/cloud/requests')
        .set('Authorization', as(claire))
        .send(body({ environment: 'formation' }));
      check(created, 201);
      const D = 'sifac-0333298f-formation';
      const ids = ONBOARDING_STEPS.map(d => d.id);
      // the first `done` steps done, the others todo
      const doneUpTo = (done: number) =>
        Object.fromEntries(
          ids.map((id, i) => [id, i < done ? 'done' : 'todo']),
        ) as Record<string, string>;
      const states: Record<string, Record<string, string>> = {
        // current: acceptance (establishment), waiting; training in progress
        [A]: { ...doneUpTo(4), 'data-migration': 'skipped' },
        // current: identity blocked; go-live in progress ahead of it
        [B]: { ...doneUpTo(3), identity: 'blocked' },
        // every step settled but decommissioning (optional): nothing runs
        [C]: Object.fromEntries(
          ids.map(id => [id, id === 'decommissioning' ? 'todo' : 'done']),
        ),
      };
      states[A].training = 'in_progress';
      states[B]['go-live'] = 'in_progress';
      for (const [tenant, byStep] of Object.entries(states)) {
        for (const [step, status] of Object.entries(byStep)) {
          await setStep(tenant, step, {
            status,
            due_date: status === 'done' ? null : inDays(step.length - 8),
          });
        }
        // the store keeps the tenant's current step with its steps
        await knex('cloud_tenants')
          .where({ name: tenant })
          .update({
            current_step:
              currentStep(
                Object.entries(byStep).map(([id, status]) => ({
                  id: id as OnboardingStepId,
                  status: status as any,
                })),
              ) ?? null,
          });
      }

      // The lines the rule gives, from every step of every tenant read
      // here: the clocks that run, on the caller's side.
      const all = await knex('cloud_onboarding_steps as s')
        .join('cloud_tenants as t', 't.id', 's.tenant_id')
        .whereNot('t.status', 'decommissioned')
        .select(
          't.name as tenant',
          't.application as application',
          't.establishment as establishment',
          't.status as tenantStatus',
          's.step_id as step',
          's.status as status',
        );
      const expected = (
        side: 'amue' | 'establishment',
        keep: (row: any) => boolean,
      ) => {
        const want: string[] = [];
        for (const tenant of new Set(all.map(r => r.tenant))) {
          const steps = all.filter(r => r.tenant === tenant && keep(r));
          if (steps.length === 0) {
            continue;
          }
          const running = stepsWithRunningClock(
            steps.map(r => ({ id: r.step, status: r.status })),
          );
          for (const r of steps) {
            if (
              running.includes(r.step) &&
              getStepDefinition(r.step).side === side
            ) {
              const asRequest =
                side === 'amue' &&
                r.step === 'qualification' &&
                r.tenantStatus === 'requested';
              want.push(
                `${asRequest ? 'request' : 'step'} ${tenant} ${r.step}`,
              );
            }
          }
        }
        return want.sort();
      };
      const byEstablishment = (uai: string) => (r: any) =>
        r.establishment === `etab-${uai.toLowerCase()}`;
      const byApplication = (application: string) => (r: any) =>
        r.application === application;

      for (const [who, side, keep] of [
        [claire, 'establishment', byEstablishment(BORDEAUX)],
        [julien, 'establishment', byEstablishment(LILLE)],
        [sophie, 'amue', byApplication('sifac')],
        [nathalie, 'amue', byApplication('siham')],
      ] as const) {
        const list = await todo(who);
        const want = expected(side, keep);
        expect([who, [...lines(list)].sort()]).toEqual([who, want]);
        expect(list.total).toBe(want.length);
        // in the order of compareTodoItems, overdue first
        expect(list.items).toEqual([...list.items].sort(compareTodoItems));
      }
      // each case reached: Bordeaux's acceptance (current, waiting) and
      // training (in progress), Lille's identity (blocked, current), and
      // nothing of the settled tenant C
      expect(lines(await todo(claire))).toEqual(
        expect.arrayContaining([`step ${A} acceptance`]),
      );
      expect(lines(await todo(sophie))).toEqual(
        expect.arrayContaining([
          `step ${A} training`,
          `request ${D} qualification`,
        ]),
      );
      expect(lines(await todo(julien))).toEqual([`step ${B} identity`]);
      expect(JSON.stringify(await todo(claire))).not.toContain(C);

      // cut at the limit after ordering: the first line of the whole list
      const whole = await todo(sophie);
      const first = await request(server)
        .get('/api/cloud/todo?limit=1')
        .set('Authorization', as(sophie));
      expect(first.body.items).toEqual(whole.items.slice(0, 1));
      expect(first.body.total).toBe(whole.total);
    });

    it('refuses the list to anonymous callers', async () => {
      const res = await request(server)
        .get('/api/cloud/todo')
        .set('Authorization', 'Bearer not-a-token');
      expect(res.status).toBe(401);
    });
  },
);
