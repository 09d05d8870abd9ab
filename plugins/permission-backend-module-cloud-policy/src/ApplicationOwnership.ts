import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** How long the list of applications and their owners is kept, by default. */
export const DEFAULT_APPLICATIONS_CACHE_TTL_MS = 30_000;

/** One Application entity of the catalog, reduced to what the policy needs. */
interface ApplicationOwner {
  /** The entity name, e.g. `sifac`. */
  name: string;
  /** The owner's entity ref, normalised and lowercase, e.g. `group:default/amue-equipe-finance`. */
  ownerRef: string;
}

/**
 * Finds the Application entities owned by a user's groups.
 *
 * The list of all applications with their owner is read from the catalog
 * with the permission backend's own service credentials and kept in memory
 * for `cacheTtlMs` (30 s by default): the policy is called for every
 * permission check, including every catalog read, while applications and
 * their owners change rarely (curated YAML under `catalog/`). A new owner
 * team therefore gets its rights at most `cacheTtlMs` after the catalog has
 * ingested the change. Concurrent lookups share one catalog call; a failed
 * call is not cached, so the next decision retries.
 */
export class ApplicationOwnership {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #cacheTtlMs: number;
  #cached?: { expiresAt: number; applications: ApplicationOwner[] };
  #loading?: Promise<ApplicationOwner[]>;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    cacheTtlMs?: number;
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#cacheTtlMs = options.cacheTtlMs ?? DEFAULT_APPLICATIONS_CACHE_TTL_MS;
  }

  /**
   * Names of the applications whose `spec.owner` is among `claims` (the
   * user's ownership entity refs), sorted. Throws when the catalog cannot
   * be read.
   */
  async ownedBy(claims: string[]): Promise<string[]> {
    const owned = new Set(claims.map(claim => claim.toLowerCase()));
    const applications = await this.#applications();
    const names = applications
      .filter(application => owned.has(application.ownerRef))
      .map(application => application.name);
    return [...new Set(names)].sort();
  }

  async #applications(): Promise<ApplicationOwner[]> {
    if (this.#cached && this.#cached.expiresAt > Date.now()) {
      return this.#cached.applications;
    }
    if (!this.#loading) {
      this.#loading = this.#load().then(
        applications => {
          this.#cached = {
            expiresAt: Date.now() + this.#cacheTtlMs,
            applications,
          };
          this.#loading = undefined;
          return applications;
        },
        error => {
          this.#loading = undefined;
          throw error;
        },
      );
    }
    return this.#loading;
  }

  async #load(): Promise<ApplicationOwner[]> {
    const { items } = await this.#catalog.getEntities(
      {
        filter: { kind: 'Application' },
        fields: ['metadata.name', 'metadata.namespace', 'spec.owner'],
      },
      { credentials: await this.#auth.getOwnServiceCredentials() },
    );
    const applications: ApplicationOwner[] = [];
    for (const entity of items) {
      const name = entity.metadata?.name;
      const owner = entity.spec?.owner;
      if (typeof name !== 'string' || typeof owner !== 'string' || !owner) {
        continue;
      }
      try {
        // Same defaults as the catalog model layer's `ownedBy` relation:
        // kind Group, namespace of the application.
        const ownerRef = stringifyEntityRef(
          parseEntityRef(owner, {
            defaultKind: 'group',
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        ).toLowerCase();
        applications.push({ name: name.toLowerCase(), ownerRef });
      } catch {
        this.#logger.warn(
          `Ignoring the owner "${owner}" of application "${name}": not an entity reference`,
        );
      }
    }
    return applications;
  }
}
