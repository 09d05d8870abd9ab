import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createRouter } from './service/router';

/**
 * The cloud backend plugin (plugin id `cloud`): requests, tenants and their
 * onboarding.
 *
 * @public
 */
export const cloudPlugin = createBackendPlugin({
  pluginId: 'cloud',
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
      },
      async init({ database, httpRouter, logger }) {
        httpRouter.use(await createRouter({ database, logger }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
