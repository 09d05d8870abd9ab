import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import eventsPlugin from '@backstage/plugin-events-backend';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { eventsModuleArgocd } from './module';
import { signPayload } from './signature';

/*
 * Argo CD's notifications through the real HTTP ingress of the events
 * backend: the recorded bodies of each state, signed, are published on the
 * events service (topic argocd); forged ones are refused with an error
 * status, audited as failures, and never published.
 */

const SECRET = 'test-secret-of-the-argocd-webhook-0123456789';
const fixtures = path.join(
  path.dirname(require.resolve('@amue/plugin-cloud-common/package.json')),
  'src/__fixtures__/argocd',
);
const recorded = (name: string) =>
  fs.readFileSync(path.join(fixtures, `${name}.json`));

const audits: Array<{ eventId: string; outcome: string; meta: any }> = [];
const received: Array<{ topic: string; eventPayload: unknown }> = [];

const auditorFactory = createServiceFactory({
  service: coreServices.auditor,
  deps: {},
  factory: () => ({
    async createEvent(options: any) {
      const record = (outcome: string) => async () => {
        audits.push({ eventId: options.eventId, outcome, meta: options.meta });
      };
      return { success: record('success'), fail: record('failure') };
    },
  }),
});

/** One events service for every plugin, heard as the cloud backend does. */
function sharedEvents() {
  const bus = mockServices.events();
  bus.subscribe({
    id: 'listener',
    topics: ['argocd', 'other'],
    async onEvent(event) {
      received.push({ topic: event.topic, eventPayload: event.eventPayload });
    },
  });
  return createServiceFactory({
    service: eventsServiceRef,
    deps: {},
    factory: () => bus,
  });
}

async function start(secret: string | null = SECRET) {
  const { server } = await startTestBackend({
    features: [
      eventsPlugin,
      eventsModuleArgocd,
      sharedEvents(),
      auditorFactory,
      mockServices.rootConfig.factory({
        data: {
          events: {
            http: { topics: ['other'] },
            ...(secret
              ? { modules: { argocd: { webhookSecret: secret } } }
              : {}),
          },
        },
      }),
    ],
  });
  return server;
}

function post(
  server: Parameters<typeof request>[0],
  body: Buffer | string,
  headers: Record<string, string> = {},
) {
  return request(server)
    .post('/api/events/http/argocd')
    .set({ 'content-type': 'application/json', ...headers })
    .send(body.toString());
}

/** Published events arrive asynchronously. */
async function settle() {
  await new Promise(resolve => setTimeout(resolve, 50));
}

beforeEach(() => {
  audits.length = 0;
  received.length = 0;
});

describe('eventsModuleArgocd', () => {
  it.each([
    'synced-healthy',
    'progressing',
    'out-of-sync',
    'degraded',
    'missing',
  ])('accepts the signed recorded notification %s', async name => {
    const server = await start();
    const body = recorded(name);
    const res = await post(server, body, {
      'x-amue-signature': signPayload(body, SECRET),
    });
    expect(res.status).toBe(202);
    await settle();
    expect(received).toEqual([
      { topic: 'argocd', eventPayload: JSON.parse(body.toString('utf8')) },
    ]);
    expect(audits).toEqual([
      expect.objectContaining({
        eventId: 'deployment-notification',
        outcome: 'success',
        meta: expect.objectContaining({
          app: 'sifac-0333298f-production',
        }),
      }),
    ]);
  });

  const body = recorded('synced-healthy');
  const forged: Array<
    [string, Record<string, string>, Buffer, number, string]
  > = [
    ['unsigned', {}, body, 401, 'unsigned'],
    [
      'signed with another secret',
      { 'x-amue-signature': signPayload(body, `${SECRET}-other`) },
      body,
      403,
      'bad signature',
    ],
    [
      'signed, then changed',
      { 'x-amue-signature': signPayload(body, SECRET) },
      Buffer.from(body.toString('utf8').replace('Healthy', 'Degraded')),
      403,
      'bad signature',
    ],
    [
      'with a signature that is not sha256=<hex>',
      { 'x-amue-signature': SECRET },
      body,
      401,
      'malformed signature',
    ],
    [
      'signed, but not JSON',
      { 'x-amue-signature': signPayload('{"app": "sifac', SECRET) },
      Buffer.from('{"app": "sifac'),
      400,
      'the payload is not a JSON object',
    ],
    [
      'signed, without a revision',
      {
        'x-amue-signature': signPayload(
          '{"app":"sifac-0333298f-production","syncStatus":"Synced","healthStatus":"Healthy"}',
          SECRET,
        ),
      },
      Buffer.from(
        '{"app":"sifac-0333298f-production","syncStatus":"Synced","healthStatus":"Healthy"}',
      ),
      400,
      'revision must be a commit hash (7 to 64 hexadecimal digits)',
    ],
  ];

  it.each(forged)(
    'refuses and audits a notification %s',
    async (_what, headers, payload, status, reason) => {
      const server = await start();
      const res = await post(server, payload, headers);
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ error: reason });
      await settle();
      expect(received).toEqual([]);
      expect(audits).toEqual([
        {
          eventId: 'deployment-notification',
          outcome: 'failure',
          meta: { topic: 'argocd', status, reason },
        },
      ]);
    },
  );

  it('refuses every notification when no secret is configured', async () => {
    const server = await start(null);
    const res = await post(server, body, {
      'x-amue-signature': signPayload(body, SECRET),
    });
    expect(res.status).toBe(503);
    await settle();
    expect(received).toEqual([]);
    expect(audits).toEqual([expect.objectContaining({ outcome: 'failure' })]);
  });

  it('refuses to start with a short secret', async () => {
    await expect(start('short')).rejects.toThrow(
      'events.modules.argocd.webhookSecret must be at least 32 characters',
    );
  });

  it('leaves the JSON of other topics to the default rules', async () => {
    const server = await start();
    const ok = await request(server)
      .post('/api/events/http/other')
      .set('content-type', 'application/json')
      .send('{"a":1}');
    expect(ok.status).toBe(202);
    await settle();
    expect(received).toEqual([{ topic: 'other', eventPayload: { a: 1 } }]);
    const bad = await request(server)
      .post('/api/events/http/other')
      .set('content-type', 'application/json')
      .send('{"a":');
    expect(bad.status).toBe(500);
  });
});
