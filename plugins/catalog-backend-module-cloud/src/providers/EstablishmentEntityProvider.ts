import {
  LoggerService,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  GroupEntity,
} from '@backstage/catalog-model';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  ESTABLISHMENT_GROUP_TYPE,
  ESTABLISHMENT_LABELS,
  ESTABLISHMENT_LOCATION_ANNOTATION,
  FORMER_UAIS_ANNOTATION,
  parseGeoPoint,
  UAI_ANNOTATION,
  checkUai,
  establishmentGroupName,
} from '@amue/plugin-cloud-common';
import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const PROVIDER_NAME = 'EstablishmentEntityProvider';

/** File name of the establishments dataset shipped in the package's `data/`. */
const DATASET_FILE =
  'fr-esr-principaux-etablissements-enseignement-superieur.csv';

/** The dataset shipped with this package: the default `source`. */
function defaultSource(): string {
  return resolvePackagePath(
    '@amue/plugin-catalog-backend-module-cloud',
    'data',
    DATASET_FILE,
  );
}

/** Default schedule: every day, at most 10 minutes, 5 s after start-up. */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 5 },
};

/** The columns of the ministry's dataset that the provider reads. */
const COLUMNS = {
  uai: 'uai - identifiant',
  formerUais: 'anciens codes uai',
  label: 'libellé',
  acronym: 'sigle',
  type: "type d'établissement",
  sector: "secteur d'établissement",
  academie: 'Académie',
  region: 'Région',
  commune: 'Commune',
  website: 'site internet',
  geolocation: 'géolocalisation',
} as const;

/** Columns without which the text is not the establishments dataset. */
const REQUIRED_COLUMNS = [COLUMNS.uai, COLUMNS.label];

/**
 * A row of the dataset that did not become an establishment Group.
 *
 * @public
 */
export type SkippedEstablishment = {
  /** Line of the row in the CSV text (the header is line 1). */
  line: number;
  /** The row's `libellé` (name), empty when the row has none. */
  label: string;
  /** Why it was skipped. */
  reason: string;
};

/**
 * Result of {@link parseEstablishments}.
 *
 * @public
 */
export type ParsedEstablishments = {
  /** One establishment Group per kept row, sorted by entity name. */
  entities: GroupEntity[];
  /** Rows that were skipped, in the order of the file. */
  skipped: SkippedEstablishment[];
};

/**
 * Options of {@link parseEstablishments}.
 *
 * @public
 */
export type ParseEstablishmentsOptions = {
  /**
   * The location of the dataset as the catalog writes it (`url:<url>` or
   * `file:<absolute path>`), set as the entities' `managed-by-location` and
   * `managed-by-origin-location` annotations. Left out when not given.
   */
  location?: string;
};

type Row = Record<string, string | undefined>;

/**
 * A Backstage label value from a dataset value: lowercase ASCII, accents
 * removed, every run of other characters turned into `-`, at most 63
 * characters, starting and ending with a letter or digit. Empty when
 * nothing is left.
 */
export function toLabelValue(value: string | undefined): string {
  return (value ?? '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/** The UAI codes of a cell: `;`- or `,`-separated, trimmed, non-empty. */
function splitCodes(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[;,]/)
    .map(code => code.trim())
    .filter(Boolean);
}

function cell(row: Row, column: string): string {
  return (row[column] ?? '').trim();
}

function websiteUrl(raw: string): string | undefined {
  if (!raw) {
    return undefined;
  }
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw)
    ? raw
    : `https://${raw}`;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? candidate
      : undefined;
  } catch {
    return undefined;
  }
}

function toGroup(
  row: Row,
  uai: string,
  formerUais: string[],
  location: string | undefined,
): GroupEntity {
  const label = cell(row, COLUMNS.label);
  const acronym = cell(row, COLUMNS.acronym);
  const title = label || acronym || uai;
  const displayName =
    acronym && acronym.toLowerCase() !== title.toLowerCase()
      ? `${title} (${acronym})`
      : title;
  const description = [COLUMNS.type, COLUMNS.sector, COLUMNS.commune]
    .map(column => cell(row, column))
    .filter(Boolean)
    .join(' — ');

  const annotations: Record<string, string> = {};
  if (location) {
    annotations[ANNOTATION_LOCATION] = location;
    annotations[ANNOTATION_ORIGIN_LOCATION] = location;
  }
  annotations[UAI_ANNOTATION] = uai;
  if (formerUais.length) {
    annotations[FORMER_UAIS_ANNOTATION] = formerUais.join(',');
  }
  const point = parseGeoPoint(cell(row, COLUMNS.geolocation));
  if (point) {
    annotations[
      ESTABLISHMENT_LOCATION_ANNOTATION
    ] = `${point.latitude},${point.longitude}`;
  }

  const labels: Record<string, string> = {};
  const labelColumns: Array<[string, string]> = [
    [ESTABLISHMENT_LABELS.region, COLUMNS.region],
    [ESTABLISHMENT_LABELS.academie, COLUMNS.academie],
    [ESTABLISHMENT_LABELS.type, COLUMNS.type],
    [ESTABLISHMENT_LABELS.sector, COLUMNS.sector],
  ];
  for (const [key, column] of labelColumns) {
    const slug = toLabelValue(cell(row, column));
    if (slug) {
      labels[key] = slug;
    }
  }

  const website = websiteUrl(cell(row, COLUMNS.website));

  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: establishmentGroupName(uai),
      title,
      ...(description ? { description } : {}),
      annotations,
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(website ? { links: [{ url: website, title: 'Site web' }] } : {}),
    },
    spec: {
      type: ESTABLISHMENT_GROUP_TYPE,
      profile: { displayName },
      children: [],
    },
  };
}

/**
 * Turns the text of the ministry's dataset "Principaux établissements
 * d'enseignement supérieur" (`;`-separated CSV, with or without a
 * byte-order mark) into establishment Groups.
 *
 * The first code of the `uai - identifiant` cell is the establishment's
 * identity (`etab-<uai>`); the other codes of that cell and the valid codes
 * of `anciens codes uai` become the `cloud.amue.fr/former-uais` annotation.
 * A row without UAI, with an invalid first UAI, or repeating the UAI of an
 * earlier row is skipped and reported in `skipped`. Entities are sorted by
 * name, so the same dataset always gives the same list.
 *
 * Throws when the text is empty, is not CSV, or lacks the
 * `uai - identifiant` or `libellé` column.
 *
 * @public
 */
export function parseEstablishments(
  csvText: string,
  options: ParseEstablishmentsOptions = {},
): ParsedEstablishments {
  let header: string[] | undefined;
  const records: Array<{ record: Row; info: { lines: number } }> = parse(
    csvText,
    {
      delimiter: ';',
      bom: true,
      columns: (names: string[]) => {
        header = names.map(name => name.trim());
        return header;
      },
      info: true,
      skip_empty_lines: true,
    },
  );

  if (!header) {
    throw new Error('the establishments dataset is empty');
  }
  const missing = REQUIRED_COLUMNS.filter(column => !header!.includes(column));
  if (missing.length) {
    throw new Error(
      `the establishments dataset has no column ${missing
        .map(column => `"${column}"`)
        .join(', ')}`,
    );
  }

  const byName = new Map<string, { entity: GroupEntity; line: number }>();
  const skipped: SkippedEstablishment[] = [];

  for (const { record: row, info } of records) {
    const line = info.lines;
    const label = cell(row, COLUMNS.label);
    const skip = (reason: string) => skipped.push({ line, label, reason });

    const [first, ...others] = splitCodes(row[COLUMNS.uai]);
    if (!first) {
      skip('no UAI code');
      continue;
    }
    const identity = checkUai(first);
    if (!identity.valid) {
      skip(`invalid UAI: ${identity.reason}`);
      continue;
    }
    const name = establishmentGroupName(identity.uai);
    const earlier = byName.get(name);
    if (earlier) {
      skip(
        `UAI ${identity.uai} already used by line ${earlier.line} ("${earlier.entity.metadata.title}")`,
      );
      continue;
    }

    const formerUais: string[] = [];
    for (const code of [...others, ...splitCodes(row[COLUMNS.formerUais])]) {
      const check = checkUai(code);
      if (
        check.valid &&
        check.uai !== identity.uai &&
        !formerUais.includes(check.uai)
      ) {
        formerUais.push(check.uai);
      }
    }

    byName.set(name, {
      entity: toGroup(row, identity.uai, formerUais, options.location),
      line,
    });
  }

  const entities = [...byName.keys()]
    .sort()
    .map(name => byName.get(name)!.entity);
  return { entities, skipped };
}

function describeRow(skipped: SkippedEstablishment): string {
  return skipped.label
    ? `line ${skipped.line} "${skipped.label}"`
    : `line ${skipped.line} (no libellé)`;
}

/**
 * Options of the {@link EstablishmentEntityProvider} constructor.
 *
 * @public
 */
export type EstablishmentEntityProviderOptions = {
  /** A file path or an http(s) URL of the dataset. */
  source: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  logger: LoggerService;
  scheduler: SchedulerService;
};

/**
 * Emits one establishment Group (`spec.type: establishment`) per row of the
 * ministry's dataset of higher-education establishments: the file shipped
 * with this package by default, or the file or URL configured as
 * `catalog.providers.cloudEstablishments.source`. Each run replaces all the
 * provider's entities (full mutation) on the configured schedule, in the
 * global scope so that one backend replica runs it.
 *
 * @public
 */
export class EstablishmentEntityProvider implements EntityProvider {
  private readonly source: string;
  private readonly location: string;
  private readonly schedule: SchedulerServiceTaskScheduleDefinition;
  private readonly logger: LoggerService;
  private readonly scheduler: SchedulerService;
  private connection?: EntityProviderConnection;

  /**
   * Reads `catalog.providers.cloudEstablishments` (`source`, `schedule`)
   * from the root config.
   */
  static fromConfig(
    config: RootConfigService,
    options: { logger: LoggerService; scheduler: SchedulerService },
  ): EstablishmentEntityProvider {
    const providerConfig = config.getOptionalConfig(
      'catalog.providers.cloudEstablishments',
    );
    const source =
      providerConfig?.getOptionalString('source')?.trim() || defaultSource();
    const schedule = providerConfig?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          providerConfig.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE;
    return new EstablishmentEntityProvider({
      source,
      schedule,
      logger: options.logger,
      scheduler: options.scheduler,
    });
  }

  constructor(options: EstablishmentEntityProviderOptions) {
    this.source = EstablishmentEntityProvider.isUrl(options.source)
      ? options.source
      : path.resolve(options.source);
    this.location = EstablishmentEntityProvider.isUrl(this.source)
      ? `url:${this.source}`
      : `file:${this.source}`;
    this.schedule = options.schedule;
    this.logger = options.logger.child({ target: PROVIDER_NAME });
    this.scheduler = options.scheduler;
  }

  private static isUrl(source: string): boolean {
    return /^https?:\/\//i.test(source);
  }

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    const taskId = `${PROVIDER_NAME}:refresh`;
    await this.scheduler.scheduleTask({
      ...this.schedule,
      id: taskId,
      scope: 'global',
      fn: async () => {
        const logger = this.logger.child({ taskId });
        try {
          await this.refresh(logger);
        } catch (error) {
          logger.error(
            `Could not refresh the establishments from ${this.source}; the catalog keeps the previous ones`,
            error instanceof Error ? error : { error: String(error) },
          );
        }
      },
    });
  }

  /**
   * Reads the dataset and replaces the provider's entities with its
   * establishments (full mutation). Skipped rows are logged as warnings.
   * Throws when the dataset cannot be read or parsed, or holds no
   * establishment; the catalog then keeps the entities of the previous run.
   */
  async refresh(logger: LoggerService): Promise<void> {
    if (!this.connection) {
      throw new Error(`${PROVIDER_NAME} is not connected to the catalog`);
    }
    logger.info(`Reading establishments from ${this.source}`);
    const text = await this.read();
    const { entities, skipped } = parseEstablishments(text, {
      location: this.location,
    });
    if (!entities.length) {
      // A dataset without a single establishment is a broken export, not
      // the end of French higher education: keep the previous entities.
      throw new Error(`${this.source} holds no establishment`);
    }
    for (const row of skipped) {
      logger.warn(
        `Skipped establishment at ${describeRow(row)} of ${this.source}: ${
          row.reason
        }`,
      );
    }
    await this.connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: this.location,
      })),
    });
    logger.info(
      `Provided ${entities.length} establishments, skipped ${skipped.length} rows`,
    );
  }

  private async read(): Promise<string> {
    if (!EstablishmentEntityProvider.isUrl(this.source)) {
      return readFile(this.source, 'utf8');
    }
    const response = await fetch(this.source);
    if (!response.ok) {
      throw new Error(
        `GET ${this.source} answered ${response.status} ${response.statusText}`,
      );
    }
    return response.text();
  }
}
