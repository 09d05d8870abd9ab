import {
  AMUE_ADMINS_GROUP,
  CLOUD_TENANT_EVENTS_TOPIC,
  ownerGroupRef,
  TenantChangedEvent,
} from '@amue/plugin-cloud-common';
import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { EventsService } from '@backstage/plugin-events-node';
import type { SignalsService } from '@backstage/plugin-signals-node';
import type { TenantChangeListener } from './types';

/**
 * Publishes each committed change on the events service (topic
 * `cloud.tenant`): the catalog's tenant provider turns it into a delta
 * mutation of the Tenant entity.
 *
 * @internal
 */
export function createEventsPublisher(
  events: EventsService,
): TenantChangeListener {
  return async change => {
    const eventPayload: TenantChangedEvent = {
      id: change.tenant.id,
      name: change.tenant.name,
      type: change.type,
    };
    await events.publish({ topic: CLOUD_TENANT_EVENTS_TOPIC, eventPayload });
  };
}

/**
 * The signals channel on which open pages hear that a tenant changed.
 *
 * @internal
 */
export const TENANT_SIGNAL_CHANNEL = 'cloud:tenant';

/**
 * Sends a signal on {@link TENANT_SIGNAL_CHANNEL} to the people who may see
 * the tenant (its establishment, the application's owner team, the
 * administrators), so that their open pages refresh. The message carries
 * the tenant name, the change and the new row version, never its content.
 *
 * @internal
 */
export function createSignalsPublisher(options: {
  signals: SignalsService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}): TenantChangeListener {
  const { signals, catalog, auth, logger } = options;
  const admins = stringifyEntityRef({
    kind: 'group',
    namespace: 'default',
    name: AMUE_ADMINS_GROUP,
  });
  return async change => {
    const { tenant } = change;
    const recipients = [
      stringifyEntityRef({
        kind: 'group',
        namespace: 'default',
        name: tenant.establishment,
      }),
      admins,
    ];
    try {
      const application = await catalog.getEntityByRef(
        { kind: 'application', namespace: 'default', name: tenant.application },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      const owner = ownerGroupRef(application?.spec?.owner);
      if (owner) {
        recipients.push(owner);
      }
    } catch (error) {
      logger.warn(
        `Could not read the owner of application ${tenant.application}: ${error}`,
      );
    }
    await signals.publish({
      recipients: { type: 'user', entityRef: recipients },
      channel: TENANT_SIGNAL_CHANNEL,
      message: {
        name: tenant.name,
        type: change.type,
        rowVersion: tenant.rowVersion,
      },
    });
  };
}
