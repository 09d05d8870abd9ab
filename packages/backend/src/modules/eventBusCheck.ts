import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';

/**
 * Throws when `events.useEventBus` is `always` and the events plugin's
 * database is not PostgreSQL. The events backend keeps its bus in
 * PostgreSQL only; on any other database it silently falls back to a store
 * in memory that serves one process, so events and signals would no longer
 * cross replicas.
 */
export function assertEventBusDatabase(
  useEventBus: string | undefined,
  databaseClient: string,
): void {
  if (useEventBus === 'always' && databaseClient !== 'pg') {
    throw new Error(
      `events.useEventBus is "always" but the events plugin's database is "${databaseClient}": ` +
        `the event bus that carries events and signals across backend replicas needs PostgreSQL ` +
        `(backend.database.client: pg)`,
    );
  }
}

/**
 * Refuses to start a backend configured for replicas
 * (`events.useEventBus: always`) without the PostgreSQL event bus.
 */
export const eventsModuleEventBusCheck = createBackendModule({
  pluginId: 'events',
  moduleId: 'event-bus-check',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        logger: coreServices.logger,
      },
      async init({ config, database, logger }) {
        const useEventBus = config.getOptionalString('events.useEventBus');
        const client = await database.getClient();
        const databaseClient = String(client.client.config.client);
        assertEventBusDatabase(useEventBus, databaseClient);
        if (useEventBus === 'always') {
          logger.info(
            'Events and signals cross backend replicas through the PostgreSQL event bus',
          );
        }
      },
    });
  },
});
