/*
 * Fixed-rate HTTP load on one endpoint of the running backend, with the
 * latency of every response recorded (autocannon's own latency histogram is
 * "corrected for coordinated omission" with a 1 ms expected interval when a
 * rate is set, which makes its percentiles unusable here).
 *
 * Two load shapes:
 * - `autocannon`: autocannon's programmatic API, `connections` keep-alive
 *   connections and `overallRate` requests per second. Its rate limiter
 *   resets every connection's budget at the same instant each second, so
 *   the requests of a second leave in a burst of `connections` concurrent
 *   requests, each connection sending its share back to back.
 * - `smooth`: an open-loop generator on node:http (one request every
 *   1000 / rate ms, at most `connections` keep-alive sockets in flight,
 *   the rest queued), the arrival pattern of many independent users.
 */
import autocannon from 'autocannon';
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export type LoadShape = 'autocannon' | 'smooth';

export interface LoadRequest {
  path: string;
  token: string;
}

export interface LoadOptions {
  /** `http://127.0.0.1:<port>` of each backend replica, used in turn. */
  bases: string[];
  /**
   * The requests, used in turn: a path and the token of the user who sends
   * it (one user, or many users each reading their own establishment).
   */
  requests: LoadRequest[];
  /** Seconds. */
  duration: number;
  /** Requests per second. */
  rate: number;
  connections: number;
  shape: LoadShape;
}

export interface LoadResult {
  shape: LoadShape;
  /** Responses received. */
  responses: number;
  /** Responses per second over the run. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Responses with a status other than 2xx. */
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  statusCodes: Record<string, number>;
  /** CPU used by the load generator (this process), % of one core. */
  generatorCpu: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[index];
}

const round = (value: number) => Math.round(value * 10) / 10;

function summarize(
  shape: LoadShape,
  latencies: number[],
  statusCodes: Record<string, number>,
  errors: number,
  seconds: number,
  cpu: NodeJS.CpuUsage,
): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const non2xx = Object.entries(statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    shape,
    responses: sorted.length,
    rps: round(sorted.length / seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
    mean: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
    non2xx,
    errors,
    statusCodes,
    generatorCpu: round(((cpu.user + cpu.system) / 1e6 / seconds) * 100),
  };
}

function nextRequest(requests: LoadRequest[]): () => LoadRequest {
  let i = 0;
  return () => {
    const request = requests[i % requests.length];
    i += 1;
    return request;
  };
}

async function runAutocannon(options: LoadOptions): Promise<LoadResult> {
  const next = nextRequest(options.requests);
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const instance = autocannon({
    url: options.bases.length === 1 ? options.bases[0] : options.bases,
    connections: options.connections,
    overallRate: options.rate,
    duration: options.duration,
    timeout: 10,
    requests: [
      {
        setupRequest: request => {
          const { path, token } = next();
          return {
            ...request,
            path,
            headers: { ...request.headers, authorization: `Bearer ${token}` },
          };
        },
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  return summarize(
    'autocannon',
    latencies,
    statusCodes,
    result.errors,
    Math.min(seconds, result.duration || seconds),
    process.cpuUsage(cpuStart),
  );
}

async function runSmooth(options: LoadOptions): Promise<LoadResult> {
  const next = nextRequest(options.requests);
  const targets = options.bases.map(base => ({
    url: new URL(base),
    agent: new http.Agent({
      keepAlive: true,
      maxSockets: Math.ceil(options.connections / options.bases.length),
    }),
  }));
  let sentCount = 0;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let inFlight = 0;
  const total = Math.round(options.rate * options.duration);
  const interval = 1000 / options.rate;
  const cpuStart = process.cpuUsage();
  const started = performance.now();

  const send = () => {
    const sentAt = performance.now();
    const { url, agent } = targets[sentCount++ % targets.length];
    inFlight += 1;
    const done = () => {
      inFlight -= 1;
    };
    const { path, token } = next();
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path,
        agent,
        headers: { authorization: `Bearer ${token}` },
      },
      response => {
        response.resume();
        response.on('end', () => {
          latencies.push(performance.now() - sentAt);
          const code = String(response.statusCode);
          statusCodes[code] = (statusCodes[code] ?? 0) + 1;
          done();
        });
      },
    );
    request.setTimeout(10_000, () => request.destroy(new Error('timeout')));
    request.on('error', () => {
      errors += 1;
      done();
    });
    request.end();
  };

  await new Promise<void>(resolve => {
    let sent = 0;
    const pump = () => {
      const due = Math.min(
        total,
        Math.floor((performance.now() - started) / interval) + 1,
      );
      while (sent < due) {
        send();
        sent += 1;
      }
      if (sent < total) {
        setTimeout(pump, 1);
      } else {
        resolve();
      }
    };
    pump();
  });
  const sendingSeconds = (performance.now() - started) / 1000;
  const deadline = performance.now() + 15_000;
  while (inFlight > 0 && performance.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  for (const { agent } of targets) {
    agent.destroy();
  }
  return summarize(
    'smooth',
    latencies,
    statusCodes,
    errors + inFlight,
    sendingSeconds,
    process.cpuUsage(cpuStart),
  );
}

/** Runs the load and returns what was measured. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return options.shape === 'autocannon'
    ? runAutocannon(options)
    : runSmooth(options);
}
