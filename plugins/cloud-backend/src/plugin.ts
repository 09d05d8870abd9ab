import {
  checkStepTargetDays,
  cloudPermissions,
  OnboardingStepId,
} from '@amue/plugin-cloud-common';
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
import {
  CloudSeeder,
  cloudSeedingExtensionPoint,
} from '@amue/plugin-cloud-node';
import { DatabasePersonStore } from './database/DatabasePersonStore';
import { DatabaseTenantStore } from './database/DatabaseTenantStore';
import { reconcileStepCounts } from './database/reportCounts';
import { TenantWorkflow } from './service/TenantWorkflow';
import {
  readDecisionCounter,
  registerCloudMetrics,
} from './metrics/cloudMetrics';
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
import { subscribeToDeployment } from './service/deployment';
import { createTenantNotifier } from './service/notifier';
import { PeopleService } from './service/peopleRouter';
import { readEnvelope } from './service/fundingConfig';
import { TodoService } from './service/TodoService';
import { createRouter } from './service/router';
import { createCloudClock, MovableClock } from './service/clock';
import {
  OnboardingReminders,
  readReminderSettings,
} from './reminders/OnboardingReminders';
import { createTestingRouter } from './service/testingRouter';
import { readSchedulerServiceTaskScheduleDefinitionFromConfig } from '@backstage/backend-plugin-api';

/**
 * The cloud backend plugin (plugin id `cloud`): requests, tenants and their
 * onboarding.
 *
 * @public
 */
export const cloudPlugin = createBackendPlugin({
  pluginId: 'cloud',
  register(env) {
    // Modules that seed the database (the demo data module): run in the
    // start-up, once the database is migrated, before the routes are served.
    const seeders: CloudSeeder[] = [];
    env.registerExtensionPoint(cloudSeedingExtensionPoint, {
      addSeeder(seeder) {
        seeders.push(seeder);
      },
    });

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
        const clock = createCloudClock(config);
        if (clock instanceof MovableClock) {
          logger.warn(
            'cloud.testing.movableClock is on: administrators may move the time of due dates and reminders (tests only)',
          );
        }
        const targetDays = config.getOptional('cloud.onboarding.targetDays');
        const targetDaysProblems = checkStepTargetDays(
          targetDays,
          'cloud.onboarding.targetDays',
        );
        if (targetDaysProblems.length) {
          throw new Error(targetDaysProblems.join('; '));
        }
        const reminderSettings = readReminderSettings(config);
        const workflow = new TenantWorkflow(
          await DatabaseTenantStore.create({
            database,
            clock: () => clock.now(),
          }),
        );

        deps.permissionsRegistry.addResourceType({
          resourceRef: tenantResourceRef,
          permissions: cloudPermissions,
          rules: tenantPermissionRules,
          getResources: async names =>
            Promise.all(names.map(name => workflow.getTenant(name))),
        });
        const filters = createTenantPermissionFilters(
          deps.permissionsRegistry.getPermissionRuleset(tenantResourceRef),
        );

        const tenants = new DefaultTenantService({
          workflow,
          filters,
          permissions: deps.permissions,
          auth: deps.auth,
          auditor: deps.auditor,
          catalog: deps.catalog,
          logger,
          targetDays: targetDays as
            | Partial<Record<OnboardingStepId, number>>
            | undefined,
          clock: () => clock.now(),
          onReadDecision: readDecisionCounter(deps.metrics),
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
          reports: await TenantReports.create({
            database,
            clock: () => clock.now(),
          }),
          tenants,
          permissions: deps.permissions,
          catalog: deps.catalog,
          auth: deps.auth,
          envelopeEur: readEnvelope(config),
        });

        for (const seeder of seeders) {
          await seeder.seed({
            logger: logger.child({ seeder: seeder.id }),
            openStore: async ({ clock: seedClock } = {}) =>
              new TenantWorkflow(
                await DatabaseTenantStore.create({
                  database,
                  skipMigrations: true,
                  clock: seedClock ?? (() => clock.now()),
                }),
              ),
          });
        }

        registerTenantActions(deps.actionsRegistry, tenants);
        // GitOps commits and Argo CD's notifications (issue 14)
        await subscribeToDeployment({ events: deps.events, tenants, logger });
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

        // Reminders and escalation of due and late steps (issue 14): once
        // across replicas, at most one notification per tenant, person and
        // day (docs/user-guide.md, "Échéances et relances").
        const reminders = new OnboardingReminders({
          db: await database.getClient(),
          catalog: deps.catalog,
          auth: deps.auth,
          notifications: deps.notifications,
          logger: logger.child({ task: 'cloud-onboarding-reminders' }),
          settings: reminderSettings,
          baseUrl: config.getOptionalString('app.baseUrl'),
        });
        await deps.scheduler.scheduleTask({
          id: 'cloud-onboarding-reminders',
          scope: 'global',
          ...(config.has('cloud.reminders.schedule')
            ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
                config.getConfig('cloud.reminders.schedule'),
              )
            : {
                // 07:00 UTC: 8 or 9 in the morning in France
                frequency: { cron: '0 7 * * *' },
                timeout: { minutes: 30 },
              }),
          fn: async () => {
            const started = Date.now();
            const run = await reminders.run(clock.now());
            logger.info(
              `Onboarding reminders: ${run.steps} steps due or late, ${
                run.sent
              } sent, ${run.alreadySent} already sent today, ${
                run.failed
              } failed, ${run.unreachable} tenants without anyone to tell, in ${
                Date.now() - started
              } ms`,
            );
          },
        });

        // The step counts of the funnel report are kept with each change;
        // this compares them with the steps and corrects them (steps
        // written by a replica of an earlier version during a rolling
        // update are not counted): docs/decisions.md, "Reports at 100,000
        // tenants".
        const reportDb = await database.getClient();
        await deps.scheduler.scheduleTask({
          id: 'cloud-report-counts',
          scope: 'global',
          frequency: { hours: 6 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 2 },
          fn: async () => {
            const corrected = await reconcileStepCounts(reportDb);
            if (corrected > 0) {
              logger.warn(
                `Report step counts: ${corrected} counts differed from the steps and were corrected`,
              );
            }
          },
        });

        if (clock instanceof MovableClock) {
          httpRouter.use(
            createTestingRouter({ clock, tenants, httpAuth: deps.httpAuth }),
          );
        }

        httpRouter.use(
          await createRouter({
            database,
            logger,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            tenants,
            reports,
            people,
            todo: await TodoService.create({
              database,
              tenants,
              clock: () => clock.now(),
            }),
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
