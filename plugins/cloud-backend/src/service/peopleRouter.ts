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
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EventsService } from '@backstage/plugin-events-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { DatabasePersonStore } from '../database/DatabasePersonStore';

/** The only backend plugin allowed to record sign-ins. */
const RECORDING_PLUGIN = 'plugin:auth';

const NAME = /^[a-z0-9]+([._-][a-z0-9]+)*$/;

const personName = z
  .string()
  .max(63, 'must be at most 63 characters')
  .regex(NAME, 'must be a catalog entity name in lowercase');

const personInput = z
  .object({
    displayName: z.string().trim().min(1, 'is required').max(255),
    email: z.email('must be an e-mail address').max(320).optional(),
    establishments: z
      .array(
        z
          .string()
          .regex(/^etab-[0-9]{7}[a-z]$/, 'must name an establishment Group'),
      )
      .min(1, 'must list at least one establishment')
      .max(10, 'must list at most 10 establishments'),
  })
  .strict();

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map(issue => {
      const field = [what, ...issue.path.map(String)].join('.');
      return issue.code === 'unrecognized_keys'
        ? `${what} has unknown fields ${issue.keys.join(', ')}`
        : `${field} ${issue.message}`;
    });
    throw new InputError(`invalid request: ${problems.join('; ')}`);
  }
  return result.data;
}

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

  async record(
    name: string,
    input: z.infer<typeof personInput>,
  ): Promise<FederationPerson> {
    const now = (this.options.clock ?? (() => new Date()))();
    const person = await this.options.store.record(name, input, now);
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
 * Routes of the people signed in through the federation:
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
export function createPeopleRouter(options: {
  people: PeopleService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): express.Router {
  const { people, httpAuth, permissions } = options;
  const router = Router();
  router.use('/people', express.json({ limit: '10kb' }));

  router.get('/people', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    res.json({ items: await people.list() });
  });

  router.get('/people/:name', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    res.json(await people.get(parse(personName, req.params.name, 'name')));
  });

  router.put('/people/:name', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['service'] });
    if (credentials.principal.subject !== RECORDING_PLUGIN) {
      throw new NotAllowedError('only the auth backend records sign-ins');
    }
    const name = parse(personName, req.params.name, 'name');
    const input = parse(personInput, req.body, 'body');
    res.json(await people.record(name, input));
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
    await people.remove(parse(personName, req.params.name, 'name'), req);
    res.status(204).end();
  });

  return router;
}
