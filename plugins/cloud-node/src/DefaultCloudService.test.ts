import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cloudServiceRef } from './CloudService';
import { DefaultCloudService } from './DefaultCloudService';
import { cloudServiceMock } from './testUtils';

/** A cloud backend answering `status` with `body`, recording requests. */
async function fakeCloud(status: number, body: unknown) {
  const requests: Array<{
    method?: string;
    url?: string;
    authorization?: string;
    body: string;
  }> = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', chunk => (text += chunk));
    req.on('end', () => {
      requests.push({
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        body: text,
      });
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/api/cloud`;
  return {
    requests,
    service: new DefaultCloudService({
      auth: mockServices.auth(),
      discovery: {
        getBaseUrl: async () => baseUrl,
        getExternalBaseUrl: async () => baseUrl,
      },
    }),
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

const claire = mockCredentials.user('user:default/claire.dubois');

describe('DefaultCloudService', () => {
  it('calls the cloud API for the user of the credentials', async () => {
    const cloud = await fakeCloud(200, { name: 'sifac-0333298f-production' });
    await cloud.service.getTenant('sifac-0333298f-production', {
      credentials: claire,
    });
    expect(cloud.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: '/api/cloud/tenants/sifac-0333298f-production',
        authorization: mockCredentials.service.header({
          onBehalfOf: claire,
          targetPluginId: 'cloud',
        }),
      }),
    ]);
    await cloud.close();
  });

  it('throws the Backstage error of a refusal, with the reason', async () => {
    const stale = await fakeCloud(409, {
      error: { name: 'ConflictError', message: 'stale rowVersion' },
      response: { statusCode: 409 },
    });
    await expect(
      stale.service.changeVersion(
        'x',
        { version: '2026.2', rowVersion: 1 },
        { credentials: claire },
      ),
    ).rejects.toThrow(
      new ConflictError(
        'the onboarding service refused POST /tenants/x/version: stale rowVersion',
      ),
    );
    await stale.close();
    const missing = await fakeCloud(404, {
      error: { name: 'NotFoundError', message: 'no tenant x' },
      response: { statusCode: 404 },
    });
    await expect(
      missing.service.getTenant('x', { credentials: claire }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await missing.close();
  });

  it('asks for a dry-run with dryRun=true', async () => {
    const cloud = await fakeCloud(200, {
      dryRun: true,
      created: false,
      name: 'n',
      establishment: 'etab-0333298f',
      exists: false,
    });
    const check = await cloud.service.checkRequest(
      {
        application: 'sifac',
        uai: '0333298F',
        environment: 'production',
        version: '2026.2',
        request: { migration: false },
      },
      { credentials: claire },
    );
    expect(check.exists).toBe(false);
    expect(cloud.requests[0]).toMatchObject({
      method: 'POST',
      url: '/api/cloud/requests?dryRun=true',
    });
    await cloud.close();
  });
});

describe('cloudServiceMock', () => {
  it('stands for the cloud service in a test backend', async () => {
    const getTenant = jest.fn(async (name: string) => ({ name } as any));
    const seen: string[] = [];
    await startTestBackend({
      features: [
        cloudServiceMock.factory({ getTenant }),
        createBackendPlugin({
          pluginId: 'probe',
          register(env) {
            env.registerInit({
              deps: { cloud: cloudServiceRef, auth: coreServices.auth },
              async init({ cloud, auth }) {
                const tenant = await cloud.getTenant('t', {
                  credentials: await auth.getOwnServiceCredentials(),
                });
                seen.push(tenant.name);
              },
            });
          },
        }),
      ],
    });
    expect(seen).toEqual(['t']);
    expect(getTenant).toHaveBeenCalledTimes(1);
  });

  it('refuses a call the test did not mock', async () => {
    await expect(
      cloudServiceMock().decommission(
        'x',
        { reason: 'r', rowVersion: 1 },
        { credentials: claire },
      ),
    ).rejects.toThrow('cloudServiceMock: decommission is not mocked');
  });
});
