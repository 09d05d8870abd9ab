import {
  CLOUD_TENANT_EVENTS_TOPIC,
  ONBOARDING_REASON_MAX_LENGTH,
  uaiCheckLetter,
} from '@amue/plugin-cloud-common';
import {
  mockCredentials,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { specCheckedServer } from './__testUtils__/specCheckedServer';
import {
  BORDEAUX,
  LILLE,
  as,
  audits,
  body,
  claire,
  julien,
  marc,
  nathalie,
  notifications,
  published,
  signals,
  sophie,
  startBackend,
} from './__testUtils__/testBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'cloud REST API on %s',
  databaseId => {
    let knex: Knex;
    let backend: Awaited<ReturnType<typeof startBackend>>;
    let server: any;

    const count = async () =>
      Number((await knex('cloud_tenants').count({ n: '*' }))[0].n);
    const eventCount = async () =>
      Number((await knex('cloud_events').count({ n: '*' }))[0].n);

    beforeAll(async () => {
      for (const recorded of [published, signals, notifications, audits]) {
        recorded.length = 0;
      }
      knex = await databases.init(databaseId as TestDatabaseId);
      backend = await startBackend(knex);
      // Every request and response is checked against the OpenAPI
      // document; what it does not describe goes to backend.server
      // directly: the actions registry, the document itself and CSV
      // bodies (upstream's check reads JSON bodies only).
      server = await specCheckedServer(() => backend.server);
    });

    afterAll(async () => {
      await backend?.stop();
    });

    describe('requests', () => {
      it('creates a request once per idempotency key', async () => {
        const first = await request(server)
          .post('/api/cloud/requests')
          .set('Authorization', as(claire))
          .set('Idempotency-Key', 'task-0001-bordeaux')
          .send(body());
        expect(first.status).toBe(201);
        expect(first.body.created).toBe(true);
        expect(first.body.tenant).toMatchObject({
          name: 'sifac-0333298f-production',
          establishment: 'etab-0333298f',
          status: 'requested',
          currentStep: 'qualification',
          ssoProtocol: 'saml',
          createdBy: claire,
        });

        const again = await request(server)
          .post('/api/cloud/requests')
          .set('Authorization', as(claire))
          .send({ ...body(), idempotencyKey: 'task-0001-bordeaux' });
        expect(again.status).toBe(200);
        expect(again.body.created).toBe(false);
        expect(again.body.tenant.id).toBe(first.body.tenant.id);
        expect(await count()).toBe(1);

        const other = await request(server)
          .post('/api/cloud/requests')
          .set('Authorization', as(claire))
          .send(body());
        expect(other.status).toBe(409);
        expect(other.body.error.message).toContain('sifac-0333298f-production');
        expect(await count()).toBe(1);

        // the change reached the platform services, once
        const created = published.filter(
          e => e.eventPayload.name === 'sifac-0333298f-production',
        );
        expect(created).toEqual([
          {
            topic: CLOUD_TENANT_EVENTS_TOPIC,
            eventPayload: expect.objectContaining({ type: 'request.created' }),
          },
        ]);
        expect(signals.at(-1)).toMatchObject({
          channel: 'cloud:tenant',
          recipients: {
            type: 'user',
            entityRef: expect.arrayContaining([
              'group:default/etab-0333298f',
              'group:default/amue-equipe-finance',
            ]),
          },
          message: { name: 'sifac-0333298f-production' },
        });
        expect(notifications.at(-1)).toMatchObject({
          recipients: {
            entityRef: expect.arrayContaining([
              'group:default/etab-0333298f',
              'group:default/amue-equipe-finance',
            ]),
            excludeEntityRef: claire,
          },
        });
        expect(audits).toContainEqual(
          expect.objectContaining({
            eventId: 'tenant-request',
            outcome: 'success',
          }),
        );
        expect(audits).toContainEqual(
          expect.objectContaining({
            eventId: 'tenant-request',
            outcome: 'failure',
          }),
        );
      });

      it('lets Lille request its own instance', async () => {
        const res = await request(server)
          .post('/api/cloud/requests')
          .set('Authorization', as(julien))
          .send(
            body({
              uai: LILLE,
              application: 'siham',
              environment: 'preproduction',
              sso: undefined,
              request: { migration: false },
            }),
          );
        expect(res.status).toBe(201);
        expect(
          res.body.tenant.steps.find((s: any) => s.id === 'data-migration'),
        ).toMatchObject({ status: 'skipped' });
      });

      it.each([
        [
          'another establishment',
          claire,
          body({ uai: LILLE }),
          403,
          'etab-0597239y',
        ],
        [
          'an unknown application',
          claire,
          body({ application: 'nope' }),
          400,
          'application "nope"',
        ],
        [
          'an application not offered',
          claire,
          body({ application: 'harpege' }),
          400,
          'not offered as a service',
        ],
        [
          'an invalid UAI check letter',
          claire,
          body({ uai: '0333298A' }),
          400,
          'uai "0333298A"',
        ],
        ['a malformed UAI', claire, body({ uai: '333' }), 400, 'uai'],
        [
          'an unknown establishment',
          claire,
          body({ uai: `0999999${uaiCheckLetter('0999999')}` }),
          400,
          'uai',
        ],
        [
          'an unknown environment',
          claire,
          body({ environment: 'prod' }),
          400,
          'environment',
        ],
        [
          'an environment not offered',
          claire,
          body({ environment: 'test' }),
          400,
          'environment "test"',
        ],
        [
          'an unknown version',
          claire,
          body({ version: '1999.1' }),
          400,
          'version "1999.1"',
        ],
        [
          'an end-of-life version',
          claire,
          body({ version: '2024.1' }),
          400,
          'version "2024.1"',
        ],
        [
          'a go-live date in the past',
          claire,
          body({
            request: { migration: true, wishedGoLiveDate: '2020-01-01' },
          }),
          400,
          'wishedGoLiveDate',
        ],
        [
          'a wrong type',
          claire,
          body({ request: { migration: true, expectedUsers: 'many' } }),
          400,
          'expectedUsers',
        ],
        [
          'a missing field',
          claire,
          { ...body(), version: undefined },
          400,
          'version',
        ],
        ['an unknown field', claire, body({ colour: 'blue' }), 400, 'colour'],
        [
          'an invalid contact e-mail',
          claire,
          body({
            request: {
              migration: true,
              contacts: [{ name: 'X', email: 'not-an-email' }],
            },
          }),
          400,
          'email',
        ],
        [
          'an oversized comment',
          claire,
          body({
            request: {
              migration: true,
              comment: 'x'.repeat(ONBOARDING_REASON_MAX_LENGTH + 1),
            },
          }),
          400,
          'comment',
        ],
        [
          'an invalid SSO entity id',
          claire,
          body({ sso: { protocol: 'saml', idpEntityId: 'not a url' } }),
          400,
          'idpEntityId',
        ],
      ])(
        'refuses %s and writes nothing',
        async (_, who, payload, status, message) => {
          const before = [await count(), await eventCount()];
          const res = await request(server)
            .post('/api/cloud/requests')
            .set('Authorization', as(who))
            .send({
              ...payload,
              environment: (payload as any).environment ?? 'formation',
            });
          expect(res.status).toBe(status);
          expect(res.body.error.message).toContain(message);
          expect([await count(), await eventCount()]).toEqual(before);
        },
      );

      it('refuses malformed JSON with a clear message', async () => {
        const res = await request(server)
          .post('/api/cloud/requests')
          .set('Authorization', as(claire))
          .set('Content-Type', 'application/json')
          .send('{"application": "sifac",');
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/not valid JSON/);
      });

      it('refuses anonymous callers', async () => {
        const res = await request(server)
          .post('/api/cloud/requests')
          .set('Authorization', 'Bearer not-a-token')
          .send(body());
        expect(res.status).toBe(401);
      });
    });

    describe('onboarding', () => {
      const name = 'sifac-0333298f-production';
      const step = async (id: string) => {
        const res = await request(server)
          .get(`/api/cloud/tenants/${name}`)
          .set('Authorization', as(marc));
        return res.body.steps.find((s: any) => s.id === id);
      };

      it('lets only the application owner approve', async () => {
        const qualification = await step('qualification');
        const byEstablishment = await request(server)
          .post(`/api/cloud/tenants/${name}/decision`)
          .set('Authorization', as(claire))
          .send({ decision: 'approve', rowVersion: qualification.rowVersion });
        expect(byEstablishment.status).toBe(403);

        const byOtherTeam = await request(server)
          .post(`/api/cloud/tenants/${name}/decision`)
          .set('Authorization', as(nathalie))
          .send({ decision: 'approve', rowVersion: qualification.rowVersion });
        expect(byOtherTeam.status).toBe(404);

        const rejectWithoutReason = await request(server)
          .post(`/api/cloud/tenants/${name}/decision`)
          .set('Authorization', as(sophie))
          .send({ decision: 'reject', rowVersion: qualification.rowVersion });
        expect(rejectWithoutReason.status).toBe(400);
        expect(rejectWithoutReason.body.error.message).toContain('reason');

        const approved = await request(server)
          .post(`/api/cloud/tenants/${name}/decision`)
          .set('Authorization', as(sophie))
          .send({
            decision: 'approve',
            reason: 'Convention signée',
            rowVersion: qualification.rowVersion,
          });
        expect(approved.status).toBe(200);
        expect(approved.body).toMatchObject({
          status: 'provisioning',
          currentStep: 'provisioning',
        });
        expect(notifications.at(-1).payload.title).toMatch(/SIFAC/);
      });

      it('lets whoever may decide undo the decision, audited and notified', async () => {
        const approved = await step('qualification');
        const byEstablishment = await request(server)
          .post(`/api/cloud/tenants/${name}/decision/undo`)
          .set('Authorization', as(claire))
          .send({ rowVersion: approved.rowVersion });
        expect(byEstablishment.status).toBe(403);
        const stale = await request(server)
          .post(`/api/cloud/tenants/${name}/decision/undo`)
          .set('Authorization', as(sophie))
          .send({ rowVersion: approved.rowVersion - 1 });
        expect(stale.status).toBe(409);
        const missing = await request(server)
          .post(`/api/cloud/tenants/${name}/decision/undo`)
          .set('Authorization', as(sophie))
          .send({});
        expect(missing.status).toBe(400);
        expect(missing.body.error.message).toContain('rowVersion');
        expect((await step('qualification')).status).toBe('done');

        const undone = await request(server)
          .post(`/api/cloud/tenants/${name}/decision/undo`)
          .set('Authorization', as(sophie))
          .send({ rowVersion: approved.rowVersion });
        expect(undone.status).toBe(200);
        expect(undone.body).toMatchObject({
          status: 'requested',
          currentStep: 'qualification',
        });
        expect(notifications.at(-1).payload.title).toMatch(
          /^Décision annulée : SIFAC/,
        );
        expect(audits).toContainEqual(
          expect.objectContaining({
            eventId: 'tenant-request-decision-undo',
            outcome: 'success',
          }),
        );
        expect(audits).toContainEqual(
          expect.objectContaining({
            eventId: 'tenant-request-decision-undo',
            outcome: 'failure',
          }),
        );

        // Decided again, for the tests that follow.
        const again = await request(server)
          .post(`/api/cloud/tenants/${name}/decision`)
          .set('Authorization', as(sophie))
          .send({
            decision: 'approve',
            rowVersion: (await step('qualification')).rowVersion,
          });
        expect(again.status).toBe(200);
      });

      it('keeps each side to its own steps', async () => {
        const provisioning = await step('provisioning');
        const byEstablishment = await request(server)
          .post(`/api/cloud/tenants/${name}/steps/provisioning`)
          .set('Authorization', as(claire))
          .send({ action: 'start', rowVersion: provisioning.rowVersion });
        expect(byEstablishment.status).toBe(400);
        expect(byEstablishment.body.error.message).toMatch(/Amue/);

        const started = await request(server)
          .post(`/api/cloud/tenants/${name}/steps/provisioning`)
          .set('Authorization', as(sophie))
          .send({ action: 'start', rowVersion: provisioning.rowVersion });
        expect(started.status).toBe(200);
        const completed = await request(server)
          .post(`/api/cloud/tenants/${name}/steps/provisioning`)
          .set('Authorization', as(sophie))
          .send({
            action: 'complete',
            rowVersion: provisioning.rowVersion + 1,
          });
        expect(completed.status).toBe(200);
        expect(completed.body).toMatchObject({
          status: 'onboarding',
          currentStep: 'identity',
        });
      });

      it.each([
        [
          'an unknown step',
          'nope',
          { action: 'start', rowVersion: 1 },
          'stepId',
        ],
        [
          'an unknown action',
          'identity',
          { action: 'jump', rowVersion: 1 },
          'action',
        ],
        [
          'a missing row version',
          'identity',
          { action: 'start' },
          'rowVersion',
        ],
        [
          'a row version of the wrong type',
          'identity',
          { action: 'start', rowVersion: 'one' },
          'rowVersion',
        ],
        [
          'a block without reason',
          'identity',
          { action: 'block', rowVersion: 1 },
          'reason',
        ],
        [
          'an oversized reason',
          'identity',
          {
            action: 'block',
            reason: 'x'.repeat(ONBOARDING_REASON_MAX_LENGTH + 1),
            rowVersion: 1,
          },
          'reason',
        ],
      ])('refuses %s and writes nothing', async (_, stepId, payload, field) => {
        const before = await eventCount();
        const res = await request(server)
          .post(`/api/cloud/tenants/${name}/steps/${stepId}`)
          .set('Authorization', as(claire))
          .send(payload);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(field);
        expect(await eventCount()).toBe(before);
      });

      it('gives exactly one 409 to two changes with the same version', async () => {
        const identity = await step('identity');
        const before = await eventCount();
        const results = await Promise.all(
          [claire, claire].map(who =>
            request(server)
              .post(`/api/cloud/tenants/${name}/steps/identity`)
              .set('Authorization', as(who))
              .send({ action: 'start', rowVersion: identity.rowVersion }),
          ),
        );
        expect(results.map(r => r.status).sort()).toEqual([200, 409]);
        expect(await eventCount()).toBe(before + 1);
        const stale = results.find(r => r.status === 409)!;
        expect(stale.body.error.name).toBe('ConflictError');
      });

      it('blocks with a reason, notifies, then unblocks', async () => {
        const identity = await step('identity');
        const blocked = await request(server)
          .post(`/api/cloud/tenants/${name}/steps/identity`)
          .set('Authorization', as(claire))
          .send({
            action: 'block',
            reason: 'Certificat SAML expiré',
            rowVersion: identity.rowVersion,
          });
        expect(blocked.status).toBe(200);
        expect(notifications.at(-1)).toMatchObject({
          payload: { severity: 'high' },
          recipients: { excludeEntityRef: claire },
        });
        const list = await request(server)
          .get('/api/cloud/tenants?blocked=true')
          .set('Authorization', as(sophie));
        expect(list.body.items.map((t: any) => t.name)).toEqual([name]);
        expect(list.body.items[0].steps).toBeUndefined();
        const withSteps = await request(server)
          .get('/api/cloud/tenants?blocked=true&include=steps')
          .set('Authorization', as(sophie));
        expect(withSteps.status).toBe(200);
        expect(
          withSteps.body.items[0].steps.map((s: any) => [s.id, s.status]),
        ).toContainEqual(['identity', 'blocked']);
        expect(withSteps.body.items[0].steps).toHaveLength(9);
        const badInclude = await request(server)
          .get('/api/cloud/tenants?include=events')
          .set('Authorization', as(sophie));
        expect(badInclude.status).toBe(400);
        expect(badInclude.body.error.message).toMatch(/include/);

        const unblocked = await request(server)
          .post(`/api/cloud/tenants/${name}/steps/identity`)
          .set('Authorization', as(claire))
          .send({ action: 'unblock', rowVersion: identity.rowVersion + 1 });
        expect(unblocked.status).toBe(200);
      });

      it('records comments, funding (Amue) and training', async () => {
        const comment = await request(server)
          .post(`/api/cloud/tenants/${name}/comments`)
          .set('Authorization', as(claire))
          .send({ comment: 'Recette prévue en janvier', stepId: 'acceptance' });
        expect(comment.status).toBe(201);
        expect(comment.body).toMatchObject({
          type: 'comment.added',
          actor: claire,
        });

        const tooLong = await request(server)
          .post(`/api/cloud/tenants/${name}/comments`)
          .set('Authorization', as(claire))
          .send({ comment: 'x'.repeat(ONBOARDING_REASON_MAX_LENGTH + 1) });
        expect(tooLong.status).toBe(400);
        expect(tooLong.body.error.message).toContain('comment');

        const fundingByEstablishment = await request(server)
          .put(`/api/cloud/tenants/${name}/funding`)
          .set('Authorization', as(claire))
          .send({ grantedEur: 50000, paidEur: 0, rowVersion: 1 });
        expect(fundingByEstablishment.status).toBe(403);

        const funding = await request(server)
          .put(`/api/cloud/tenants/${name}/funding`)
          .set('Authorization', as(sophie))
          .send({ grantedEur: 50000, paidEur: 20000, rowVersion: 1 });
        expect(funding.status).toBe(200);
        expect(funding.body).toMatchObject({
          grantedEur: 50000,
          rowVersion: 2,
        });

        const negative = await request(server)
          .put(`/api/cloud/tenants/${name}/training`)
          .set('Authorization', as(claire))
          .send({ sessionsHeld: -1, staffTrained: 3, rowVersion: 1 });
        expect(negative.status).toBe(400);
        expect(negative.body.error.message).toContain('sessionsHeld');

        const training = await request(server)
          .put(`/api/cloud/tenants/${name}/training`)
          .set('Authorization', as(claire))
          .send({ sessionsHeld: 2, staffTrained: 18, rowVersion: 1 });
        expect(training.status).toBe(200);

        const detail = await request(server)
          .get(`/api/cloud/tenants/${name}`)
          .set('Authorization', as(claire));
        expect(detail.body.funding.grantedEur).toBe(50000);
        expect(detail.body.training.staffTrained).toBe(18);
        expect(detail.body.events.map((e: any) => e.type)).toEqual(
          expect.arrayContaining([
            'request.created',
            'request.approved',
            'step.blocked',
            'comment.added',
            'funding.recorded',
            'training.recorded',
          ]),
        );
      });
    });

    describe('isolation', () => {
      const bordeaux = 'sifac-0333298f-production';

      it('hides another establishment’s tenants from lists and details', async () => {
        const lille = await request(server)
          .get('/api/cloud/tenants')
          .set('Authorization', as(julien));
        expect(lille.status).toBe(200);
        expect(lille.body.items.map((t: any) => t.establishment)).toEqual([
          'etab-0597239y',
        ]);

        const filtered = await request(server)
          .get('/api/cloud/tenants?establishment=etab-0333298f')
          .set('Authorization', as(julien));
        expect(filtered.body.items).toEqual([]);

        for (const [method, path, payload] of [
          ['get', `/api/cloud/tenants/${bordeaux}`, undefined],
          [
            'post',
            `/api/cloud/tenants/${bordeaux}/comments`,
            { comment: 'Bonjour' },
          ],
          [
            'post',
            `/api/cloud/tenants/${bordeaux}/steps/acceptance`,
            { action: 'start', rowVersion: 1 },
          ],
          [
            'put',
            `/api/cloud/tenants/${bordeaux}/training`,
            { sessionsHeld: 1, staffTrained: 1, rowVersion: 2 },
          ],
        ] as const) {
          const before = await eventCount();
          const res = await (request(server) as any)
            [method](path)
            .set('Authorization', as(julien))
            .send(payload);
          expect({ path, status: res.status }).toEqual({ path, status: 404 });
          expect(await eventCount()).toBe(before);
        }
      });

      it('limits product owners to their applications', async () => {
        const finance = await request(server)
          .get('/api/cloud/tenants')
          .set('Authorization', as(sophie));
        expect(finance.body.items.map((t: any) => t.application)).toEqual([
          'sifac',
        ]);
        const all = await request(server)
          .get('/api/cloud/tenants?orderBy=name&order=asc')
          .set('Authorization', as(marc));
        expect(all.body.items.map((t: any) => t.name)).toEqual([
          'sifac-0333298f-production',
          'siham-0597239y-preproduction',
        ]);
      });

      it('paginates the filtered list in the database', async () => {
        const page1 = await request(server)
          .get('/api/cloud/tenants?limit=1')
          .set('Authorization', as(marc));
        expect(page1.body.items).toHaveLength(1);
        expect(page1.body.nextCursor).toBeDefined();
        const page2 = await request(server)
          .get(
            `/api/cloud/tenants?limit=1&cursor=${encodeURIComponent(
              page1.body.nextCursor,
            )}`,
          )
          .set('Authorization', as(marc));
        expect(page2.body.items).toHaveLength(1);
        expect(page2.body.items[0].name).not.toBe(page1.body.items[0].name);
        const julienPage = await request(server)
          .get('/api/cloud/tenants?limit=1')
          .set('Authorization', as(julien));
        expect(julienPage.body.nextCursor).toBeUndefined();

        const bad = await request(server)
          .get('/api/cloud/tenants?limit=lots')
          .set('Authorization', as(marc));
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toContain('limit');
      });

      it('keeps reports and CSV exports to Amue, filtered by application', async () => {
        for (const report of ['adoption', 'funnel', 'durations', 'blocked']) {
          const json = await request(server)
            .get(`/api/cloud/reports/${report}`)
            .set('Authorization', as(julien));
          expect(json.status).toBe(403);
          const csv = await request(server)
            .get(`/api/cloud/reports/${report}?format=csv`)
            .set('Authorization', as(julien));
          expect(csv.status).toBe(403);
        }
        const adoption = await request(server)
          .get('/api/cloud/reports/adoption')
          .set('Authorization', as(sophie));
        expect(adoption.status).toBe(200);
        // Sophie's scope: the applications of her team only.
        expect(
          adoption.body.applications.map((a: any) => a.application),
        ).toEqual(['sifac']);
        expect(adoption.body.applications[0]).toMatchObject({
          inProgress: 1,
          total: 2,
        });

        const csv = await request(backend.server)
          .get('/api/cloud/reports/adoption?format=csv')
          .set('Authorization', as(marc));
        expect(csv.status).toBe(200);
        expect(csv.headers['content-type']).toMatch(/text\/csv/);
        expect(csv.text).toContain('etab-0333298f');

        // The other views of the adoption CSV, for Sophie's applications.
        const applications = await request(backend.server)
          .get('/api/cloud/reports/adoption?format=csv&view=applications')
          .set('Authorization', as(sophie));
        expect(applications.status).toBe(200);
        expect(applications.text).toContain(
          'application,title,live,inProgress,notStarted,total',
        );
        expect(applications.text).toMatch(
          /\r\nsifac,SIFAC,\d+,1,\d+,2,\d+,\d+\r\n/,
        );
        const totals = await request(backend.server)
          .get('/api/cloud/reports/adoption?format=csv&view=totals')
          .set('Authorization', as(marc));
        expect(totals.status).toBe(200);
        expect(totals.text).toMatch(/\r\nestablishments,2\r\n/);
        // A view the report does not have, or on another report: a 400.
        for (const url of [
          '/api/cloud/reports/adoption?format=csv&view=regions',
          '/api/cloud/reports/funnel?format=csv&view=applications',
        ]) {
          const bad = await request(server)
            .get(url)
            .set('Authorization', as(marc));
          expect(bad.status).toBe(400);
          expect(bad.body.error.message).toMatch(/view/);
        }
      });

      it('applies the same rules through the actions registry', async () => {
        const list = await request(backend.server)
          .post(
            '/api/cloud/.backstage/actions/v1/actions/cloud:list-tenants/invoke',
          )
          .set('Authorization', as(julien))
          .send({});
        expect(list.status).toBe(200);
        expect(list.body.output.items.map((t: any) => t.name)).toEqual([
          'siham-0597239y-preproduction',
        ]);
        const detail = await request(backend.server)
          .post(
            '/api/cloud/.backstage/actions/v1/actions/cloud:get-tenant/invoke',
          )
          .set('Authorization', as(julien))
          .send({ name: bordeaux });
        expect(detail.status).toBe(404);
        const forged = await request(backend.server)
          .post(
            '/api/cloud/.backstage/actions/v1/actions/cloud:create-request/invoke',
          )
          .set('Authorization', as(julien))
          .send({
            application: 'sifac',
            uai: BORDEAUX,
            environment: 'formation',
            version: '2026.2',
            migration: false,
          });
        expect(forged.status).toBe(403);
        const own = await request(backend.server)
          .post(
            '/api/cloud/.backstage/actions/v1/actions/cloud:create-request/invoke',
          )
          .set('Authorization', as(julien))
          .send({
            application: 'sifac',
            uai: LILLE,
            environment: 'formation',
            version: '2026.2',
            migration: false,
            idempotencyKey: 'mcp-lille-0001',
          });
        expect(own.status).toBe(200);
        expect(own.body.output).toMatchObject({
          name: 'sifac-0597239y-formation',
          created: true,
        });
      });

      it('lets the catalog provider read everything with service credentials', async () => {
        const res = await request(server)
          .get('/api/cloud/tenants')
          .set(
            'Authorization',
            mockCredentials.service.header({
              onBehalfOf: mockCredentials.service('plugin:catalog'),
              targetPluginId: 'cloud',
            }),
          );
        expect(res.status).toBe(200);
        expect(res.body.items).toHaveLength(3);
      });
    });

    describe('day 2', () => {
      const name = 'sifac-0333298f-production';
      const tenantVersion = async () =>
        (
          await request(server)
            .get(`/api/cloud/tenants/${name}`)
            .set('Authorization', as(claire))
        ).body.rowVersion as number;

      it('changes the version within the supported ones', async () => {
        const rowVersion = await tenantVersion();
        const endOfLife = await request(server)
          .post(`/api/cloud/tenants/${name}/version`)
          .set('Authorization', as(claire))
          .send({ version: '2024.1', rowVersion });
        expect(endOfLife.status).toBe(400);
        expect(endOfLife.body.error.message).toContain('version "2024.1"');

        const otherEstablishment = await request(server)
          .post(`/api/cloud/tenants/${name}/version`)
          .set('Authorization', as(julien))
          .send({ version: '2026.1', rowVersion });
        expect(otherEstablishment.status).toBe(404);

        const changed = await request(server)
          .post(`/api/cloud/tenants/${name}/version`)
          .set('Authorization', as(claire))
          .send({ version: '2026.1', rowVersion });
        expect(changed.status).toBe(200);
        expect(changed.body).toMatchObject({
          version: '2026.1',
          rowVersion: rowVersion + 1,
        });

        const stale = await request(server)
          .post(`/api/cloud/tenants/${name}/version`)
          .set('Authorization', as(claire))
          .send({ version: '2026.2', rowVersion });
        expect(stale.status).toBe(409);
        expect(await tenantVersion()).toBe(rowVersion + 1);
      });

      it('decommissions with a reason, once', async () => {
        const lille = 'siham-0597239y-preproduction';
        const detail = await request(server)
          .get(`/api/cloud/tenants/${lille}`)
          .set('Authorization', as(julien));
        const withoutReason = await request(server)
          .post(`/api/cloud/tenants/${lille}/decommission`)
          .set('Authorization', as(julien))
          .send({ rowVersion: detail.body.rowVersion });
        expect(withoutReason.status).toBe(400);
        expect(withoutReason.body.error.message).toContain('reason');

        const done = await request(server)
          .post(`/api/cloud/tenants/${lille}/decommission`)
          .set('Authorization', as(julien))
          .send({
            reason: 'Projet abandonné',
            rowVersion: detail.body.rowVersion,
          });
        expect(done.status).toBe(200);
        expect(done.body).toMatchObject({
          status: 'decommissioned',
          decommissioned: true,
        });

        const again = await request(server)
          .post(`/api/cloud/tenants/${lille}/decommission`)
          .set('Authorization', as(julien))
          .send({ reason: 'Encore', rowVersion: done.body.rowVersion });
        expect(again.status).toBe(409);
      });

      it('gives adoption counts, without names, to every signed-in user', async () => {
        const res = await request(server)
          .get('/api/cloud/reports/adoption-summary')
          .set('Authorization', as(julien));
        expect(res.status).toBe(200);
        expect(
          res.body.applications.find((a: any) => a.application === 'sifac'),
        ).toEqual({
          application: 'sifac',
          title: 'SIFAC',
          live: 0,
          inProgress: 2,
          notStarted: 0,
          total: 2,
        });
        expect(JSON.stringify(res.body)).not.toContain('etab-');
      });
    });

    describe('restart', () => {
      it('loses nothing when the backend restarts between two steps', async () => {
        const name = 'sifac-0333298f-production';
        const before = await request(server)
          .get(`/api/cloud/tenants/${name}`)
          .set('Authorization', as(claire));
        await backend.stop();
        backend = await startBackend(knex);
        const after = await request(server)
          .get(`/api/cloud/tenants/${name}`)
          .set('Authorization', as(claire));
        expect(after.status).toBe(200);
        expect(after.body).toEqual(before.body);

        const identity = after.body.steps.find((s: any) => s.id === 'identity');
        const completed = await request(server)
          .post(`/api/cloud/tenants/${name}/steps/identity`)
          .set('Authorization', as(claire))
          .send({ action: 'complete', rowVersion: identity.rowVersion });
        expect(completed.status).toBe(200);
        expect(
          completed.body.steps.find((s: any) => s.id === 'identity').status,
        ).toBe('done');
      });
    });

    it('serves its OpenAPI document', async () => {
      const res = await request(backend.server).get('/api/cloud/openapi.json');
      expect(res.status).toBe(200);
      expect(Object.keys(res.body.paths)).toContain(
        '/api/cloud/tenants/{name}/steps/{stepId}',
      );
    });
  },
);
