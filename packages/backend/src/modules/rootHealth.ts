import {
  coreServices,
  createServiceFactory,
  RootConfigService,
  RootHealthService,
} from '@backstage/backend-plugin-api';
import knexFactory, { Knex } from 'knex';

/*
 * The backend's health service (/.backstage/health/v1/readiness and
 * liveness), replacing Backstage's default, which only knows whether the
 * backend has started. Ready means: started, not shutting down, and — on
 * PostgreSQL — the database server answers. A load balancer then stops
 * sending requests to a replica whose database is gone, instead of letting
 * every API answer 503. Liveness does not look at the database: restarting
 * the process does not bring a database back.
 */

/** How long the database may take to answer the readiness probe. */
const DATABASE_TIMEOUT_MS = 2_000;
/** A result is reused this long, so probes do not load the database. */
const CACHE_MS = 1_000;

type Check = { ok: boolean; at: number };

/** `select 1` on the backend's database server; true when it answers. */
export function createDatabaseCheck(
  config: RootConfigService,
): (() => Promise<boolean>) & { close(): Promise<void> } {
  const client = config.getOptionalString('backend.database.client') ?? '';
  let db: Knex | undefined;
  if (client === 'pg') {
    db = knexFactory({
      client: 'pg',
      connection: config.get('backend.database.connection') as any,
      pool: { min: 0, max: 1, idleTimeoutMillis: 10_000 },
      acquireConnectionTimeout: DATABASE_TIMEOUT_MS,
    });
  }
  const check = async () => {
    if (!db) {
      // embedded SQLite: files of the process itself
      return true;
    }
    try {
      await Promise.race([
        db.raw('select 1'),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('timeout')), DATABASE_TIMEOUT_MS),
        ),
      ]);
      return true;
    } catch {
      return false;
    }
  };
  return Object.assign(check, {
    close: async () => {
      await db?.destroy();
    },
  });
}

class PortalRootHealthService implements RootHealthService {
  #state: 'init' | 'up' | 'down' = 'init';
  #last: Check | undefined;

  constructor(private readonly databaseAnswers: () => Promise<boolean>) {}

  setState(state: 'up' | 'down') {
    this.#state = state;
  }

  async getLiveness() {
    return { status: 200, payload: { status: 'ok' } };
  }

  async getReadiness() {
    if (this.#state !== 'up') {
      return {
        status: 503,
        payload: {
          status: 'error',
          message:
            this.#state === 'init'
              ? 'Backend has not started yet'
              : 'Backend is shutting down',
        },
      };
    }
    const now = Date.now();
    if (!this.#last || now - this.#last.at > CACHE_MS) {
      this.#last = { ok: await this.databaseAnswers(), at: now };
    }
    if (!this.#last.ok) {
      return {
        status: 503,
        payload: {
          status: 'error',
          message: 'The database does not answer',
          database: 'unavailable',
        },
      };
    }
    return { status: 200, payload: { status: 'ok', database: 'ok' } };
  }
}

/**
 * The portal's `coreServices.rootHealth`: Backstage's readiness plus the
 * database (see above).
 */
export const rootHealthServiceFactory = createServiceFactory({
  service: coreServices.rootHealth,
  deps: {
    lifecycle: coreServices.rootLifecycle,
    config: coreServices.rootConfig,
  },
  async factory({ lifecycle, config }) {
    const check = createDatabaseCheck(config);
    const health = new PortalRootHealthService(check);
    lifecycle.addStartupHook(() => health.setState('up'));
    lifecycle.addBeforeShutdownHook(() => health.setState('down'));
    lifecycle.addShutdownHook(() => check.close());
    return health;
  },
});
