import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  ESTABLISHMENT_GROUP_TYPE,
  FORMER_UAIS_ANNOTATION,
  UAI_ANNOTATION,
  checkUai,
} from '@amue/plugin-cloud-common';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** An establishment Group of the catalog, found by one of its UAI codes. */
export interface EstablishmentMatch {
  /** Entity name of the Group, `etab-<uai>`. */
  name: string;
  /** Its current UAI. */
  uai: string;
}

/**
 * Finds the establishment Group of a UAI code, current or former, among
 * the establishment Groups of the catalog. The list is read with the
 * module's service credentials and kept `ttlMs` (60 s by default); an
 * unknown code makes it read again when the list is older than 10 s, so
 * that a new establishment can sign in at once.
 */
export class EstablishmentDirectory {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #ttlMs: number;
  #byUai?: Map<string, EstablishmentMatch>;
  #loadedAt = 0;
  #loading?: Promise<Map<string, EstablishmentMatch>>;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    ttlMs?: number;
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#ttlMs = options.ttlMs ?? 60_000;
  }

  /** The establishment of a UAI code, or undefined when none has it. */
  async find(uai: string): Promise<EstablishmentMatch | undefined> {
    const age = Date.now() - this.#loadedAt;
    let byUai = this.#byUai && age < this.#ttlMs ? this.#byUai : undefined;
    byUai ??= await this.#load();
    const found = byUai.get(uai.toUpperCase());
    if (found || age < 10_000) {
      return found;
    }
    return (await this.#load()).get(uai.toUpperCase());
  }

  #load(): Promise<Map<string, EstablishmentMatch>> {
    this.#loading ??= this.#read().finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  async #read(): Promise<Map<string, EstablishmentMatch>> {
    const { items } = await this.#catalog.getEntities(
      {
        filter: { kind: 'Group', 'spec.type': ESTABLISHMENT_GROUP_TYPE },
        fields: ['metadata.name', 'metadata.annotations'],
      },
      { credentials: await this.#auth.getOwnServiceCredentials() },
    );
    const byUai = new Map<string, EstablishmentMatch>();
    const former: Array<[string, EstablishmentMatch]> = [];
    for (const entity of items) {
      const annotations = entity.metadata.annotations ?? {};
      const current = checkUai(annotations[UAI_ANNOTATION]);
      if (!current.valid) {
        continue;
      }
      const match = { name: entity.metadata.name, uai: current.uai };
      byUai.set(current.uai, match);
      for (const code of (annotations[FORMER_UAIS_ANNOTATION] ?? '').split(
        ',',
      )) {
        const check = checkUai(code);
        if (check.valid) {
          former.push([check.uai, match]);
        }
      }
    }
    // A current UAI wins over the same code listed as another one's former.
    for (const [uai, match] of former) {
      if (!byUai.has(uai)) {
        byUai.set(uai, match);
      }
    }
    this.#byUai = byUai;
    this.#loadedAt = Date.now();
    this.#logger.debug(`Read ${items.length} establishments from the catalog`);
    return byUai;
  }
}
