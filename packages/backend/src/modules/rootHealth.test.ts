import cloudPlugin from '@amue/plugin-cloud-backend';
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { rootHealthServiceFactory } from './rootHealth';

/*
 * A database outage, for real: the backend runs on a throwaway PostgreSQL
 * cluster of its own (scripts/lib.sh), which the test stops. While it is
 * down, the cloud API answers 503 with a fixed message (no host, no port,
 * no stack, NODE_ENV=production as in the image) and readiness reports the
 * database.
 */

jest.setTimeout(180_000);

const REPO_ROOT = path.resolve(__dirname, '../../../..');

interface Cluster {
  url: string;
  dir: string;
  bin: string;
  port: string;
}

function asPostgres(command: string) {
  const [file, args] =
    process.getuid?.() === 0
      ? ['su', ['postgres', '-s', '/bin/sh', '-c', command]]
      : ['sh', ['-c', command]];
  execFileSync(file, args as string[], { stdio: 'ignore' });
}

function startCluster(): Cluster {
  const out = execFileSync(
    'bash',
    [
      '-c',
      'source scripts/lib.sh && start_throwaway_postgres 2>/dev/null && printf "%s\\n%s\\n%s\\n%s\\n" "$PG_URL" "$PG_DIR" "$PG_BIN" "$PG_PORT"',
    ],
    { cwd: REPO_ROOT },
  )
    .toString()
    .trim()
    .split('\n');
  const [url, dir, bin, port] = out.slice(-4);
  return { url, dir, bin, port };
}

function stopCluster(cluster: Cluster) {
  asPostgres(
    `'${cluster.bin}/pg_ctl' -D '${cluster.dir}/data' -m immediate stop`,
  );
}

describe('database outage', () => {
  let cluster: Cluster;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  const nodeEnv = process.env.NODE_ENV;

  beforeAll(async () => {
    cluster = startCluster();
    process.env.NODE_ENV = 'production';
    backend = await startTestBackend({
      features: [
        cloudPlugin,
        databaseServiceFactory,
        rootHealthServiceFactory,
        actionsRegistryServiceFactory,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            backend: {
              database: { client: 'pg', connection: cluster.url },
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    process.env.NODE_ENV = nodeEnv;
    await backend?.stop().catch(() => undefined);
    try {
      stopCluster(cluster);
    } catch {
      // stopped by the test
    }
    fs.rmSync(cluster.dir, { recursive: true, force: true });
  });

  it('answers 503 without details, and readiness says why', async () => {
    const user = mockCredentials.user.header('user:default/marc.petit');
    const list = () =>
      request(backend.server)
        .get('/api/cloud/tenants')
        .set('Authorization', user);
    const readiness = () =>
      request(backend.server).get('/.backstage/health/v1/readiness');

    expect((await list()).status).toBe(200);
    expect(await readiness()).toMatchObject({
      status: 200,
      body: { status: 'ok', database: 'ok' },
    });

    stopCluster(cluster);

    const down = await list();
    expect(down.status).toBe(503);
    expect(down.body.error).toEqual({
      name: 'ServiceUnavailableError',
      message:
        'The onboarding service is temporarily unavailable (its database does not answer); nothing was changed, try again in a few minutes',
    });
    const comment = await request(backend.server)
      .post('/api/cloud/tenants/sifac-0333298f-production/comments')
      .set('Authorization', user)
      .send({ comment: 'hello' });
    expect(comment.status).toBe(503);
    for (const res of [down, comment]) {
      expect(res.text).not.toContain(cluster.port);
      expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack|at /);
    }

    // wait past the readiness cache
    await new Promise(resolve => setTimeout(resolve, 1_100));
    const notReady = await readiness();
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ database: 'unavailable' });
    expect(notReady.text).not.toContain(cluster.port);

    // liveness stays up: restarting would not bring the database back
    expect(
      (await request(backend.server).get('/.backstage/health/v1/liveness'))
        .status,
    ).toBe(200);
  });
});
