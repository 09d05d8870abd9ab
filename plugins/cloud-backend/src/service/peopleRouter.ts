import {
  CLOUD_PERSON_EVENTS_TOPIC,
  FederationPerson,
  PersonChangedEvent,
  cloudPersonDeletePermission,
} from '@amue/plugin-cloud-common';
import {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { PersonInput } from '@amue/plugin-cloud-common/client';
import type { TypedRouter } from '@backstage/backend-openapi-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EventsService } from '@backstage/plugin-events-node';
import type { Request } from 'express';
import { DatabasePersonStore } from '../database/DatabasePersonStore';
import type { EndpointMap } from '../schema/openapi';

/** The only backend plugin allowed to record sign-ins. */
const RECORDING_PLUGIN = 'plugin:auth';

/**
 * Options of {@link PeopleService}.
 *
 * @internal
 */
export interface PeopleServiceOptions {
  store: DatabasePersonStore;
  events: EventsService;
  auditor: AuditorService;
  logger: LoggerService;
  clock?: () => Date;
}

/**
 * The people signed in through the federation: recorded at each sign-in by
 * the auth backend, removed by an administrator or after the retention
 * period; each change is announced on the events topic `cloud.person` for
 * the catalog's person provider.
 *
 * @internal
 */
export class PeopleService {
  constructor(private readonly options: PeopleServiceOptions) {}

  list(): Promise<FederationPerson[]> {
    return this.options.store.list();
  }

  async get(name: string): Promise<FederationPerson> {
    const person = await this.options.store.get(name);
    if (!person) {
      throw new NotFoundError(`no person named ${name}`);
    }
    return person;
  }

  /** Records a sign-in; the display name is recorded trimmed. */
  async record(name: string, input: PersonInput): Promise<FederationPerson> {
    const now = (this.options.clock ?? (() => new Date()))();
    const person = await this.options.store.record(
      name,
      { ...input, displayName: input.displayName.trim() },
      now,
    );
    await this.publish({ name, type: 'recorded' });
    return person;
  }

  async remove(name: string, request?: Request): Promise<void> {
    const event = await this.options.auditor.createEvent({
      eventId: 'person-remove',
      severityLevel: 'medium',
      request,
      meta: { person: name },
    });
    try {
      if (!(await this.options.store.remove(name))) {
        throw new NotFoundError(`no person named ${name}`);
      }
      await event.success();
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
    await this.publish({ name, type: 'removed' });
  }

  /** Removes the people idle for `retentionDays`; their number. */
  async expire(retentionDays: number): Promise<number> {
    const now = (this.options.clock ?? (() => new Date()))();
    const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
    const names = await this.options.store.removeIdleSince(cutoff);
    for (const name of names) {
      await this.publish({ name, type: 'removed' });
    }
    if (names.length) {
      this.options.logger.info(
        `Removed ${names.length} people without a sign-in for ${retentionDays} days`,
      );
    }
    return names.length;
  }

  private async publish(payload: PersonChangedEvent): Promise<void> {
    try {
      await this.options.events.publish({
        topic: CLOUD_PERSON_EVENTS_TOPIC,
        eventPayload: payload,
      });
    } catch (error) {
      // The catalog's scheduled full sync repairs a missed message.
      this.options.logger.warn(
        `Could not announce the change of person ${payload.name}: ${error}`,
      );
    }
  }
}

/**
 * Routes of the people signed in through the federation, on the cloud
 * API's generated router (the OpenAPI document validates names and bodies):
 *
 * - `PUT /people/{name}`: records a sign-in; the auth backend's service
 *   credentials only;
 * - `GET /people`, `GET /people/{name}`: service credentials only (the
 *   catalog's person provider);
 * - `DELETE /people/{name}`: a user holding `cloud.person.delete`
 *   (administrators), before the retention period ends.
 *
 * @internal
 */
export function addPeopleRoutes(
  router: TypedRouter<EndpointMap>,
  options: {
    people: PeopleService;
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
  },
): void {
  const { people, httpAuth, permissions } = options;

  router.get('/people', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    res.json({ items: await people.list() });
  });

  router.get('/people/:name', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    res.json(await people.get(req.params.name));
  });

  router.put('/people/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    if (credentials.principal.subject !== RECORDING_PLUGIN) {
      throw new NotAllowedError('only the auth backend records sign-ins');
    }
    res.json(await people.record(req.params.name, req.body));
  });

  router.delete('/people/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await permissions.authorize(
      [{ permission: cloudPersonDeletePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('only administrators remove people');
    }
    await people.remove(req.params.name, req);
    res.status(204).end();
  });
}
