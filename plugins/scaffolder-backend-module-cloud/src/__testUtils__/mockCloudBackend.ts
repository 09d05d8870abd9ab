import type { TenantDetails } from '@amue/plugin-cloud-common';
import { tenantName, establishmentGroupName } from '@amue/plugin-cloud-common';
import { DiscoveryService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { DefaultCloudService } from '@amue/plugin-cloud-node';

/** A call the mock cloud backend received. */
export interface ReceivedCall {
  method: string;
  path: string;
  authorization?: string;
  body?: any;
}

/** A tenant of the demo, as the cloud backend answers it. */
export function tenantFixture(
  overrides: Partial<TenantDetails> = {},
): TenantDetails {
  const application = overrides.application ?? 'sifac';
  const uai = overrides.uai ?? '0333298F';
  const environment = overrides.environment ?? 'production';
  return {
    id: '7f1b6a47-2a5b-4f1f-9d2a-0c8f3f2f0001',
    name: tenantName(application, uai, environment),
    application,
    establishment: establishmentGroupName(uai),
    uai,
    environment,
    version: '2026.1',
    status: 'live',
    currentStep: null,
    url: null,
    ssoProtocol: 'saml',
    ssoIdpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
    suspended: false,
    decommissioned: false,
    request: {
      migration: true,
      expectedUsers: 1200,
      contacts: [
        { name: 'Claire Dubois', email: 'claire.dubois@u-bordeaux.fr' },
      ],
    },
    createdBy: 'user:default/claire.dubois',
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    rowVersion: 3,
    steps: [],
    funding: {} as any,
    training: {} as any,
    ...overrides,
  };
}

/**
 * Establishment of the personas, as the cloud backend's policy knows them:
 * a member may only request instances for the own establishment (other
 * callers, such as the test utilities' default user, may request any).
 */
export const MEMBERS: Record<string, string> = {
  'user:default/claire.dubois': 'etab-0333298f',
  'user:default/julien.lefebvre': 'etab-0597239y',
};

/** The user a mock plugin request token was issued for. */
function callerOf(authorization: string | undefined): string | undefined {
  const prefix = 'Bearer mock-service-token:';
  if (!authorization?.startsWith(prefix)) {
    return undefined;
  }
  try {
    return JSON.parse(authorization.slice(prefix.length)).obo;
  } catch {
    return undefined;
  }
}

/**
 * A small HTTP server standing for the cloud backend's REST API (the
 * contract of /api/cloud), keeping its tenants in memory and recording
 * every call.
 */
export async function startMockCloudBackend(initial: TenantDetails[] = []) {
  const tenants = new Map(initial.map(t => [t.name, { ...t }]));
  const keys = new Map<string, string>();
  const calls: ReceivedCall[] = [];
  let failNext: { status: number; message: string } | undefined;

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', chunk => {
      raw += chunk;
    });
    req.on('end', () => {
      const body = raw ? JSON.parse(raw) : undefined;
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname.replace(/^\/api\/cloud/, '');
      const dryRun = url.searchParams.get('dryRun') === 'true';
      calls.push({
        method: req.method!,
        path: dryRun ? `${path}?dryRun=true` : path,
        authorization: req.headers.authorization,
        body,
      });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      const error = (status: number, name: string, message: string) =>
        send(status, {
          error: { name, message },
          response: { statusCode: status },
        });
      if (failNext) {
        const { status, message } = failNext;
        failNext = undefined;
        error(status, 'InputError', message);
        return;
      }
      if (req.method === 'POST' && path === '/requests') {
        const name = tenantName(body.application, body.uai, body.environment);
        const establishment = establishmentGroupName(body.uai);
        const own = MEMBERS[callerOf(req.headers.authorization) ?? ''];
        if (own && own !== establishment) {
          error(
            403,
            'NotAllowedError',
            `you may only request instances for your own establishment, not for "${establishment}"`,
          );
          return;
        }
        if (dryRun) {
          send(200, {
            dryRun: true,
            created: false,
            name,
            establishment,
            exists: tenants.has(name),
          });
          return;
        }
        const known = body.idempotencyKey && keys.get(body.idempotencyKey);
        if (known) {
          send(200, { tenant: tenants.get(known), created: false });
          return;
        }
        if (tenants.has(name)) {
          error(409, 'ConflictError', `tenant "${name}" already exists`);
          return;
        }
        const tenant = tenantFixture({
          application: body.application,
          uai: body.uai,
          environment: body.environment,
          version: body.version,
          status: 'requested',
          currentStep: 'qualification' as any,
          ssoIdpEntityId: body.sso?.idpEntityId ?? null,
          request: body.request,
          rowVersion: 1,
        });
        tenants.set(name, tenant);
        if (body.idempotencyKey) {
          keys.set(body.idempotencyKey, name);
        }
        send(201, { tenant, created: true });
        return;
      }
      const match = /^\/tenants\/([^/]+)(?:\/(version|decommission))?$/.exec(
        path,
      );
      const tenant = match && tenants.get(decodeURIComponent(match[1]));
      if (!match || !tenant) {
        error(404, 'NotFoundError', `tenant "${match?.[1]}" was not found`);
        return;
      }
      if (req.method === 'GET' && !match[2]) {
        send(200, { ...tenant, events: [] });
        return;
      }
      if (req.method === 'POST' && match[2]) {
        if (body.rowVersion !== tenant.rowVersion) {
          error(409, 'ConflictError', 'stale rowVersion');
          return;
        }
        if (match[2] === 'version') {
          tenant.version = body.version;
        } else {
          tenant.decommissioned = true;
          tenant.status = 'decommissioned';
        }
        tenant.rowVersion += 1;
        send(200, tenant);
        return;
      }
      error(405, 'InputError', 'unexpected call');
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/api/cloud`;
  const discovery: DiscoveryService = {
    getBaseUrl: async () => baseUrl,
    getExternalBaseUrl: async () => baseUrl,
  };
  return {
    baseUrl,
    discovery,
    calls,
    tenants,
    client: new DefaultCloudService({ auth: mockServices.auth(), discovery }),
    /** The next call fails with this status and message. */
    failNextWith(status: number, message: string) {
      failNext = { status, message };
    },
    /** Calls that change something (POST, dry-runs excepted). */
    writes: () =>
      calls.filter(
        c => c.method === 'POST' && !c.path.endsWith('?dryRun=true'),
      ),
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
