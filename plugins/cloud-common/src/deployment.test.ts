import fs from 'node:fs';
import path from 'node:path';
import { isDeploymentActor, parseDeploymentNotification } from './deployment';

const fixtures = path.join(__dirname, '__fixtures__/argocd');
const recorded = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(fixtures, `${name}.json`), 'utf8'));
const REVISION = '3f9c1d2e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e';

describe('parseDeploymentNotification', () => {
  it('reads the recorded notifications of each state', () => {
    expect(
      [
        'synced-healthy',
        'progressing',
        'out-of-sync',
        'degraded',
        'missing',
      ].map(name => parseDeploymentNotification(recorded(name))),
    ).toEqual([
      {
        ok: true,
        notification: {
          app: 'sifac-0333298f-production',
          syncStatus: 'Synced',
          healthStatus: 'Healthy',
          revision: REVISION,
          url: 'https://sifac-0333298f.cloud.amue.fr/',
          message: null,
        },
      },
      {
        ok: true,
        notification: expect.objectContaining({
          healthStatus: 'Progressing',
          message:
            'Waiting for rollout to finish: 1 of 2 updated replicas are available...',
        }),
      },
      {
        ok: true,
        notification: expect.objectContaining({
          syncStatus: 'OutOfSync',
          url: null,
        }),
      },
      {
        ok: true,
        notification: expect.objectContaining({
          healthStatus: 'Degraded',
          message: 'Deployment "sifac" exceeded its progress deadline',
        }),
      },
      {
        ok: true,
        notification: expect.objectContaining({
          healthStatus: 'Missing',
          revision: null,
        }),
      },
    ]);
  });

  it.each([
    [null, 'the payload is not a JSON object'],
    [[], 'the payload is not a JSON object'],
    [
      { app: 'Sifac_0333298F' },
      'app must be an application name (lowercase, digits, hyphens)',
    ],
    [
      { app: 'x', syncStatus: 'synced' },
      'syncStatus must be one of Synced, OutOfSync, Unknown',
    ],
    [
      { app: 'x', syncStatus: 'Synced', healthStatus: 'Fine' },
      'healthStatus must be one of Healthy, Progressing, Degraded, Suspended, Missing, Unknown',
    ],
    [
      {
        app: 'x',
        syncStatus: 'Synced',
        healthStatus: 'Healthy',
        revision: 'main',
      },
      'revision must be a commit hash (7 to 64 hexadecimal digits)',
    ],
    [
      {
        app: 'x',
        syncStatus: 'Synced',
        healthStatus: 'Healthy',
        revision: REVISION,
        message: 3,
      },
      'message must be a string',
    ],
  ])('refuses %j', (body, problem) => {
    expect(parseDeploymentNotification(body)).toEqual({ ok: false, problem });
  });

  it('keeps the first http(s) external URL only, and an uppercase revision in lowercase', () => {
    const parsed = parseDeploymentNotification({
      ...recorded('synced-healthy'),
      revision: REVISION.toUpperCase(),
      externalURLs: ['mailto:ops@amue.fr', 'ftp://x', 'http://a.example/'],
    });
    expect(parsed).toMatchObject({
      ok: true,
      notification: { revision: REVISION, url: 'http://a.example/' },
    });
  });
});

describe('isDeploymentActor', () => {
  it('tells the deployment from users', () => {
    expect(
      ['deployment:argocd', 'user:default/claire.dubois', '', undefined].map(
        isDeploymentActor,
      ),
    ).toEqual([true, false, false, false]);
  });
});
