import { cloudPermissions } from '@amue/plugin-cloud-common';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { DatabasePersonStore } from './database/DatabasePersonStore';
import { DatabaseTenantStore } from './database/DatabaseTenantStore';
import { registerCloudMetrics } from './metrics/cloudMetrics';
import { seedDemoData } from './demo/seedDemoData';
import {
  createTenantPermissionFilters,
  tenantPermissionRules,
  tenantResourceRef,
} from './permissions/rules';
import { TenantReports } from './reports/TenantReports';
import { registerTenantActions } from './service/actions';
import { DefaultReportService } from './service/DefaultReportService';
import { DefaultTenantService } from './service/DefaultTenantService';
import {
  createEventsPublisher,
  createSignalsPublisher,
} from './service/listeners';
import { createTenantNotifier } from './service/notifier';
import { PeopleService } from './service/peopleRouter';
import { readEnvelope } from './service/fundingConfig';
import { TodoService } from './service/TodoService';
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
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        signals: signalsServiceRef,
        notifications: notificationService,
        actionsRegistry: actionsRegistryServiceRef,
        scheduler: coreServices.scheduler,
        metrics: metricsServiceRef,
      },
      async init(deps) {
        const { config, database, httpRouter, logger } = deps;
        const store = await DatabaseTenantStore.create({ database });

        deps.permissionsRegistry.addResourceType({
          resourceRef: tenantResourceRef,
          permissions: cloudPermissions,
          rules: tenantPermissionRules,
          getResources: async names =>
            Promise.all(names.map(name => store.getTenant(name))),
        });
        const filters = createTenantPermissionFilters(
          deps.permissionsRegistry.getPermissionRuleset(tenantResourceRef),
        );

        const tenants = new DefaultTenantService({
          store,
          filters,
          permissions: deps.permissions,
          auth: deps.auth,
          auditor: deps.auditor,
          catalog: deps.catalog,
          logger,
          listeners: [
            createEventsPublisher(deps.events),
            createSignalsPublisher(deps),
            createTenantNotifier({
              ...deps,
              baseUrl: config.getOptionalString('app.baseUrl'),
            }),
          ],
        });
        const reports = new DefaultReportService({
          reports: await TenantReports.create({ database }),
          tenants,
          permissions: deps.permissions,
          catalog: deps.catalog,
          auth: deps.auth,
          envelopeEur: readEnvelope(config),
        });

        if (config.getOptionalBoolean('cloud.demoData') ?? false) {
          const { seeded, tenants: count } = await seedDemoData({
            database,
            logger,
          });
          if (seeded) {
            logger.info(`Loaded ${count} demo tenants into an empty database`);
          }
        }

        registerTenantActions(deps.actionsRegistry, tenants);
        await registerCloudMetrics({ metrics: deps.metrics, database });

        // People signed in through the federation (auth module
        // federation), published to the catalog; removed after
        // cloud.people.retentionDays without a sign-in.
        const people = new PeopleService({
          store: await DatabasePersonStore.create({ database }),
          events: deps.events,
          auditor: deps.auditor,
          logger,
        });
        const retentionDays =
          config.getOptionalNumber('cloud.people.retentionDays') ?? 365;
        await deps.scheduler.scheduleTask({
          id: 'cloud-people-retention',
          scope: 'global',
          frequency: { hours: 24 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 5 },
          fn: async () => {
            try {
              await people.expire(retentionDays);
            } catch (error) {
              logger.error(
                'Could not remove the people idle beyond the retention period',
                error instanceof Error ? error : new Error(String(error)),
              );
            }
          },
        });

        httpRouter.use(
          await createRouter({
            database,
            logger,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            tenants,
            reports,
            people,
            todo: await TodoService.create({ database, tenants }),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
