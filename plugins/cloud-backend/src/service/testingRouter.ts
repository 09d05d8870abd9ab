import { cloudRequestApprovePermission } from '@amue/plugin-cloud-common';
import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import express, { NextFunction, Request, Response } from 'express';
import type { DefaultTenantService } from './DefaultTenantService';
import type { MovableClock } from './clock';

/**
 * Routes of the end-to-end tests, mounted only with
 * `cloud.testing.movableClock: true`: `GET /testing/clock` tells the time
 * of the plugin, `PUT /testing/clock` `{ "now": "<ISO date-time>" }` moves
 * it forward (administrators only).
 *
 * @internal
 */
export function createTestingRouter(options: {
  clock: MovableClock;
  tenants: DefaultTenantService;
  httpAuth: HttpAuthService;
}): express.Router {
  const { clock, tenants, httpAuth } = options;
  const router = express.Router();
  // express 4 does not catch the rejections of async handlers
  const handle =
    (fn: (req: Request, res: Response) => Promise<void>) =>
    (req: Request, res: Response, next: NextFunction) => {
      fn(req, res).catch(next);
    };
  router.use('/testing', express.json());
  router.get(
    '/testing/clock',
    handle(async (req, res) => {
      await httpAuth.credentials(req, { allow: ['user', 'service'] });
      res.json({ now: clock.now().toISOString() });
    }),
  );
  router.put(
    '/testing/clock',
    handle(async (req, res) => {
      const credentials = await httpAuth.credentials(req, { allow: ['user'] });
      const access = await tenants.access(
        cloudRequestApprovePermission,
        credentials,
      );
      if (access.kind !== 'all') {
        throw new NotAllowedError('only an administrator may move the clock');
      }
      const at = new Date(String(req.body?.now));
      if (typeof req.body?.now !== 'string' || Number.isNaN(at.getTime())) {
        throw new InputError('now must be an ISO 8601 date-time');
      }
      try {
        clock.moveTo(at);
      } catch (error) {
        throw new InputError((error as Error).message);
      }
      res.json({ now: clock.now().toISOString() });
    }),
  );
  return router;
}
