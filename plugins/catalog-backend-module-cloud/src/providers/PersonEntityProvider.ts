import {
  AuthService,
  DiscoveryService,
  LoggerService,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  UserEntity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import {
  CLOUD_PERSON_EVENTS_TOPIC,
  FederationPerson,
  LAST_SIGN_IN_ANNOTATION,
  PersonChangedEvent,
} from '@amue/plugin-cloud-common';
import {
  CloudApiClient,
  type CloudApiRequestOptions,
  type CloudApiResponse,
} from '@amue/plugin-cloud-common/client';

const PROVIDER_NAME = 'PersonEntityProvider';

const CLOUD_PLUGIN_ID = 'cloud';

/** Same on every replica (see TenantEntityProvider). */
const LOCATION = 'cloud-people:cloud';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 5 },
  initialDelay: { seconds: 30 },
};

/**
 * The catalog User of a person signed in through the federation: member of
 * their establishment Groups, so that notifications sent to an
 * establishment reach them and its page lists them.
 *
 * @public
 */
export function personToEntity(person: FederationPerson): UserEntity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name: person.name,
      description:
        "Personnel d'établissement connecté par la fédération d'identités",
      annotations: {
        [ANNOTATION_LOCATION]: LOCATION,
        [ANNOTATION_ORIGIN_LOCATION]: LOCATION,
        [LAST_SIGN_IN_ANNOTATION]: person.lastSignInAt,
      },
    },
    spec: {
      profile: {
        displayName: person.displayName,
        ...(person.email ? { email: person.email } : {}),
      },
      memberOf: [...person.establishments],
    },
  };
}

/**
 * Options of the {@link PersonEntityProvider} constructor.
 *
 * @public
 */
export type PersonEntityProviderOptions = {
  schedule: SchedulerServiceTaskScheduleDefinition;
  logger: LoggerService;
  scheduler: SchedulerService;
  discovery: DiscoveryService;
  auth: AuthService;
  events: EventsService;
};

/**
 * Emits one User per person signed in through the federation, read from
 * the cloud backend's API (`/people`, service credentials). A message of
 * the topic `cloud.person` applies one person's change (delta mutation);
 * a scheduled full sync (global scope) repairs anything missed.
 *
 * @public
 */
export class PersonEntityProvider implements EntityProvider {
  private readonly options: PersonEntityProviderOptions;
  private readonly client: CloudApiClient;
  private readonly logger: LoggerService;
  private connection?: EntityProviderConnection;

  /** Reads `catalog.providers.cloudPeople.schedule`. */
  static fromConfig(
    config: RootConfigService,
    options: Omit<PersonEntityProviderOptions, 'schedule'>,
  ): PersonEntityProvider {
    const providerConfig = config.getOptionalConfig(
      'catalog.providers.cloudPeople',
    );
    const schedule = providerConfig?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          providerConfig.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE;
    return new PersonEntityProvider({ ...options, schedule });
  }

  constructor(options: PersonEntityProviderOptions) {
    this.options = options;
    this.client = new CloudApiClient({ discoveryApi: options.discovery });
    this.logger = options.logger.child({ target: PROVIDER_NAME });
  }

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.events.subscribe({
      id: PROVIDER_NAME,
      topics: [CLOUD_PERSON_EVENTS_TOPIC],
      onEvent: params => this.onEvent(params),
    });
    const taskId = `${PROVIDER_NAME}:full-sync`;
    await this.options.scheduler.scheduleTask({
      ...this.options.schedule,
      id: taskId,
      scope: 'global',
      fn: async () => {
        const logger = this.logger.child({ taskId });
        try {
          await this.fullSync(logger);
        } catch (error) {
          logger.warn(
            'Could not read the people of the cloud backend; the catalog keeps the previous ones until the next full sync',
            error instanceof Error ? error : { error: String(error) },
          );
        }
      },
    });
  }

  /** Replaces all the provider's Users with the people of the API. */
  async fullSync(logger: LoggerService = this.logger): Promise<void> {
    const connection = this.requireConnection();
    const body = await this.read('/people', request =>
      this.client.listPeople({}, request),
    );
    if (!body || !Array.isArray(body.items)) {
      throw new Error('GET /people answered without an "items" list');
    }
    const entities = body.items
      .filter(person => typeof person?.name === 'string' && person.name)
      .map(person => this.toDeferred(person));
    await connection.applyMutation({ type: 'full', entities });
    logger.info(
      `Provided ${entities.length} people signed in through the federation`,
    );
  }

  /** Applies one person's change: their new User, or its removal. */
  async applyPersonChange(name: string): Promise<void> {
    const connection = this.requireConnection();
    const person = await this.read(
      `/people/${encodeURIComponent(name)}`,
      request => this.client.getPerson({ path: { name } }, request),
      { allowNotFound: true },
    );
    if (!person) {
      await connection.applyMutation({
        type: 'delta',
        added: [],
        removed: [
          {
            entityRef: stringifyEntityRef({
              kind: 'User',
              namespace: 'default',
              name,
            }),
            locationKey: LOCATION,
          },
        ],
      });
      return;
    }
    await connection.applyMutation({
      type: 'delta',
      added: [this.toDeferred(person)],
      removed: [],
    });
  }

  private async onEvent(params: EventParams): Promise<void> {
    if (params.topic !== CLOUD_PERSON_EVENTS_TOPIC) {
      return;
    }
    const name = (params.eventPayload as Partial<PersonChangedEvent> | null)
      ?.name;
    if (typeof name !== 'string' || !name) {
      this.logger.warn(
        `Ignored a message of topic ${CLOUD_PERSON_EVENTS_TOPIC} without name`,
      );
      return;
    }
    try {
      await this.applyPersonChange(name);
    } catch (error) {
      this.logger.warn(
        `Could not apply the change of person ${name}; the next full sync will`,
        error instanceof Error ? error : { error: String(error) },
      );
    }
  }

  private toDeferred(person: FederationPerson): DeferredEntity {
    return { entity: personToEntity(person), locationKey: LOCATION };
  }

  private requireConnection(): EntityProviderConnection {
    if (!this.connection) {
      throw new Error(`${PROVIDER_NAME} is not connected to the catalog`);
    }
    return this.connection;
  }

  /**
   * A GET of the generated client on the cloud backend's API with a service
   * token of the catalog (`path` names the call in errors); with
   * `allowNotFound`, a 404 gives undefined.
   */
  private async read<T>(
    path: string,
    send: (request: CloudApiRequestOptions) => Promise<CloudApiResponse<T>>,
    options: { allowNotFound?: boolean } = {},
  ): Promise<T | undefined> {
    const { discovery, auth } = this.options;
    const url = `${await discovery.getBaseUrl(CLOUD_PLUGIN_ID)}${path}`;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: CLOUD_PLUGIN_ID,
    });
    const response = await send({ token });
    if (response.status === 404 && options.allowNotFound) {
      return undefined;
    }
    if (!response.ok) {
      throw new Error(`GET ${url} answered ${response.status}`);
    }
    return response.json();
  }
}
