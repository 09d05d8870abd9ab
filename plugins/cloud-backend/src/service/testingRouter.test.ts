import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  as,
  claire,
  marc,
  sophie,
  startBackend,
} from './__testUtils__/testBackend';

jest.setTimeout(120_000);

describe('the movable clock of the browser tests', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('is absent unless configured', async () => {
    const backend = await startBackend(await databases.init('SQLITE_3'));
    try {
      const res = await request(backend.server)
        .put('/api/cloud/testing/clock')
        .set('Authorization', as(marc))
        .send({ now: '2030-01-01T00:00:00Z' });
      expect(res.status).toBe(404);
    } finally {
      await backend.stop();
    }
  });

  it('moves forward for an administrator only, and never backwards', async () => {
    const backend = await startBackend(await databases.init('SQLITE_3'), [], {
      cloud: { testing: { movableClock: true } },
    });
    try {
      const put = (who: string, now: unknown) =>
        request(backend.server)
          .put('/api/cloud/testing/clock')
          .set('Authorization', as(who))
          .send({ now });
      for (const who of [claire, sophie]) {
        const refused = await put(who, '2030-01-01T00:00:00Z');
        expect(refused.status).toBe(403);
        expect(refused.body.error.message).toBe(
          'only an administrator may move the clock',
        );
      }
      const malformed = await put(marc, 'tomorrow');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toBe(
        'now must be an ISO 8601 date-time',
      );
      const before = await request(backend.server)
        .get('/api/cloud/testing/clock')
        .set('Authorization', as(claire));
      expect(Date.parse(before.body.now)).toBeLessThan(
        Date.parse('2030-01-01T00:00:00Z'),
      );

      const moved = await put(marc, '2030-01-01T00:00:00Z');
      expect(moved.status).toBe(200);
      expect(Date.parse(moved.body.now)).toBeGreaterThanOrEqual(
        Date.parse('2030-01-01T00:00:00Z'),
      );
      const backwards = await put(marc, '2029-01-01T00:00:00Z');
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.message).toMatch(
        /^the clock can only move forward, it is already at 2030-01-01T/,
      );
    } finally {
      await backend.stop();
    }
  });
});
