import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  assertEventBusDatabase,
  eventsModuleEventBusCheck,
} from './eventBusCheck';

describe('event bus check', () => {
  it('refuses events.useEventBus: always on SQLite, saying why', () => {
    expect(() => assertEventBusDatabase('always', 'better-sqlite3')).toThrow(
      /events\.useEventBus is "always" but the events plugin's database is "better-sqlite3": the event bus .* needs PostgreSQL/,
    );
  });

  it('accepts the bus on PostgreSQL, and any database when the bus is not required', () => {
    expect(() => assertEventBusDatabase('always', 'pg')).not.toThrow();
    expect(() =>
      assertEventBusDatabase('auto', 'better-sqlite3'),
    ).not.toThrow();
    expect(() =>
      assertEventBusDatabase(undefined, 'better-sqlite3'),
    ).not.toThrow();
  });

  it('makes a backend on SQLite with useEventBus: always fail to start', async () => {
    await expect(
      startTestBackend({
        features: [
          eventsModuleEventBusCheck,
          mockServices.rootConfig.factory({
            data: { events: { useEventBus: 'always' } },
          }),
        ],
      }),
    ).rejects.toThrow(/needs PostgreSQL/);
  });
});
