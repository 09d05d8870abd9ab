/*
 * The portal's real backend (packages/backend/src/index.ts) as the
 * benchmark runs it: the repository's app-config.yaml plus an overlay, from
 * source with the Backstage CLI's node transform (what `yarn start` does,
 * without the file watcher), its output in a log file.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** The repository (packages/bench is two levels below). */
export const repoRoot = path.resolve(
  resolvePackagePath('@amue/bench'),
  '../..',
);
const backendDir = path.join(repoRoot, 'packages/backend');

export const sleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

export function freePort(): Promise<number> {
  return new Promise(resolve => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Backends still running, stopped on exit whatever happens. */
const running = new Set<ChildProcess>();

function killAll() {
  for (const child of running) {
    child.kill('SIGKILL');
  }
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

/**
 * CPU time of the whole machine (Linux /proc/stat), seconds: busy (every
 * state but idle and iowait) and total.
 */
export function machineCpu(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const ticks = line.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  const idle = ticks[3] + (ticks[4] ?? 0);
  return { busy: (total - idle) / 100, total: total / 100 };
}

export function processCpuSeconds(
  pid: number,
  withEndedChildren = false,
): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name: state is field 3, utime 14, stime 15,
    // and the CPU of its ended (waited-for) children cutime 16, cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    const children = withEndedChildren
      ? Number(fields[13]) + Number(fields[14])
      : 0;
    return (own + children) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU time used so far by the benchmark's PostgreSQL server (its postmaster
 * and the processes it forked), seconds; 0 without BENCH_PG_PIDFILE (the
 * `postmaster.pid` of the throwaway cluster, set by bench-cloud.sh),
 * connection processes that ended included.
 */
export function postgresCpu(): number {
  const pidFile = process.env.BENCH_PG_PIDFILE;
  if (!pidFile) {
    return 0;
  }
  let postmaster: number;
  try {
    postmaster = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  } catch {
    return 0;
  }
  // The postmaster's ended children count too: a connection that closes
  // between two samples would otherwise take its CPU time out of the total.
  let total = processCpuSeconds(postmaster, true);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) {
        total += processCpuSeconds(Number(entry));
      }
    } catch {
      // the process ended
    }
  }
  return total;
}

export interface ProcessSample {
  /** Resident memory now, MB. */
  rssMb: number;
  /** Peak resident memory since start, MB. */
  peakRssMb: number;
  /** CPU time used since start, seconds. */
  cpuSeconds: number;
}

class StartupFailure extends Error {}

export class BenchBackend {
  private constructor(
    readonly child: ChildProcess,
    readonly base: string,
    readonly logPath: string,
  ) {}

  /**
   * Starts the backend and waits until it is ready; starts it again (at
   * most twice, 30 s apart) when a plugin failed to start. On a shared
   * machine this happens when someone rebuilds packages/app/dist while the
   * app plugin reads it.
   */
  static async start(options: {
    port: number;
    overlayPath: string;
    /** More configuration files, loaded after the overlay. */
    extraConfigs?: string[];
    logPath: string;
    env: Record<string, string>;
    nodeArgs?: string[];
  }): Promise<BenchBackend> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await BenchBackend.startOnce(options);
      } catch (error) {
        if (!(error instanceof StartupFailure) || attempt === 3) {
          throw error;
        }
        console.error(`${error.message}; starting the backend again`);
        await sleep(30_000);
      }
    }
  }

  /**
   * Starts the backend with the overlay config on `port` and waits until
   * its readiness endpoint answers (at most 5 minutes).
   */
  private static async startOnce(options: {
    port: number;
    overlayPath: string;
    /** More configuration files, loaded after the overlay. */
    extraConfigs?: string[];
    logPath: string;
    env: Record<string, string>;
    nodeArgs?: string[];
  }): Promise<BenchBackend> {
    const log = fs.openSync(options.logPath, 'a');
    const child = spawn(
      process.execPath,
      [
        ...(options.nodeArgs ?? []),
        '--enable-source-maps',
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        'src/index.ts',
        '--config',
        path.join(repoRoot, 'app-config.yaml'),
        '--config',
        options.overlayPath,
        ...(options.extraConfigs ?? []).flatMap(file => ['--config', file]),
      ],
      {
        cwd: backendDir,
        stdio: ['ignore', log, log],
        env: { ...process.env, ...options.env },
      },
    );
    fs.closeSync(log);
    running.add(child);
    child.on('exit', () => running.delete(child));
    const backend = new BenchBackend(
      child,
      `http://127.0.0.1:${options.port}`,
      options.logPath,
    );
    const deadline = Date.now() + 5 * 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `the backend exited during start-up (${
            child.exitCode ?? child.signalCode
          }):\n${backend.tail()}`,
        );
      }
      try {
        const response = await fetch(
          `${backend.base}/.backstage/health/v1/readiness`,
        );
        if (response.ok) {
          return backend;
        }
      } catch {
        // not listening yet
      }
      const failure = backend.startupFailure();
      if (failure) {
        await backend.stop();
        throw new StartupFailure(`the backend failed to start: ${failure}`);
      }
      await sleep(500);
    }
    await backend.stop();
    throw new Error(
      `the backend was not ready after 5 minutes:\n${backend.tail()}`,
    );
  }

  /** The error of a plugin that failed to start, if one did. */
  private startupFailure(): string | undefined {
    try {
      const line = fs
        .readFileSync(this.logPath, 'utf8')
        .split('\n')
        .find(l => l.includes('Backend startup failed'));
      return line ? JSON.parse(line).message : undefined;
    } catch {
      return undefined;
    }
  }

  /** The last lines of the backend's output, without the request logs. */
  tail(lines = 15): string {
    try {
      return fs
        .readFileSync(this.logPath, 'utf8')
        .split('\n')
        .filter(line => !line.includes('"type":"incomingRequest"'))
        .slice(-lines)
        .map(line => line.slice(0, 400))
        .join('\n');
    } catch {
      return '';
    }
  }

  /** Memory and CPU of the backend process (Linux /proc). */
  sample(): ProcessSample {
    const pid = this.child.pid;
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return {
      rssMb: Math.round(kb('VmRSS') / 1024),
      peakRssMb: Math.round(kb('VmHWM') / 1024),
      cpuSeconds: processCpuSeconds(pid!),
    };
  }

  /** SIGTERM, then SIGKILL after 30 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = new Promise<void>(resolve =>
      child.once('exit', () => resolve()),
    );
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }

  /** A JSON call with a token; throws on any status other than 2xx. */
  api<T = any>(
    url: string,
    token: string | undefined,
    init: RequestInit = {},
  ): Promise<T> {
    return callApi<T>(this.base, url, token, init);
  }

  /** A user token from the portal's demonstration sign-in ({@link signIn}). */
  signIn(user: string): Promise<string> {
    return signIn(this.base, user);
  }
}

/** A JSON call to `base` with a token; throws on any status other than 2xx. */
export async function callApi<T = any>(
  base: string,
  url: string,
  token: string | undefined,
  init: RequestInit = {},
): Promise<T> {
  const response = await fetch(`${base}${url}`, {
    ...init,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...((init.headers as Record<string, string>) ?? {}),
    },
  });
  if (!response.ok) {
    throw new Error(
      `${init.method ?? 'GET'} ${url}: ${response.status} ${(
        await response.text()
      ).slice(0, 500)}`,
    );
  }
  return (await response.json()) as T;
}

/**
 * A user token from the portal's demonstration sign-in (provider `dev`,
 * header `x-amue-dev-user`), as the sign-in page gets it. Retries while
 * the catalog has not ingested the User yet (at most 3 minutes).
 */
export async function signIn(base: string, user: string): Promise<string> {
  const deadline = Date.now() + 3 * 60_000;
  for (;;) {
    try {
      const body = await callApi(base, '/api/auth/dev/refresh', undefined, {
        method: 'POST',
        headers: { 'x-amue-dev-user': user },
      });
      return body.backstageIdentity.token as string;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`could not sign in as ${user}: ${error}`);
      }
      await sleep(1000);
    }
  }
}
