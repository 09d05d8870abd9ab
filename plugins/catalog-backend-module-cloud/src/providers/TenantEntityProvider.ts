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
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogService,
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { EventParams, EventsService } from '@backstage/plugin-events-node';
import {
  CLOUD_API_VERSION,
  CLOUD_TENANT_EVENTS_TOPIC,
  TENANT_CURRENT_STEP_ANNOTATION,
  TENANT_ID_ANNOTATION,
  Tenant,
  TenantChangedEvent,
  TenantEntityV1alpha1,
  environmentLabel,
} from '@amue/plugin-cloud-common';
import {
  CloudApiClient,
  type CloudApiRequestOptions,
  type CloudApiResponse,
} from '@amue/plugin-cloud-common/client';

const PROVIDER_NAME = 'TenantEntityProvider';

/** Plugin id of the cloud backend, whose REST API the provider reads. */
const CLOUD_PLUGIN_ID = 'cloud';

/**
 * The location of every entity of the provider: its `managed-by-location`
 * and `managed-by-origin-location` annotations and the location key of its
 * mutations. It does not depend on the cloud backend's address, so every
 * backend replica gives the same key (a different key would make the
 * catalog refuse the entities of one replica as conflicts).
 */
const LOCATION = 'cloud-tenants:cloud';

/** Size of the pages of a full sync, the API's maximum. */
const PAGE_SIZE = 500;

/** Default schedule of the full sync. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 5 },
  // Late enough for the establishment groups to be in the catalog (their
  // titles name the tenants) and the cloud backend to answer.
  initialDelay: { seconds: 30 },
};

/**
 * `SIFAC 0333298F (Production)`: the environment in words (the catalog's
 * titles are in French, the portal's default language). Tolerates missing
 * fields: the catalog, not the mapping, refuses a malformed tenant.
 */
function tenantTitle(tenant: Tenant, labels: TenantLabels = {}): string {
  const environment =
    typeof tenant.environment === 'string'
      ? environmentLabel(tenant.environment, 'fr')
      : tenant.environment;
  if (labels.application && labels.establishment) {
    return `${labels.application} — ${labels.establishment} (${environment})`;
  }
  const application =
    typeof tenant.application === 'string'
      ? tenant.application.toUpperCase()
      : '';
  const title = [application, tenant.uai].filter(Boolean).join(' ');
  return environment
    ? `${title || tenant.name} (${environment})`
    : title || tenant.name;
}

/**
 * Display names of a tenant's application and establishment (their catalog
 * titles), for the entity's title.
 *
 * @public
 */
export interface TenantLabels {
  application?: string;
  establishment?: string;
}

/**
 * The Tenant entity of a tenant of the cloud backend: named after the
 * tenant, owned by its establishment Group and an instance of its
 * Application (relations from the catalog model layer).
 *
 * @public
 */
export function tenantToEntity(
  tenant: Tenant,
  labels: TenantLabels = {},
): TenantEntityV1alpha1 {
  const sso =
    tenant.ssoProtocol && tenant.ssoIdpEntityId
      ? { protocol: tenant.ssoProtocol, idpEntityId: tenant.ssoIdpEntityId }
      : undefined;
  return {
    apiVersion: CLOUD_API_VERSION,
    kind: 'Tenant',
    metadata: {
      name: tenant.name,
      title: tenantTitle(tenant, labels),
      annotations: {
        [ANNOTATION_LOCATION]: LOCATION,
        [ANNOTATION_ORIGIN_LOCATION]: LOCATION,
        [TENANT_ID_ANNOTATION]: tenant.id,
        ...(tenant.currentStep
          ? { [TENANT_CURRENT_STEP_ANNOTATION]: tenant.currentStep }
          : {}),
      },
      ...(tenant.url
        ? { links: [{ url: tenant.url, title: 'Instance' }] }
        : {}),
    },
    spec: {
      application: tenant.application,
      establishment: tenant.establishment,
      environment: tenant.environment,
      version: tenant.version,
      status: tenant.status,
      ...(tenant.url ? { url: tenant.url } : {}),
      ...(sso ? { sso } : {}),
    },
  };
}

/**
 * Options of the {@link TenantEntityProvider} constructor.
 *
 * @public
 */
export type TenantEntityProviderOptions = {
  /** Schedule of the full sync. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  logger: LoggerService;
  scheduler: SchedulerService;
  discovery: DiscoveryService;
  auth: AuthService;
  events: EventsService;
  /**
   * Reads the titles of applications and establishments for the entities'
   * titles (`SIFAC — Université de Bordeaux (Production)`); without it, or
   * when the catalog does not answer, titles use codes
   * (`SIFAC 0333298F (Production)`).
   */
  catalog?: CatalogService;
};

/**
 * Emits one Tenant entity per tenant of the cloud backend, read through its
 * REST API with the catalog's service credentials, never from its tables.
 *
 * Each message of the events service topic `cloud.tenant` (published by the
 * cloud backend after each committed change) makes the provider read that
 * tenant and apply a delta mutation: the new version of its entity, or its
 * removal when the API answers 404. A scheduled full sync (global scope, so
 * one backend replica runs it) reads every tenant and replaces all the
 * provider's entities, repairing any change whose message was missed.
 *
 * @public
 */
export class TenantEntityProvider implements EntityProvider {
  private readonly schedule: SchedulerServiceTaskScheduleDefinition;
  private readonly logger: LoggerService;
  private readonly scheduler: SchedulerService;
  private readonly discovery: DiscoveryService;
  private readonly auth: AuthService;
  private readonly client: CloudApiClient;
  private readonly events: EventsService;
  private connection?: EntityProviderConnection;
  private readonly catalog?: CatalogService;
  /** Catalog titles by entity ref, refreshed at each full sync. */
  private titles = new Map<string, string>();

  /**
   * Reads `catalog.providers.cloudTenants.schedule` from the root config.
   */
  static fromConfig(
    config: RootConfigService,
    options: Omit<TenantEntityProviderOptions, 'schedule'>,
  ): TenantEntityProvider {
    const providerConfig = config.getOptionalConfig(
      'catalog.providers.cloudTenants',
    );
    const schedule = providerConfig?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          providerConfig.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE;
    return new TenantEntityProvider({ ...options, schedule });
  }

  constructor(options: TenantEntityProviderOptions) {
    this.schedule = options.schedule;
    this.logger = options.logger.child({ target: PROVIDER_NAME });
    this.scheduler = options.scheduler;
    this.discovery = options.discovery;
    this.client = new CloudApiClient({ discoveryApi: options.discovery });
    this.auth = options.auth;
    this.events = options.events;
    this.catalog = options.catalog;
  }

  /**
   * Loads the catalog titles of the given refs (all of them when `refresh`,
   * otherwise only those not known yet). Never throws: without titles the
   * entities use codes.
   */
  private async loadTitles(
    refs: string[],
    logger: LoggerService,
    refresh = false,
  ): Promise<void> {
    if (!this.catalog) {
      return;
    }
    const wanted = [...new Set(refs)].filter(
      r => refresh || !this.titles.has(r),
    );
    if (wanted.length === 0) {
      return;
    }
    try {
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: wanted,
          fields: ['kind', 'metadata.name', 'metadata.title'],
        },
        { credentials: await this.auth.getOwnServiceCredentials() },
      );
      const next = refresh ? new Map<string, string>() : this.titles;
      items.forEach((entity, i) => {
        if (entity?.metadata.title) {
          next.set(wanted[i], entity.metadata.title);
        }
      });
      this.titles = next;
    } catch (error) {
      logger.warn(
        `Could not read titles from the catalog; tenant titles use codes: ${error}`,
      );
    }
  }

  private refsOf(tenant: Tenant): [string, string] {
    return [
      stringifyEntityRef({
        kind: 'application',
        namespace: 'default',
        name: tenant.application,
      }),
      stringifyEntityRef({
        kind: 'group',
        namespace: 'default',
        name: tenant.establishment,
      }),
    ];
  }

  private labelsOf(tenant: Tenant): TenantLabels {
    const [application, establishment] = this.refsOf(tenant);
    return {
      application: this.titles.get(application),
      establishment: this.titles.get(establishment),
    };
  }

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;

    await this.events.subscribe({
      id: PROVIDER_NAME,
      topics: [CLOUD_TENANT_EVENTS_TOPIC],
      onEvent: params => this.onEvent(params),
    });

    const taskId = `${PROVIDER_NAME}:full-sync`;
    await this.scheduler.scheduleTask({
      ...this.schedule,
      id: taskId,
      scope: 'global',
      fn: async abortSignal => {
        const logger = this.logger.child({ taskId });
        try {
          await this.fullSync({ logger, signal: abortSignal });
        } catch (error) {
          // At start-up the cloud backend may not answer yet: the next run
          // repairs, and the catalog keeps the tenants of the previous run.
          logger.warn(
            'Could not read the tenants of the cloud backend; the catalog keeps the previous ones until the next full sync',
            error instanceof Error ? error : { error: String(error) },
          );
        }
      },
    });
  }

  /**
   * Reads every tenant (pages of 500) and replaces all the provider's
   * entities with them (full mutation). Throws, without touching the
   * catalog, when a page cannot be read.
   */
  async fullSync(
    options: { logger?: LoggerService; signal?: AbortSignal } = {},
  ): Promise<void> {
    const connection = this.requireConnection();
    const logger = options.logger ?? this.logger;

    const byName = new Map<string, Tenant>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { url, body } = await this.listPage(cursor, options.signal);
      if (!body || !Array.isArray(body.items)) {
        throw new Error(`GET ${url} answered without an "items" list`);
      }
      pages += 1;
      for (const tenant of body.items) {
        if (this.isUsable(tenant, url, logger)) {
          byName.set(tenant.name, tenant);
        }
      }
      if (body.nextCursor && body.nextCursor === cursor) {
        throw new Error(`GET ${url} answered the same cursor again`);
      }
      cursor = body.nextCursor || undefined;
    } while (cursor);

    await this.loadTitles(
      [...byName.values()].flatMap(t => this.refsOf(t)),
      logger,
      true,
    );
    const entities = [...byName.keys()]
      .sort()
      .map(name => this.toDeferred(byName.get(name)!));
    await connection.applyMutation({ type: 'full', entities });
    logger.info(
      `Provided ${entities.length} tenants read in ${pages} page(s) from the cloud backend`,
    );
  }

  /**
   * Reads one tenant and applies its change to the catalog (delta
   * mutation): its new entity, or its removal when the API answers 404.
   * Throws when the tenant cannot be read.
   */
  async applyTenantChange(
    name: string,
    options: { logger?: LoggerService } = {},
  ): Promise<void> {
    const connection = this.requireConnection();
    const logger = options.logger ?? this.logger;
    const { url, body } = await this.read(
      `/tenants/${encodeURIComponent(name)}`,
      request => this.client.getTenant({ path: { name } }, request),
      { allowNotFound: true },
    );
    if (body === undefined) {
      const entityRef = stringifyEntityRef({
        kind: 'Tenant',
        namespace: 'default',
        name,
      });
      await connection.applyMutation({
        type: 'delta',
        added: [],
        removed: [{ entityRef }],
      });
      logger.info(`Removed ${entityRef}: the cloud backend has no such tenant`);
      return;
    }
    if (!this.isUsable(body, url, logger)) {
      return;
    }
    await this.loadTitles(this.refsOf(body), logger);
    await connection.applyMutation({
      type: 'delta',
      added: [this.toDeferred(body)],
      removed: [],
    });
    logger.debug(`Updated tenant ${body.name}`);
  }

  /** Handles a message of the events service; never throws. */
  private async onEvent(params: EventParams): Promise<void> {
    if (params.topic !== CLOUD_TENANT_EVENTS_TOPIC) {
      return;
    }
    const payload = params.eventPayload as Partial<TenantChangedEvent> | null;
    const name = payload?.name;
    if (typeof name !== 'string' || !name) {
      this.logger.warn(
        `Ignored a message of topic ${CLOUD_TENANT_EVENTS_TOPIC} without tenant name`,
      );
      return;
    }
    const logger = this.logger.child({ tenant: name });
    try {
      await this.applyTenantChange(name, { logger });
    } catch (error) {
      logger.warn(
        `Could not apply the change of tenant ${name} to the catalog; the next full sync will`,
        error instanceof Error ? error : { error: String(error) },
      );
    }
  }

  private requireConnection(): EntityProviderConnection {
    if (!this.connection) {
      throw new Error(`${PROVIDER_NAME} is not connected to the catalog`);
    }
    return this.connection;
  }

  /**
   * A tenant without a name cannot become an entity, and one such entity
   * would make the catalog refuse the whole mutation: skip it. Every other
   * rule is checked by the catalog (CloudEntityProcessor), which keeps the
   * error of a malformed tenant among its processing errors.
   */
  private isUsable(
    tenant: Tenant | undefined,
    url: string,
    logger: LoggerService,
  ): tenant is Tenant {
    if (
      tenant &&
      typeof tenant === 'object' &&
      typeof tenant.name === 'string' &&
      tenant.name
    ) {
      return true;
    }
    logger.warn(`Skipped a tenant without name answered by GET ${url}`);
    return false;
  }

  private toDeferred(tenant: Tenant): DeferredEntity {
    return {
      entity: tenantToEntity(tenant, this.labelsOf(tenant)),
      locationKey: LOCATION,
    };
  }

  /** One page of `GET /tenants`, from `cursor`. */
  private listPage(cursor: string | undefined, signal?: AbortSignal) {
    const search = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (cursor) {
      search.set('cursor', cursor);
    }
    return this.read(`/tenants?${search}`, request =>
      this.client.listTenants(
        { query: { limit: String(PAGE_SIZE), cursor } },
        { ...request, signal },
      ),
    );
  }

  /**
   * A GET of the generated client on the cloud backend's API, with a
   * service token of the catalog; `path` names the call in errors. With
   * `allowNotFound`, a 404 gives an undefined body. Any other answer than
   * 2xx throws an error naming the URL and the status.
   */
  private async read<T>(
    path: string,
    send: (request: CloudApiRequestOptions) => Promise<CloudApiResponse<T>>,
    options: { allowNotFound?: boolean } = {},
  ): Promise<{ url: string; body: T | undefined }> {
    const url = `${await this.discovery.getBaseUrl(CLOUD_PLUGIN_ID)}${path}`;
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: CLOUD_PLUGIN_ID,
    });
    let response: CloudApiResponse<T>;
    try {
      response = await send({ token });
    } catch (error) {
      throw new Error(`GET ${url} failed: ${describeFailure(error)}`);
    }
    if (response.status === 404 && options.allowNotFound) {
      return { url, body: undefined };
    }
    if (!response.ok) {
      throw new Error(
        `GET ${url} answered ${response.status} ${
          response.statusText
        }${await errorDetail(response)}`,
      );
    }
    return { url, body: await response.json() };
  }
}

/** `: <message>` of a Backstage error body, or nothing. */
async function errorDetail(
  response: CloudApiResponse<unknown>,
): Promise<string> {
  try {
    const body: unknown = await response.json();
    const error =
      body && typeof body === 'object' && 'error' in body
        ? body.error
        : undefined;
    const message =
      error && typeof error === 'object' && 'message' in error
        ? error.message
        : undefined;
    return typeof message === 'string' && message ? `: ${message}` : '';
  } catch {
    return '';
  }
}

/**
 * The message of a failed fetch with its cause (`fetch failed` alone says
 * little): `fetch failed (connect ECONNREFUSED 127.0.0.1:7007)`.
 */
function describeFailure(error: unknown): string {
  const { message, cause } = (error ?? {}) as {
    message?: unknown;
    cause?: { message?: unknown; code?: unknown };
  };
  if (typeof message !== 'string') {
    return String(error);
  }
  const detail = cause?.message || cause?.code;
  return detail ? `${message} (${detail})` : message;
}
