import { ConfigReader } from '@backstage/config';
import express from 'express';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import {
  AdmissionOptions,
  createAdmissionMiddleware,
  DEFAULT_ADMISSION,
  EventLoopLag,
  isExempt,
  readAdmissionOptions,
  StandingQueue,
  WINDOW_MS,
} from './admission';

/*
 * Admission control through real HTTP: an express app with the middleware
 * and routes that stay open until the test releases them, so that the
 * number of requests in flight is exactly what the test says.
 */

interface Harness {
  url: string;
  release(): void;
  inFlight(): number;
  close(): Promise<void>;
}

async function start(
  settings: Partial<AdmissionOptions>,
  lagMs: () => number = () => 0,
  standing: () => boolean = () => false,
): Promise<Harness> {
  const waiting: Array<() => void> = [];
  const app = express();
  const admission = createAdmissionMiddleware({
    settings: { ...DEFAULT_ADMISSION, ...settings },
    lag: { lagMs },
    queue: { finished: () => undefined, isStanding: standing },
  });
  app.use(admission);
  const hold = (_req: express.Request, res: express.Response) => {
    waiting.push(() => res.json({ ok: true }));
  };
  app.get('/api/cloud/tenants', hold);
  app.get('/api/events/bus/v1/subscriptions/x/events', hold);
  app.get('/.backstage/health/v1/readiness', hold);
  app.get('/index.html', hold);
  const server = http.createServer(app);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    release: () => waiting.splice(0).forEach(answer => answer()),
    inFlight: () => admission.inFlight(),
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const get = (url: string, token = 'claire') =>
  fetch(url, { headers: { authorization: `Bearer ${token}` } });

async function until(condition: () => boolean) {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met within 5 s');
    }
    await new Promise(resolve => setTimeout(resolve, 5));
  }
}

describe('admission control', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    harness?.release();
    await harness?.close();
    harness = undefined;
  });

  it('refuses a request beyond the in-flight limit at once, with 503 and Retry-After, and admits again once requests finish', async () => {
    harness = await start({ maxInFlight: 3, maxInFlightPerClient: 10 });
    const h = harness;
    const admitted = ['a', 'b', 'c'].map(t =>
      get(`${h.url}/api/cloud/tenants`, t),
    );
    await until(() => h.inFlight() === 3);

    const refused = await get(`${h.url}/api/cloud/tenants`, 'd');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe(
      String(DEFAULT_ADMISSION.retryAfterSeconds),
    );
    const body = await refused.json();
    expect(body.error).toEqual({
      name: 'ServiceUnavailableError',
      message: `The portal is busy; try again in ${DEFAULT_ADMISSION.retryAfterSeconds} seconds.`,
    });
    expect(body.response).toEqual({ statusCode: 503 });
    expect(h.inFlight()).toBe(3);

    h.release();
    const answers = await Promise.all(admitted);
    expect(answers.map(r => r.status)).toEqual([200, 200, 200]);
    await until(() => h.inFlight() === 0);

    const again = get(`${h.url}/api/cloud/tenants`, 'd');
    await until(() => h.inFlight() === 1);
    h.release();
    expect((await again).status).toBe(200);
  });

  it('keeps one client from taking every slot: its next request is refused, another client is admitted', async () => {
    harness = await start({ maxInFlight: 10, maxInFlightPerClient: 2 });
    const h = harness;
    const mine = [
      get(`${h.url}/api/cloud/tenants`),
      get(`${h.url}/api/cloud/tenants`),
    ];
    await until(() => h.inFlight() === 2);

    expect((await get(`${h.url}/api/cloud/tenants`)).status).toBe(503);
    const other = get(`${h.url}/api/cloud/tenants`, 'julien');
    await until(() => h.inFlight() === 3);
    h.release();
    expect((await other).status).toBe(200);
    expect((await Promise.all(mine)).map(r => r.status)).toEqual([200, 200]);
  });

  it('counts clients without a token by address', async () => {
    harness = await start({ maxInFlight: 10, maxInFlightPerClient: 1 });
    const h = harness;
    const first = fetch(`${h.url}/api/cloud/tenants`);
    await until(() => h.inFlight() === 1);
    expect((await fetch(`${h.url}/api/cloud/tenants`)).status).toBe(503);
    h.release();
    expect((await first).status).toBe(200);
  });

  it('refuses on a late event loop only while enough requests are in flight', async () => {
    let lag = 500;
    harness = await start(
      {
        maxInFlight: 10,
        maxInFlightPerClient: 10,
        maxEventLoopDelayMs: 200,
        minInFlightForDelay: 2,
      },
      () => lag,
    );
    const h = harness;
    // a late loop with fewer requests than the minimum: background work, admitted
    const first = get(`${h.url}/api/cloud/tenants`, 'a');
    const second = get(`${h.url}/api/cloud/tenants`, 'b');
    await until(() => h.inFlight() === 2);
    // now saturated by requests: refused
    expect((await get(`${h.url}/api/cloud/tenants`, 'c')).status).toBe(503);
    // the loop on time again: admitted
    lag = 10;
    const third = get(`${h.url}/api/cloud/tenants`, 'c');
    await until(() => h.inFlight() === 3);
    h.release();
    expect(
      (await Promise.all([first, second, third])).map(r => r.status),
    ).toEqual([200, 200, 200]);
  });

  it('refuses while a queue stands, only with enough requests in flight', async () => {
    let standing = true;
    harness = await start(
      { maxInFlight: 10, maxInFlightPerClient: 10, minInFlightForDelay: 1 },
      () => 0,
      () => standing,
    );
    const h = harness;
    // nothing in flight: admitted whatever the verdict
    const first = get(`${h.url}/api/cloud/tenants`, 'a');
    await until(() => h.inFlight() === 1);
    expect((await get(`${h.url}/api/cloud/tenants`, 'b')).status).toBe(503);
    standing = false;
    const second = get(`${h.url}/api/cloud/tenants`, 'b');
    await until(() => h.inFlight() === 2);
    h.release();
    expect((await Promise.all([first, second])).map(r => r.status)).toEqual([
      200, 200,
    ]);
  });

  it('never counts nor refuses health checks, the frontend files and long polls', async () => {
    harness = await start({ maxInFlight: 1, maxInFlightPerClient: 1 });
    const h = harness;
    const busy = get(`${h.url}/api/cloud/tenants`);
    await until(() => h.inFlight() === 1);
    const exempt = [
      get(`${h.url}/.backstage/health/v1/readiness`),
      get(`${h.url}/index.html`),
      get(`${h.url}/api/events/bus/v1/subscriptions/x/events`),
    ];
    // give them time to arrive: none may be refused, none is counted
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(h.inFlight()).toBe(1);
    h.release();
    expect((await Promise.all([busy, ...exempt])).map(r => r.status)).toEqual([
      200, 200, 200, 200,
    ]);
  });

  it('frees the slot of a request whose client went away', async () => {
    harness = await start({ maxInFlight: 1, maxInFlightPerClient: 1 });
    const h = harness;
    const controller = new AbortController();
    const gone = fetch(`${h.url}/api/cloud/tenants`, {
      signal: controller.signal,
    }).catch(() => 'aborted');
    await until(() => h.inFlight() === 1);
    controller.abort();
    expect(await gone).toBe('aborted');
    await until(() => h.inFlight() === 0);
  });

  it('never counts nor refuses calls between plugins (a plugin token)', async () => {
    harness = await start({ maxInFlight: 1, maxInFlightPerClient: 1 });
    const h = harness;
    const busy = get(`${h.url}/api/cloud/tenants`);
    await until(() => h.inFlight() === 1);
    const header = (typ: string) =>
      Buffer.from(JSON.stringify({ alg: 'ES256', typ })).toString('base64url');
    const plugin = get(
      `${h.url}/api/cloud/tenants`,
      `${header('vnd.backstage.plugin')}.e30.c2ln`,
    );
    // a user's token is counted: refused
    const user = await get(
      `${h.url}/api/cloud/tenants`,
      `${header('vnd.backstage.user')}.e30.c2ln`,
    );
    expect(user.status).toBe(503);
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(h.inFlight()).toBe(1);
    h.release();
    expect((await Promise.all([busy, plugin])).map(r => r.status)).toEqual([
      200, 200,
    ]);
  });

  it('lists the exempt paths', () => {
    expect(isExempt('/.backstage/health/v1/liveness')).toBe(true);
    expect(isExempt('/catalog')).toBe(true);
    expect(isExempt('/api/signals')).toBe(true);
    expect(isExempt('/api/scaffolder/v2/tasks/123/eventstream')).toBe(true);
    expect(isExempt('/api/catalog/entities/by-query')).toBe(false);
    expect(isExempt('/api/cloud/tenants')).toBe(false);
  });
});

describe('readAdmissionOptions', () => {
  it('gives the defaults without configuration and reads each key', () => {
    expect(readAdmissionOptions(new ConfigReader({}))).toEqual(
      DEFAULT_ADMISSION,
    );
    expect(
      readAdmissionOptions(
        new ConfigReader({
          backend: { admission: { maxInFlight: 10, enabled: false } },
        }),
      ),
    ).toEqual({ ...DEFAULT_ADMISSION, maxInFlight: 10, enabled: false });
  });

  it('names the key of a wrong value', () => {
    expect(() =>
      readAdmissionOptions(
        new ConfigReader({
          backend: { admission: { maxInFlightPerClient: 0 } },
        }),
      ),
    ).toThrow(
      'backend.admission.maxInFlightPerClient must be a whole number of at least 1, got 0',
    );
  });
});

describe('StandingQueue', () => {
  it('stands when the fastest request of a window was slower than the target, and drains', () => {
    let now = 0;
    const queue = new StandingQueue(100, () => now);
    queue.finished(150);
    queue.finished(120);
    expect(queue.isStanding()).toBe(false); // the window is not over
    now = WINDOW_MS;
    expect(queue.isStanding()).toBe(true); // its fastest took 120 ms
    // a window without any finished request keeps the verdict
    now = 2 * WINDOW_MS;
    expect(queue.isStanding()).toBe(true);
    queue.finished(300);
    queue.finished(40); // one fast request: the queue drained
    now = 3 * WINDOW_MS;
    expect(queue.isStanding()).toBe(false);
    queue.finished(101);
    now = 4 * WINDOW_MS;
    expect(queue.isStanding()).toBe(true);
    queue.finished(100); // at the target: not standing
    now = 5 * WINDOW_MS;
    expect(queue.isStanding()).toBe(false);
  });
});

describe('EventLoopLag', () => {
  it('sees a blocked event loop, while it is blocked and after', async () => {
    const lag = new EventLoopLag(20);
    try {
      await new Promise(resolve => setTimeout(resolve, 60));
      const blockedAt = performance.now();
      while (performance.now() - blockedAt < 300) {
        // the loop is blocked: no timer runs
      }
      expect(lag.lagMs()).toBeGreaterThanOrEqual(250);
      await new Promise(resolve => setImmediate(resolve));
      expect(lag.lagMs()).toBeGreaterThanOrEqual(250);
    } finally {
      lag.stop();
    }
  });
});
