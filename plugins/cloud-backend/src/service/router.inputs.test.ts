/* eslint no-script-url: "off" -- the addresses refused are the point */
/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "refused"] }] */
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import {
  as,
  body,
  claire,
  julien,
  LILLE,
  snapshotTables,
  sophie,
  startBackend,
} from './__testUtils__/testBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const cursorOf = (value: unknown) =>
  Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

const UUID = '7f1b6a47-2a5b-4f1f-9d2a-0c8f3f2f0001';

describe.each(databases.eachSupportedId())(
  'cloud REST API inputs and faults on %s',
  databaseId => {
    let knex: Knex;
    let backend: Awaited<ReturnType<typeof startBackend>>;
    let server: any;
    const tenant = 'sifac-0333298f-production';
    let tenantVersion = 0;

    const read = async () =>
      (
        await request(server)
          .get(`/api/cloud/tenants/${tenant}`)
          .set('Authorization', as(sophie))
      ).body;

    const nodeEnv = process.env.NODE_ENV;

    beforeAll(async () => {
      knex = await databases.init(databaseId as TestDatabaseId);
      // as in the production image: Backstage's error middleware decides
      // on stack traces when the backend starts
      process.env.NODE_ENV = 'production';
      backend = await startBackend(knex);
      process.env.NODE_ENV = nodeEnv;
      server = backend.server;
      const created = await request(server)
        .post('/api/cloud/requests')
        .set('Authorization', as(claire))
        .send(body());
      if (created.status !== 201) {
        throw new Error(`setup request failed: ${created.text}`);
      }
      tenantVersion = created.body.tenant.rowVersion;
    });

    afterAll(async () => {
      await backend?.stop();
    });

    /** Sends, then checks the status, the message and that nothing changed. */
    async function refused(
      send: () => request.Test,
      status: number,
      message: string | RegExp,
    ) {
      const before = await snapshotTables(knex);
      const res = await send();
      expect({ status: res.status, body: res.body }).toMatchObject({
        status,
        body: { error: { message: expect.stringMatching(message) } },
      });
      expect(await snapshotTables(knex)).toEqual(before);
      return res;
    }

    describe('control characters in text', () => {
      const qualification = async () =>
        (await read()).steps.find((s: any) => s.id === 'qualification');

      it.each([
        ['NUL', '\u0000'],
        ['BEL', '\u0007'],
        ['ESC', '\u001b'],
        ['DEL', '\u007f'],
        ['a right-to-left override', '\u202e'],
      ])(
        'refuses %s in every text with a 400 naming the field',
        async (_, c) => {
          const text = `avant${c}après`;
          await refused(
            () =>
              request(server)
                .post(`/api/cloud/tenants/${tenant}/comments`)
                .set('Authorization', as(claire))
                .send({ comment: text }),
            400,
            /^invalid request: comment must not contain control characters/,
          );
          const step = await qualification();
          await refused(
            () =>
              request(server)
                .post(`/api/cloud/tenants/${tenant}/steps/qualification`)
                .set('Authorization', as(sophie))
                .send({
                  action: 'block',
                  reason: text,
                  rowVersion: step.rowVersion,
                }),
            400,
            /^invalid request: reason must not contain control characters/,
          );
          await refused(
            () =>
              request(server)
                .post(`/api/cloud/tenants/${tenant}/decision`)
                .set('Authorization', as(sophie))
                .send({
                  decision: 'reject',
                  reason: text,
                  rowVersion: step.rowVersion,
                }),
            400,
            /^invalid request: reason must not contain/,
          );
          await refused(
            () =>
              request(server)
                .post(`/api/cloud/tenants/${tenant}/decommission`)
                .set('Authorization', as(sophie))
                .send({ reason: text, rowVersion: tenantVersion }),
            400,
            /^invalid request: reason must not contain/,
          );
          await refused(
            () =>
              request(server)
                .post('/api/cloud/requests')
                .set('Authorization', as(julien))
                .send(
                  body({
                    uai: LILLE,
                    request: { migration: true, comment: text },
                  }),
                ),
            400,
            /^invalid request: request\.comment must not contain/,
          );
          await refused(
            () =>
              request(server)
                .post('/api/cloud/requests')
                .set('Authorization', as(julien))
                .send(
                  body({
                    uai: LILLE,
                    request: {
                      migration: true,
                      contacts: [{ name: text, email: 'a@univ-lille.fr' }],
                    },
                  }),
                ),
            400,
            /^invalid request: request\.contacts\.0\.name must be one line/,
          );
          await refused(
            () =>
              request(server)
                .post(`/api/cloud/tenants/${tenant}/version`)
                .set('Authorization', as(sophie))
                .send({ version: `2026.1${c}`, rowVersion: tenantVersion }),
            400,
            /^invalid request: version must be one line/,
          );
        },
      );

      it('keeps line breaks and right-to-left letters in comments', async () => {
        const res = await request(server)
          .post(`/api/cloud/tenants/${tenant}/comments`)
          .set('Authorization', as(claire))
          .send({ comment: 'ligne 1\r\nligne 2\tמערכת عربي' });
        expect(res.status).toBe(201);
        expect(res.body.comment).toBe('ligne 1\r\nligne 2\tמערכת عربي');
      });
    });

    describe('list cursors', () => {
      it.each([
        ['garbage base64', '!!!not-base64!!!'],
        ['base64 that is not JSON', Buffer.from('hello').toString('base64url')],
        ['another order', cursorOf({ o: 'createdAt:asc', v: 'x', id: UUID })],
        ['a non-UUID id', cursorOf({ o: 'name:asc', v: 'a', id: "1' OR 1=1" })],
        [
          'a NUL in the value',
          cursorOf({ o: 'name:asc', v: 'a\u0000', id: UUID }),
        ],
        ['an invalid date', 'INVALID_DATE'],
        ['a number as id', cursorOf({ o: 'name:asc', v: 'a', id: 42 })],
      ])('refuses a cursor with %s: 400 naming cursor', async (_, cursor) => {
        const forged =
          cursor === 'INVALID_DATE'
            ? cursorOf({ o: 'createdAt:asc', v: 'not-a-date', id: UUID })
            : cursor;
        const res = await refused(
          () =>
            request(server)
              .get('/api/cloud/tenants')
              .query({
                cursor: forged,
                ...(cursor === 'INVALID_DATE' ? { orderBy: 'createdAt' } : {}),
              })
              .set('Authorization', as(sophie)),
          400,
          /cursor/,
        );
        expect(res.body.error.message).toMatch(
          /^(invalid request: )?cursor is not a cursor of this list/,
        );
      });

      it('still follows a real cursor', async () => {
        await request(server)
          .post('/api/cloud/requests')
          .set('Authorization', as(claire))
          .send(body({ environment: 'formation' }));
        const first = await request(server)
          .get('/api/cloud/tenants')
          .query({ limit: '1', orderBy: 'createdAt' })
          .set('Authorization', as(sophie));
        expect(first.body.nextCursor).toBeDefined();
        const second = await request(server)
          .get('/api/cloud/tenants')
          .query({
            limit: '1',
            orderBy: 'createdAt',
            cursor: first.body.nextCursor,
          })
          .set('Authorization', as(sophie));
        expect(second.status).toBe(200);
        expect(second.body.items[0].name).not.toBe(first.body.items[0].name);
      });
    });

    describe('addresses', () => {
      it.each([
        ['url', { url: 'javascript:alert(1)' }, 'url must be an http'],
        ['url', { url: 'data:text/html,<b>x</b>' }, 'url must be an http'],
        ['url', { url: 'ftp://files.u-bordeaux.fr/' }, 'url must be an http'],
        [
          'sso.idpEntityId',
          { sso: { protocol: 'saml', idpEntityId: 'javascript:alert(1)' } },
          'sso.idpEntityId must be an entity ID',
        ],
        [
          'sso.idpEntityId',
          { sso: { protocol: 'saml', idpEntityId: 'file:///etc/passwd' } },
          'sso.idpEntityId must be an entity ID',
        ],
      ])('refuses a non-http(s) %s', async (_, override, message) => {
        await refused(
          () =>
            request(server)
              .post('/api/cloud/requests')
              .set('Authorization', as(julien))
              .send(body({ uai: LILLE, ...override })),
          400,
          message,
        );
      });

      it('accepts an http(s) address and a URN entity ID', async () => {
        const res = await request(server)
          .post('/api/cloud/requests')
          .set('Authorization', as(julien))
          .send(
            body({
              uai: LILLE,
              url: 'https://sifac.univ-lille.fr/',
              sso: {
                protocol: 'saml',
                idpEntityId: 'urn:mace:cru.fr:federation:univ-lille.fr',
              },
            }),
          );
        expect(res.status).toBe(201);
        expect(res.body.tenant.ssoIdpEntityId).toBe(
          'urn:mace:cru.fr:federation:univ-lille.fr',
        );
      });
    });

    describe('idempotency', () => {
      it('returns the winner to every parallel request with the same key', async () => {
        const payload = {
          ...body({ environment: 'preproduction' }),
          idempotencyKey: 'parallel-key-0001',
        };
        const answers = await Promise.all(
          Array.from({ length: 8 }, () =>
            request(server)
              .post('/api/cloud/requests')
              .set('Authorization', as(claire))
              .send(payload),
          ),
        );
        const statuses = answers.map(a => a.status).sort();
        expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
        expect(new Set(answers.map(a => a.body.tenant.id)).size).toBe(1);
        const rows = await knex('cloud_tenants').where({
          idempotency_key: 'parallel-key-0001',
        });
        expect(rows).toHaveLength(1);
      });

      it('refuses the same key with a different request, naming what differs', async () => {
        await refused(
          () =>
            request(server)
              .post('/api/cloud/requests')
              .set('Authorization', as(claire))
              .send({
                ...body({
                  environment: 'preproduction',
                  version: '2026.1',
                  request: { migration: false },
                }),
                idempotencyKey: 'parallel-key-0001',
              }),
          409,
          /idempotency key "parallel-key-0001" was already used for another request .*: version, request differ/,
        );
      });
    });

    describe('numbers and versions', () => {
      it('refuses paidEur above grantedEur', async () => {
        const funding = (await read()).funding;
        await refused(
          () =>
            request(server)
              .put(`/api/cloud/tenants/${tenant}/funding`)
              .set('Authorization', as(sophie))
              .send({
                grantedEur: 1000,
                paidEur: 1500,
                rowVersion: funding.rowVersion,
              }),
          400,
          /^paidEur \(1500\) may not exceed grantedEur \(1000\)/,
        );
      });

      it('names rowVersion, never expectedVersion', async () => {
        const res = await refused(
          () =>
            request(server)
              .post(`/api/cloud/tenants/${tenant}/version`)
              .set('Authorization', as(sophie))
              .send({ version: '2026.1', rowVersion: 1e20 }),
          400,
          /rowVersion/,
        );
        expect(res.body.error.message).not.toContain('expectedVersion');
      });
    });

    describe('bodies', () => {
      it('answers 413 to an oversized body', async () => {
        await refused(
          () =>
            request(server)
              .post(`/api/cloud/tenants/${tenant}/comments`)
              .set('Authorization', as(claire))
              .set('Content-Type', 'application/json')
              .send(JSON.stringify({ comment: 'x'.repeat(2 * 1024 * 1024) })),
          413,
          /^request body is larger than 100kb/,
        );
      });

      it('answers 415 to a body that is not JSON', async () => {
        await refused(
          () =>
            request(server)
              .post(`/api/cloud/tenants/${tenant}/comments`)
              .set('Authorization', as(claire))
              .set('Content-Type', 'text/plain')
              .send('{"comment":"hello"}'),
          415,
          /^request body must be JSON \(Content-Type: application\/json\), not text\/plain/,
        );
      });
    });

    describe('unexpected errors', () => {
      it('answer a fixed 500 without SQL, stack or host', async () => {
        await knex.schema.renameTable('cloud_training', 'cloud_training_away');
        try {
          const res = await request(server)
            .get(`/api/cloud/tenants/${tenant}`)
            .set('Authorization', as(sophie));
          expect(res.status).toBe(500);
          expect(res.body.error).toEqual({
            name: 'Error',
            message:
              'The onboarding service met an unexpected error; nothing was changed and the error was logged',
          });
          expect(res.text).not.toMatch(/cloud_training|select|stack|at /i);
        } finally {
          await knex.schema.renameTable(
            'cloud_training_away',
            'cloud_training',
          );
        }
        const again = await request(server)
          .get(`/api/cloud/tenants/${tenant}`)
          .set('Authorization', as(sophie));
        expect(again.status).toBe(200);
      });
    });

    describe('dry-run of a request', () => {
      it('checks everything, permission included, and writes nothing', async () => {
        const before = await snapshotTables(knex);
        const res = await request(server)
          .post('/api/cloud/requests?dryRun=true')
          .set('Authorization', as(julien))
          .send(body({ uai: LILLE, environment: 'formation' }));
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          dryRun: true,
          created: false,
          name: 'sifac-0597239y-formation',
          establishment: 'etab-0597239y',
          exists: false,
        });
        expect(await snapshotTables(knex)).toEqual(before);

        await refused(
          () =>
            request(server)
              .post('/api/cloud/requests?dryRun=true')
              .set('Authorization', as(julien))
              .send(body()),
          403,
          /you may only request instances for your own establishment, not for "etab-0333298f"/,
        );
        const existing = await request(server)
          .post('/api/cloud/requests?dryRun=true')
          .set('Authorization', as(claire))
          .send(body());
        expect(existing.status).toBe(200);
        expect(existing.body).toMatchObject({
          name: 'sifac-0333298f-production',
          exists: true,
        });
      });
    });
  },
);
