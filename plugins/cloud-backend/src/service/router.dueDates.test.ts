import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import request from 'supertest';
import { specCheckedServer } from './__testUtils__/specCheckedServer';
import {
  as,
  audits,
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
const DAY = 24 * 60 * 60 * 1000;

describe.each(databases.eachSupportedId())(
  'due dates through the cloud REST API on %s',
  databaseId => {
    let knex: Knex;
    let backend: Awaited<ReturnType<typeof startBackend>>;
    let server: any;
    const name = 'sifac-0333298f-production';

    const qualification = async () => {
      const res = await request(server)
        .get(`/api/cloud/tenants/${name}`)
        .set('Authorization', as(marc));
      return res.body.steps.find((s: any) => s.id === 'qualification');
    };
    const move = (who: string, dueDate: unknown, rowVersion: number) =>
      request(server)
        .put(`/api/cloud/tenants/${name}/steps/qualification/due-date`)
        .set('Authorization', as(who))
        .send({
          dueDate,
          reason: 'Convention au prochain conseil',
          rowVersion,
        });

    beforeAll(async () => {
      knex = await databases.init(databaseId as TestDatabaseId);
      backend = await startBackend(knex);
      server = await specCheckedServer(() => backend.server);
      const created = await request(server)
        .post('/api/cloud/requests')
        .set('Authorization', as(claire))
        .send(body());
      if (created.status !== 201) {
        throw new Error(`the request was not created: ${created.text}`);
      }
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('dates the qualification from the application entity target', async () => {
      const step = await qualification();
      const tenant = await request(server)
        .get(`/api/cloud/tenants/${name}`)
        .set('Authorization', as(claire));
      const created = Date.parse(tenant.body.createdAt);
      // the sifac entity of the test catalog sets 4 days
      expect(Date.parse(step.dueDate) - created).toBe(4 * DAY);
    });

    it('lets Amue move a due date with a reason, and nobody else', async () => {
      const step = await qualification();
      const byEstablishment = await move(claire, '2030-01-15', step.rowVersion);
      expect(byEstablishment.status).toBe(403);
      expect(byEstablishment.body.error.message).toBe(
        `only Amue (the owner of application "sifac", the administrators) may set the due dates of tenant "${name}"`,
      );
      const byOtherEstablishment = await move(
        julien,
        '2030-01-15',
        step.rowVersion,
      );
      expect(byOtherEstablishment.status).toBe(404);
      const byOtherTeam = await move(nathalie, '2030-01-15', step.rowVersion);
      expect(byOtherTeam.status).toBe(404);
      expect(await qualification()).toEqual(step);

      const moved = await move(sophie, '2030-01-15', step.rowVersion);
      expect(moved.status).toBe(200);
      expect(
        moved.body.steps.find((s: any) => s.id === 'qualification'),
      ).toMatchObject({
        dueDate: '2030-01-15T22:59:59.999Z',
        rowVersion: step.rowVersion + 1,
      });
      expect(audits.at(-1)).toMatchObject({
        eventId: 'tenant-step-due-date',
        outcome: 'success',
        meta: { tenant: name, step: 'qualification', dueDate: '2030-01-15' },
      });

      const byAdmin = await move(marc, '2030-02-01', step.rowVersion + 1);
      expect(byAdmin.status).toBe(200);
      const timeline = await request(server)
        .get(`/api/cloud/tenants/${name}`)
        .set('Authorization', as(claire));
      expect(
        timeline.body.events
          .filter((e: any) => e.type === 'step.due-date-changed')
          .map((e: any) => [e.actor, e.comment, e.after.dueDate]),
      ).toEqual([
        [sophie, 'Convention au prochain conseil', '2030-01-15T22:59:59.999Z'],
        [marc, 'Convention au prochain conseil', '2030-02-01T22:59:59.999Z'],
      ]);
    });

    it('refuses a date that is not one, or is past, and changes nothing', async () => {
      const step = await qualification();
      for (const [dueDate, message] of [
        [
          '2030-02-30',
          'dueDate "2030-02-30" is not a calendar date YYYY-MM-DD',
        ],
        [
          '2020-01-01',
          'dueDate "2020-01-01" is in the past; choose today or a later day',
        ],
      ]) {
        const res = await move(sophie, dueDate, step.rowVersion);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe(message);
      }
      const malformed = await move(sophie, '15/01/2030', step.rowVersion);
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toMatch(/dueDate/);
      const noReason = await request(server)
        .put(`/api/cloud/tenants/${name}/steps/qualification/due-date`)
        .set('Authorization', as(sophie))
        .send({ dueDate: '2030-03-01', rowVersion: step.rowVersion });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.message).toMatch(/reason/);
      const stale = await move(sophie, '2030-03-01', step.rowVersion - 1);
      expect(stale.status).toBe(409);
      expect(await qualification()).toEqual(step);
    });
  },
);
