import { DatabaseService, LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';

/** @internal */
export interface RouterOptions {
  database: DatabaseService;
  logger: LoggerService;
}

/**
 * The cloud plugin's HTTP API. Today it answers its own health check, which
 * proves the plugin reaches its database; the onboarding issue adds the
 * tenant and request endpoints.
 *
 * @internal
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { database, logger } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', async (_req, res) => {
    const client = await database.getClient();
    try {
      await client.raw('select 1 as ok');
    } catch (error) {
      logger.error('cloud database is not reachable', { error: `${error}` });
      throw new ServiceUnavailableError('cloud database is not reachable');
    }
    res.json({ status: 'ok', database: client.client.config.client });
  });

  return router;
}
