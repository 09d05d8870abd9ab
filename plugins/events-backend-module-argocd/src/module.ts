import { DEPLOYMENT_EVENTS_TOPIC } from '@amue/plugin-cloud-common';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { eventsExtensionPoint } from '@backstage/plugin-events-node/alpha';
import { createJsonBodyParser } from './bodyParser';
import { MIN_SECRET_LENGTH } from './signature';
import { createArgocdValidator } from './validator';

/**
 * Argo CD's notifications on the events backend's HTTP ingress:
 * `POST /api/events/http/argocd`, signed with
 * `events.modules.argocd.webhookSecret`, published on the events service
 * under the topic `argocd` for the cloud backend.
 *
 * @public
 */
export const eventsModuleArgocd = createBackendModule({
  pluginId: 'events',
  moduleId: 'argocd',
  register(env) {
    env.registerInit({
      deps: {
        events: eventsExtensionPoint,
        config: coreServices.rootConfig,
        auditor: coreServices.auditor,
        logger: coreServices.logger,
      },
      async init({ events, config, auditor, logger }) {
        const secret = config.getOptionalString(
          'events.modules.argocd.webhookSecret',
        );
        if (secret !== undefined && secret.length < MIN_SECRET_LENGTH) {
          throw new Error(
            `events.modules.argocd.webhookSecret must be at least ${MIN_SECRET_LENGTH} characters`,
          );
        }
        if (!secret) {
          logger.warn(
            'events.modules.argocd.webhookSecret is not set: every Argo CD notification will be refused',
          );
        }
        events.addHttpPostBodyParser({
          contentType: 'application/json',
          parser: createJsonBodyParser(DEPLOYMENT_EVENTS_TOPIC),
        });
        events.addHttpPostIngress({
          topic: DEPLOYMENT_EVENTS_TOPIC,
          validator: createArgocdValidator({ secret, auditor, logger }),
        });
      },
    });
  },
});
