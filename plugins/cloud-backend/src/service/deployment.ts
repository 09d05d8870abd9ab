import {
  DEPLOYMENT_EVENTS_TOPIC,
  GITOPS_EVENTS_TOPIC,
  GitopsCommittedEvent,
  parseDeploymentNotification,
} from '@amue/plugin-cloud-common';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import type { TenantService } from './types';

/**
 * The id under which the cloud backend subscribes to the deployment topics:
 * every replica uses the same id, so the events bus hands each message to
 * one of them.
 *
 * @internal
 */
export const DEPLOYMENT_SUBSCRIBER_ID = 'cloud-deployment';

/**
 * Subscribes the onboarding service to the deployment read back (issue 14):
 * the GitOps commits the scaffolder publishes (`cloud.gitops`) and the
 * notifications of the GitOps engine, signed and checked by the events
 * backend's HTTP ingress (`argocd`,
 * `@amue/plugin-events-backend-module-argocd`). A message that fails is
 * logged and not retried: the engine notifies again on its next change.
 *
 * @internal
 */
export async function subscribeToDeployment(options: {
  events: EventsService;
  tenants: Pick<
    TenantService,
    'recordGitopsCommit' | 'applyDeploymentNotification'
  >;
  logger: LoggerService;
}): Promise<void> {
  const { events, tenants } = options;
  const logger = options.logger.child({ task: 'deployment-read-back' });
  await events.subscribe({
    id: DEPLOYMENT_SUBSCRIBER_ID,
    topics: [GITOPS_EVENTS_TOPIC, DEPLOYMENT_EVENTS_TOPIC],
    async onEvent({ topic, eventPayload }) {
      try {
        if (topic === GITOPS_EVENTS_TOPIC) {
          await tenants.recordGitopsCommit(
            eventPayload as GitopsCommittedEvent,
          );
          return;
        }
        // Checked by the ingress already; checked again, as the bus is
        // another way in.
        const parsed = parseDeploymentNotification(eventPayload);
        if (!parsed.ok) {
          logger.warn(`Deployment notification refused: ${parsed.problem}`);
          return;
        }
        await tenants.applyDeploymentNotification(parsed.notification);
      } catch (error) {
        logger.error(
          `Could not apply a message of topic ${topic}`,
          error instanceof Error ? error : new Error(String(error)),
        );
      }
    },
  });
}
