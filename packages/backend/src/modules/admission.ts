import type { Config } from '@backstage/config';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { metrics } from '@opentelemetry/api';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createHash } from 'node:crypto';

/*
 * Admission control ahead of every plugin: when the backend has more work
 * than it can do, a new API request is refused at once with 503 and
 * `Retry-After`, instead of queueing behind the work and making every
 * request slow (docs/decisions.md, "Overload").
 *
 * Backstage's own `backend.rateLimit` counts requests per client address in
 * a time window; it does not know whether the backend is busy, and behind a
 * reverse proxy every person shares one address. Here a request is refused
 * when, at its arrival:
 *  - the process already has `maxInFlight` API requests in flight, or
 *  - the same client (its bearer token, else its address) already has
 *    `maxInFlightPerClient` in flight (one person cannot take every slot), or
 *  - while at least `minInFlightForDelay` requests are in flight (so that a
 *    delay caused by background work alone refuses nobody):
 *    - the event loop is late by more than `maxEventLoopDelayMs`, or
 *    - a queue stands: every API request that finished in the last window
 *      (`WINDOW_MS`) took longer than `targetLatencyMs`, the fastest
 *      included (CoDel's idea: a queue that never drains within the window
 *      is overload, not one slow request).
 * Health checks, the static frontend and the long-lived streams (event bus
 * long polls, scaffolder event streams) are never counted nor refused, nor
 * are calls between plugins (a plugin token, `typ: vnd.backstage.plugin` in
 * the token's header): they serve a request already admitted, and refusing
 * them would fail it half done. The header is read, not verified: a forged
 * one skips admission, not authentication.
 */

/** The admission settings (`backend.admission`). */
export interface AdmissionOptions {
  enabled: boolean;
  maxInFlight: number;
  maxInFlightPerClient: number;
  maxEventLoopDelayMs: number;
  minInFlightForDelay: number;
  targetLatencyMs: number;
  retryAfterSeconds: number;
}

/** The window over which the fastest finished request is watched. */
export const WINDOW_MS = 200;

export const DEFAULT_ADMISSION: AdmissionOptions = {
  enabled: true,
  maxInFlight: 128,
  maxInFlightPerClient: 32,
  maxEventLoopDelayMs: 100,
  minInFlightForDelay: 8,
  targetLatencyMs: 100,
  retryAfterSeconds: 2,
};

/** Reads `backend.admission`; a wrong value names its key. */
export function readAdmissionOptions(config: Config): AdmissionOptions {
  const section = config.getOptionalConfig('backend.admission');
  const positive = (key: keyof AdmissionOptions): number => {
    const value = section?.getOptionalNumber(key);
    if (value === undefined) {
      return DEFAULT_ADMISSION[key] as number;
    }
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(
        `backend.admission.${key} must be a whole number of at least 1, got ${value}`,
      );
    }
    return value;
  };
  return {
    enabled:
      section?.getOptionalBoolean('enabled') ?? DEFAULT_ADMISSION.enabled,
    maxInFlight: positive('maxInFlight'),
    maxInFlightPerClient: positive('maxInFlightPerClient'),
    maxEventLoopDelayMs: positive('maxEventLoopDelayMs'),
    minInFlightForDelay: positive('minInFlightForDelay'),
    targetLatencyMs: positive('targetLatencyMs'),
    retryAfterSeconds: positive('retryAfterSeconds'),
  };
}

/** Requests never counted nor refused. */
export function isExempt(path: string): boolean {
  if (!path.startsWith('/api/')) {
    return true; // the frontend's files, health checks (/.backstage/...)
  }
  return (
    path.startsWith('/api/events/bus/') ||
    path.startsWith('/api/signals') ||
    path.endsWith('/eventstream')
  );
}

/** Whether a request carries a plugin's token (a call between plugins). */
export function isPluginCall(authorization: string | undefined): boolean {
  const match = authorization?.match(/^Bearer ([A-Za-z0-9_-]+)\./);
  if (!match) {
    return false;
  }
  try {
    const header = JSON.parse(Buffer.from(match[1], 'base64url').toString());
    return header?.typ === 'vnd.backstage.plugin';
  } catch {
    return false;
  }
}

/** Who a request counts for: its bearer token, else its address. */
export function clientKeyOf(req: Request): string {
  const authorization = req.headers.authorization;
  if (authorization) {
    return `t:${createHash('sha256')
      .update(authorization)
      .digest('base64url')
      .slice(0, 22)}`;
  }
  return `a:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`;
}

/**
 * How late the event loop is, measured by a timer that should fire every
 * `intervalMs`: the larger of its last lateness and how overdue it is now
 * (a loop blocked at this moment cannot run the timer).
 */
export class EventLoopLag {
  private expected: number;
  private last = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly intervalMs = 50,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.expected = this.now() + intervalMs;
    this.timer = setInterval(() => {
      const t = this.now();
      this.last = Math.max(0, t - this.expected);
      this.expected = t + this.intervalMs;
    }, intervalMs);
    this.timer.unref();
  }

  lagMs(): number {
    return Math.max(this.last, this.now() - this.expected);
  }

  stop() {
    clearInterval(this.timer);
  }
}

export type RefusalReason = 'in-flight' | 'client' | 'event-loop' | 'queue';

/**
 * Whether a queue stands: the fastest request that finished in the last
 * full window took longer than the target. A window in which nothing
 * finished keeps the previous verdict (nothing drained).
 */
export class StandingQueue {
  private windowStart: number;
  private fastest = Infinity;
  private standing = false;

  constructor(
    private readonly targetMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.windowStart = this.now();
  }

  private roll(t: number) {
    if (t - this.windowStart >= WINDOW_MS) {
      if (this.fastest !== Infinity) {
        this.standing = this.fastest > this.targetMs;
      }
      this.fastest = Infinity;
      this.windowStart = t;
    }
  }

  finished(durationMs: number) {
    const t = this.now();
    this.roll(t);
    this.fastest = Math.min(this.fastest, durationMs);
  }

  isStanding(): boolean {
    this.roll(this.now());
    return this.standing;
  }
}

/** The admission middleware; `lag` and `queue` are injectable for tests. */
export function createAdmissionMiddleware(options: {
  settings: AdmissionOptions;
  logger?: LoggerService;
  lag?: { lagMs(): number };
  queue?: { finished(durationMs: number): void; isStanding(): boolean };
}): RequestHandler & { inFlight(): number } {
  const { settings, logger } = options;
  const lag = options.lag ?? new EventLoopLag();
  const queue = options.queue ?? new StandingQueue(settings.targetLatencyMs);
  const perClient = new Map<string, number>();
  let inFlight = 0;
  const refused = metrics
    .getMeter('amue-backend')
    .createCounter('backend_admission_refused', {
      description:
        'API requests refused with 503 because the backend was saturated, by reason',
    });
  let lastLog = 0;

  const refuse = (req: Request, res: Response, reason: RefusalReason) => {
    refused.add(1, { reason });
    const now = Date.now();
    if (logger && now - lastLog > 10_000) {
      lastLog = now;
      logger.warn(
        `Refusing API requests: backend saturated (${reason}; ${inFlight} in flight, event loop ${Math.round(
          lag.lagMs(),
        )} ms late)`,
      );
    }
    res.setHeader('Retry-After', String(settings.retryAfterSeconds));
    res.status(503).json({
      error: {
        name: 'ServiceUnavailableError',
        message: `The portal is busy; try again in ${settings.retryAfterSeconds} seconds.`,
      },
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: 503 },
    });
  };

  const middleware = (req: Request, res: Response, next: NextFunction) => {
    if (
      !settings.enabled ||
      isExempt(req.path) ||
      isPluginCall(req.headers.authorization)
    ) {
      next();
      return;
    }
    const key = clientKeyOf(req);
    const ofClient = perClient.get(key) ?? 0;
    if (inFlight >= settings.maxInFlight) {
      refuse(req, res, 'in-flight');
      return;
    }
    if (ofClient >= settings.maxInFlightPerClient) {
      refuse(req, res, 'client');
      return;
    }
    if (inFlight >= settings.minInFlightForDelay) {
      if (lag.lagMs() > settings.maxEventLoopDelayMs) {
        refuse(req, res, 'event-loop');
        return;
      }
      if (queue.isStanding()) {
        refuse(req, res, 'queue');
        return;
      }
    }
    const started = performance.now();
    inFlight += 1;
    perClient.set(key, ofClient + 1);
    let done = false;
    const release = () => {
      if (done) {
        return;
      }
      done = true;
      inFlight -= 1;
      queue.finished(performance.now() - started);
      const left = (perClient.get(key) ?? 1) - 1;
      if (left <= 0) {
        perClient.delete(key);
      } else {
        perClient.set(key, left);
      }
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
  return Object.assign(middleware, { inFlight: () => inFlight });
}
