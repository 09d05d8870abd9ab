import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import {
  as,
  body,
  claire,
  julien,
  snapshotTables,
  sophie,
  startBackend,
} from './__testUtils__/testBackend';
import {
  BadInput,
  badInputs,
  csvFormulas,
  TENANT,
} from './__fixtures__/bad-inputs';

/*
 * The bad-input corpus (__fixtures__/bad-inputs.ts) against the real
 * plugin: each case gets its status, an error naming the field, and
 * changes no row of any cloud table.
 */

jest.setTimeout(300_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const PERSONAS = { claire, julien, sophie };

function send(server: any, c: BadInput) {
  const method = c.method.toLowerCase() as 'get' | 'post' | 'put';
  let test = request(server)
    [method](`/api/cloud${c.path}`)
    .set('Authorization', as(PERSONAS[c.as]));
  if (c.query) {
    test = test.query(c.query);
  }
  for (const [key, value] of Object.entries(c.headers ?? {})) {
    test = test.set(key, value);
  }
  if (c.rawBody !== undefined) {
    return test
      .set('Content-Type', c.contentType ?? 'application/json')
      .send(c.rawBody);
  }
  return c.body === undefined ? test : test.send(c.body as object);
}

it('holds at least 100 cases, each named once', () => {
  expect(badInputs.length).toBeGreaterThanOrEqual(100);
  expect(new Set(badInputs.map(c => c.name)).size).toBe(badInputs.length);
});

describe.each(databases.eachSupportedId())(
  'bad-input corpus on %s',
  databaseId => {
    let knex: Knex;
    let backend: Awaited<ReturnType<typeof startBackend>>;
    let server: any;
    const results: string[] = [];

    beforeAll(async () => {
      knex = await databases.init(databaseId as TestDatabaseId);
      backend = await startBackend(knex);
      server = backend.server;
      const created = await request(server)
        .post('/api/cloud/requests')
        .set('Authorization', as(claire))
        .send(body());
      if (created.status !== 201 || created.body.tenant.name !== TENANT) {
        throw new Error(`setup request failed: ${created.text}`);
      }
    });

    afterAll(async () => {
      // eslint-disable-next-line no-console
      console.log(
        `bad-input corpus on ${databaseId}: ${badInputs.length} cases, ${
          results.filter(r => r === 'ok').length
        } answered as expected with no row changed`,
      );
      await backend?.stop();
    });

    it.each(badInputs.map(c => [c.name, c]))('%s', async (_, c) => {
      const before = await snapshotTables(knex);
      const res = await send(server, c as BadInput);
      const { status, field } = c as BadInput;
      expect({ status: res.status, message: res.body?.error?.message }).toEqual(
        {
          status,
          message: expect.stringContaining(field),
        },
      );
      expect(res.body.error.stack).toBeUndefined();
      expect(await snapshotTables(knex)).toEqual(before);
      results.push('ok');
    });

    it('neutralises formulas typed in text in every CSV export', async () => {
      const tenant = (
        await request(server)
          .get(`/api/cloud/tenants/${TENANT}`)
          .set('Authorization', as(sophie))
      ).body;
      const qualification = tenant.steps.find(
        (s: any) => s.id === 'qualification',
      );
      const blocked = await request(server)
        .post(`/api/cloud/tenants/${TENANT}/steps/qualification`)
        .set('Authorization', as(sophie))
        .send({
          action: 'block',
          reason: csvFormulas.join(' | '),
          rowVersion: qualification.rowVersion,
        });
      expect(blocked.status).toBe(200);
      for (const formula of csvFormulas) {
        const res = await request(server)
          .post(`/api/cloud/tenants/${TENANT}/comments`)
          .set('Authorization', as(claire))
          .send({ comment: formula });
        expect(res.status).toBe(201);
      }
      const reblock = await request(server)
        .get(`/api/cloud/tenants/${TENANT}`)
        .set('Authorization', as(sophie));
      const step = reblock.body.steps.find(
        (s: any) => s.id === 'qualification',
      );
      await request(server)
        .post(`/api/cloud/tenants/${TENANT}/steps/qualification`)
        .set('Authorization', as(sophie))
        .send({ action: 'unblock', rowVersion: step.rowVersion });
      const again = (
        await request(server)
          .get(`/api/cloud/tenants/${TENANT}`)
          .set('Authorization', as(sophie))
      ).body.steps.find((s: any) => s.id === 'qualification');
      await request(server)
        .post(`/api/cloud/tenants/${TENANT}/steps/qualification`)
        .set('Authorization', as(sophie))
        .send({
          action: 'block',
          reason: csvFormulas[0],
          rowVersion: again.rowVersion,
        });

      const csv = await request(server)
        .get('/api/cloud/reports/blocked')
        .query({ format: 'csv' })
        .set('Authorization', as(sophie));
      expect(csv.status).toBe(200);
      expect(csv.text).toContain(`'=HYPERLINK`);
      const cells = csv.text
        .replace(/^\uFEFF/, '')
        .split(/\r\n/)
        .flatMap(line => line.split(','))
        .map(cell => cell.replace(/^"/, ''));
      expect(cells.filter(cell => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    });
  },
);
