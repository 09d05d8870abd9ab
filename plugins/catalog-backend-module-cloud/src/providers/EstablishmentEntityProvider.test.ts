import { mockServices } from '@backstage/backend-test-utils';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  FieldFormatEntityPolicy,
  GroupEntity,
  KubernetesValidatorFunctions,
  SchemaValidEntityPolicy,
  groupEntityV1alpha1Validator,
  parseLocationRef,
} from '@backstage/catalog-model';
import {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { checkUai } from '@amue/plugin-cloud-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  EstablishmentEntityProvider,
  parseEstablishments,
  toLabelValue,
} from './EstablishmentEntityProvider';

const DATASET = path.resolve(
  __dirname,
  '../../data/fr-esr-principaux-etablissements-enseignement-superieur.csv',
);
const datasetText = fs.readFileSync(DATASET, 'utf8');

/*
 * Expected numbers, from the facts of data/README.md, checked below against
 * the raw file without the provider's parser: 250 rows, 19 without UAI, 15
 * with several UAIs, every code valid and no UAI on two rows. Each row with
 * a UAI gives one Group, whatever the number of its codes: 250 - 19 = 231.
 */
const ROWS = 250;
const ROWS_WITHOUT_UAI = 19;
const ROWS_WITH_SEVERAL_UAIS = 15;
const GROUPS = ROWS - ROWS_WITHOUT_UAI;

/**
 * The first cell (`uai - identifiant`) of each line of the raw file, read
 * without the provider's parser: the file has no quoted line break, and the
 * cell is quoted only when it holds several codes.
 */
function rawFirstCells(text: string): string[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);
  return lines.map(line =>
    line.startsWith('"')
      ? line.slice(1, line.indexOf('"', 1))
      : line.slice(0, line.indexOf(';')),
  );
}

function fixtureCsv(rows: string[][]): string {
  const header = [
    'uai - identifiant',
    'anciens codes uai',
    'libellé',
    'sigle',
    "type d'établissement",
    "secteur d'établissement",
    'Code académie',
    'Académie',
    'Code région',
    'Région',
    'Commune',
    'site internet',
    'siren',
  ];
  const quote = (cell: string) => (cell.includes(';') ? `"${cell}"` : cell);
  return `\uFEFF${[header, ...rows]
    .map(row => row.map(quote).join(';'))
    .join('\r\n')}\r\n`;
}

const row = (uai: string, label: string, commune: string): string[] => [
  uai,
  '',
  label,
  '',
  'Université',
  'public',
  'A01',
  'Paris',
  'R11',
  'Île-de-France',
  commune,
  `https://${label.toLowerCase().replace(/[^a-z]+/g, '-')}.example.fr/`,
  '',
];

const BORDEAUX = row('0333298F', 'Université de Bordeaux', 'Bordeaux');
const LILLE = row('0597239Y', 'Université de Lille', 'Lille');
const NANTES = row('0442953W', 'Nantes Université', 'Nantes');
const STRASBOURG = row('0673021V', 'Université de Strasbourg', 'Strasbourg');

function byName(entities: Entity[], name: string): GroupEntity {
  const entity = entities.find(e => e.metadata.name === name);
  if (!entity) {
    throw new Error(`no entity ${name}`);
  }
  return entity as GroupEntity;
}

function mockConnection() {
  const mutations: EntityProviderMutation[] = [];
  const connection: EntityProviderConnection = {
    applyMutation: jest.fn(async (mutation: EntityProviderMutation) => {
      mutations.push(mutation);
    }),
    refresh: jest.fn(),
  };
  return { connection, mutations };
}

function fullEntities(mutation: EntityProviderMutation): Entity[] {
  if (mutation.type !== 'full') {
    throw new Error(`expected a full mutation, got ${mutation.type}`);
  }
  return mutation.entities.map(e => e.entity);
}

const names = (entities: Entity[]) => entities.map(e => e.metadata.name);

describe('the shipped dataset', () => {
  it('has the shape that data/README.md states', () => {
    const [header, ...cells] = rawFirstCells(datasetText);
    expect(header).toBe('uai - identifiant');
    expect(cells).toHaveLength(ROWS);
    expect(cells.filter(cell => cell === '')).toHaveLength(ROWS_WITHOUT_UAI);
    expect(cells.filter(cell => cell.includes(';'))).toHaveLength(
      ROWS_WITH_SEVERAL_UAIS,
    );
    const codes = cells.flatMap(cell => cell.split(';').filter(Boolean));
    expect(codes).toHaveLength(246);
    expect(codes.filter(code => !checkUai(code).valid)).toEqual([]);
    // Every other check letter fails, for each of the 246 codes.
    const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ'.split('');
    const altered = codes.flatMap(code =>
      letters
        .filter(letter => letter !== code[7])
        .map(letter => code.slice(0, 7) + letter),
    );
    expect(altered).toHaveLength(246 * 22);
    expect(altered.filter(code => checkUai(code).valid)).toEqual([]);
    const firstCodes = cells
      .filter(cell => cell !== '')
      .map(cell => cell.split(';')[0]);
    expect(new Set(firstCodes).size).toBe(GROUPS);
  });
});

describe('parseEstablishments', () => {
  const { entities, skipped } = parseEstablishments(datasetText, {
    location: `file:${DATASET}`,
  });

  it('gives one Group per row with a UAI, and skips the rows without', () => {
    expect(entities).toHaveLength(GROUPS);
    expect(GROUPS).toBe(231);
    expect(skipped).toHaveLength(ROWS_WITHOUT_UAI);
    expect(skipped.every(s => s.reason === 'no UAI code')).toBe(true);
    expect(skipped).toContainEqual({
      line: 94,
      label: "Groupe Institut catholique d'arts et métiers",
      reason: 'no UAI code',
    });
  });

  it('emits valid catalog Groups, sorted by name', async () => {
    const fieldFormat = new FieldFormatEntityPolicy();
    const schema = new SchemaValidEntityPolicy();
    for (const entity of entities) {
      await expect(fieldFormat.enforce(entity)).resolves.toBe(entity);
      await expect(schema.enforce(entity)).resolves.toBe(entity);
      await expect(groupEntityV1alpha1Validator.check(entity)).resolves.toBe(
        true,
      );
      for (const value of Object.values(entity.metadata.labels ?? {})) {
        expect(KubernetesValidatorFunctions.isValidLabelValue(value)).toBe(
          true,
        );
      }
      expect(
        parseLocationRef(entity.metadata.annotations![ANNOTATION_LOCATION]),
      ).toEqual({ type: 'file', target: DATASET });
    }
    expect(names(entities)).toEqual([...names(entities)].sort());
    expect(new Set(names(entities)).size).toBe(GROUPS);
  });

  it('maps a row to an establishment Group', () => {
    expect(byName(entities, 'etab-0333298f')).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: {
        name: 'etab-0333298f',
        title: 'Université de Bordeaux',
        description: 'Université — public — Talence',
        annotations: {
          [ANNOTATION_LOCATION]: `file:${DATASET}`,
          [ANNOTATION_ORIGIN_LOCATION]: `file:${DATASET}`,
          'cloud.amue.fr/uai': '0333298F',
          'cloud.amue.fr/former-uais': '0332929E,0331764N,0331765P',
          'cloud.amue.fr/location': '44.809966,-0.596578',
        },
        labels: {
          'cloud.amue.fr/region': 'nouvelle-aquitaine',
          'cloud.amue.fr/academie': 'bordeaux',
          'cloud.amue.fr/establishment-type': 'universite',
          'cloud.amue.fr/sector': 'public',
        },
        links: [{ url: 'https://www.u-bordeaux.fr/', title: 'Site web' }],
      },
      spec: {
        type: 'establishment',
        profile: { displayName: 'Université de Bordeaux' },
        children: [],
      },
    });
    const lille = byName(entities, 'etab-0597239y');
    expect(lille.metadata.title).toBe('Université de Lille');
    // The dataset's `géolocalisation` ("50.631794, 3.07526"), for the map.
    expect(lille.metadata.annotations?.['cloud.amue.fr/location']).toBe(
      '50.631794,3.07526',
    );
    const located = entities.filter(
      e => e.metadata.annotations?.['cloud.amue.fr/location'],
    );
    expect(located.length).toBeGreaterThan(GROUPS - 5);
    expect(lille.spec.parent).toBeUndefined();
  });

  it('puts the sigle in the display name and slugs the labels', () => {
    const lyon = byName(entities, 'etab-0690187d');
    expect(lyon.spec.profile?.displayName).toBe('Centrale Lyon');
    const purpan = byName(entities, 'etab-0310154z');
    expect(purpan.spec.profile?.displayName).toBe(
      "École d'ingénieurs de Purpan (EIP)",
    );
    expect(purpan.metadata.labels).toEqual({
      'cloud.amue.fr/region': 'occitanie',
      'cloud.amue.fr/academie': 'toulouse',
      'cloud.amue.fr/establishment-type': 'ecole',
      'cloud.amue.fr/sector': 'prive',
    });
    const marseille = byName(entities, 'etab-0133774g');
    expect(marseille.metadata.labels?.['cloud.amue.fr/region']).toBe(
      'provence-alpes-cote-d-azur',
    );
  });

  it('keeps the other codes of a multi-UAI row and the former codes', () => {
    const marseille = byName(entities, 'etab-0133774g');
    expect(marseille.metadata.title).toBe('Centrale Méditerranée');
    expect(marseille.metadata.annotations?.['cloud.amue.fr/former-uais']).toBe(
      '0132396J,0133401B,0130219T',
    );
    const imt = byName(entities, 'etab-0912424r');
    expect(imt.metadata.annotations?.['cloud.amue.fr/uai']).toBe('0912424R');
    expect(imt.metadata.annotations?.['cloud.amue.fr/former-uais']).toBe(
      '0755661W',
    );
    expect(entities.find(e => e.metadata.name === 'etab-0755661w')).toBe(
      undefined,
    );
    // Other codes of the cell first, then `anciens codes uai`.
    const insaCvl = byName(entities, 'etab-0180974l');
    expect(insaCvl.metadata.annotations?.['cloud.amue.fr/former-uais']).toBe(
      '0411068N,0410981U,0410979S,0180910S',
    );
    // Every multi-UAI row of the file: one Group, the other codes kept.
    const multi = rawFirstCells(datasetText).filter(cell => cell.includes(';'));
    expect(multi).toHaveLength(ROWS_WITH_SEVERAL_UAIS);
    for (const cell of multi) {
      const [first, ...others] = cell.split(';');
      const entity = byName(entities, `etab-${first.toLowerCase()}`);
      expect(
        entity.metadata.annotations?.['cloud.amue.fr/former-uais']?.split(','),
      ).toEqual(expect.arrayContaining(others));
      for (const other of others) {
        expect(names(entities)).not.toContain(`etab-${other.toLowerCase()}`);
      }
    }
    // A former code equal to the identity is not repeated.
    const insaStrasbourg = byName(entities, 'etab-0670190t');
    expect(
      insaStrasbourg.metadata.annotations?.['cloud.amue.fr/former-uais'],
    ).toBeUndefined();
  });

  it('skips a row whose first UAI has a wrong check letter, naming it', () => {
    const altered = datasetText.replace('\n0690187D;', '\n0690187E;');
    expect(altered).not.toBe(datasetText);
    const result = parseEstablishments(altered);
    expect(result.entities).toHaveLength(GROUPS - 1);
    expect(names(result.entities)).not.toContain('etab-0690187d');
    expect(result.skipped).toHaveLength(ROWS_WITHOUT_UAI + 1);
    expect(result.skipped).toContainEqual({
      line: 2,
      label: 'Centrale Lyon',
      reason: 'invalid UAI: "0690187E" has a wrong check letter: expected D',
    });
  });

  it('skips a second row with the same UAI', () => {
    const result = parseEstablishments(
      fixtureCsv([BORDEAUX, row('0333298F', 'Doublon', 'Talence')]),
    );
    expect(names(result.entities)).toEqual(['etab-0333298f']);
    expect(result.entities[0].metadata.title).toBe('Université de Bordeaux');
    expect(result.skipped).toEqual([
      {
        line: 3,
        label: 'Doublon',
        reason:
          'UAI 0333298F already used by line 2 ("Université de Bordeaux")',
      },
    ]);
  });

  it('drops invalid other codes and keeps the row', () => {
    const multi = row(
      '0333298F;0333298G',
      'Université de Bordeaux',
      'Bordeaux',
    );
    multi[1] = 'not-a-uai;0332929E';
    const [entity] = parseEstablishments(fixtureCsv([multi])).entities;
    expect(entity.metadata.annotations?.['cloud.amue.fr/former-uais']).toBe(
      '0332929E',
    );
  });

  it('refuses a text that is not the dataset', () => {
    expect(() => parseEstablishments('')).toThrow(
      'the establishments dataset is empty',
    );
    expect(() => parseEstablishments('uai;nom\n0333298F;Bordeaux\n')).toThrow(
      'the establishments dataset has no column "uai - identifiant", "libellé"',
    );
  });

  it('gives the same entities for the same text', () => {
    expect(
      parseEstablishments(datasetText, { location: `file:${DATASET}` }),
    ).toEqual({ entities, skipped });
  });
});

describe('toLabelValue', () => {
  it.each([
    ["Provence-Alpes-Côte d'Azur", 'provence-alpes-cote-d-azur'],
    ['Île-de-France', 'ile-de-france'],
    ['Grand établissement', 'grand-etablissement'],
    ['privé', 'prive'],
    ['  Cœur -- ', 'coeur'],
    ['', ''],
    [`${'x'.repeat(62)} y`, 'x'.repeat(62)],
  ])('%p → %p', (input, expected) => {
    expect(toLabelValue(input)).toBe(expected);
  });
});

describe('EstablishmentEntityProvider', () => {
  let tmp: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'establishments-'));
  });

  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  function loggerMock() {
    const logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);
    return logger;
  }

  it('reads the shipped dataset by default and warns once per skipped row', async () => {
    const logger = loggerMock();
    const provider = EstablishmentEntityProvider.fromConfig(
      mockServices.rootConfig({ data: {} }),
      { logger, scheduler: mockServices.scheduler.mock() },
    );
    expect(provider.getProviderName()).toBe('EstablishmentEntityProvider');
    const { connection, mutations } = mockConnection();
    await provider.connect(connection);
    await provider.refresh(logger);

    expect(mutations).toHaveLength(1);
    const mutation = mutations[0];
    expect(mutation.type).toBe('full');
    const entities = fullEntities(mutation);
    expect(entities).toHaveLength(GROUPS);
    expect(names(entities)).toEqual(
      expect.arrayContaining(['etab-0333298f', 'etab-0597239y']),
    );
    // The default source is the shipped file, resolved as a package path.
    expect(entities[0].metadata.annotations).toMatchObject({
      [ANNOTATION_LOCATION]: `file:${DATASET}`,
      [ANNOTATION_ORIGIN_LOCATION]: `file:${DATASET}`,
    });
    expect(mutation.type === 'full' && mutation.entities[0].locationKey).toBe(
      `file:${DATASET}`,
    );

    expect(logger.warn).toHaveBeenCalledTimes(ROWS_WITHOUT_UAI);
    for (const [message] of logger.warn.mock.calls) {
      expect(message).toMatch(
        /^Skipped establishment at line \d+ .* of .*: no UAI code$/,
      );
    }
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        `line 94 "Groupe Institut catholique d'arts et métiers"`,
      ),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('line 32 (no libellé)'),
    );
  });

  it('warns naming a row whose UAI has an altered check letter', async () => {
    const source = path.join(tmp, 'altered.csv');
    fs.writeFileSync(source, datasetText.replace('\n0690187D;', '\n0690187E;'));
    const logger = loggerMock();
    const provider = EstablishmentEntityProvider.fromConfig(
      mockServices.rootConfig({
        data: { catalog: { providers: { cloudEstablishments: { source } } } },
      }),
      { logger, scheduler: mockServices.scheduler.mock() },
    );
    const { connection, mutations } = mockConnection();
    await provider.connect(connection);
    await provider.refresh(logger);

    expect(fullEntities(mutations[0])).toHaveLength(GROUPS - 1);
    expect(logger.warn).toHaveBeenCalledTimes(ROWS_WITHOUT_UAI + 1);
    expect(logger.warn).toHaveBeenCalledWith(
      `Skipped establishment at line 2 "Centrale Lyon" of ${source}: invalid UAI: "0690187E" has a wrong check letter: expected D`,
    );
  });

  it('applies a full mutation that follows the changes of the dataset', async () => {
    const source = path.join(tmp, 'establishments.csv');
    fs.writeFileSync(source, fixtureCsv([BORDEAUX, LILLE, NANTES]));
    const logger = loggerMock();
    const provider = new EstablishmentEntityProvider({
      source,
      schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
      logger,
      scheduler: mockServices.scheduler.mock(),
    });
    const { connection, mutations } = mockConnection();
    await provider.connect(connection);

    await provider.refresh(logger);
    expect(names(fullEntities(mutations[0]))).toEqual([
      'etab-0333298f',
      'etab-0442953w',
      'etab-0597239y',
    ]);

    // Unchanged dataset: the same entities, so nothing changes in the catalog.
    await provider.refresh(logger);
    expect(mutations[1]).toEqual(mutations[0]);

    // Lille removed, Strasbourg added (at the top: order does not matter).
    fs.writeFileSync(source, fixtureCsv([STRASBOURG, BORDEAUX, NANTES]));
    await provider.refresh(logger);
    const changed = names(fullEntities(mutations[2]));
    expect(changed).toEqual([
      'etab-0333298f',
      'etab-0442953w',
      'etab-0673021v',
    ]);
    expect(changed).toContain('etab-0673021v');
    expect(changed).not.toContain('etab-0597239y');
    expect(byName(fullEntities(mutations[2]), 'etab-0333298f')).toEqual(
      byName(fullEntities(mutations[0]), 'etab-0333298f'),
    );
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('reads an http(s) source with fetch', async () => {
    const url = 'https://data.example.org/establishments.csv';
    const fetchMock = jest
      .spyOn(global, 'fetch')
      .mockResolvedValue(new Response(fixtureCsv([BORDEAUX])));
    const logger = loggerMock();
    const provider = EstablishmentEntityProvider.fromConfig(
      mockServices.rootConfig({
        data: {
          catalog: { providers: { cloudEstablishments: { source: url } } },
        },
      }),
      { logger, scheduler: mockServices.scheduler.mock() },
    );
    const { connection, mutations } = mockConnection();
    await provider.connect(connection);
    await provider.refresh(logger);

    expect(fetchMock).toHaveBeenCalledWith(url);
    const [entity] = fullEntities(mutations[0]);
    expect(entity.metadata.annotations).toMatchObject({
      [ANNOTATION_LOCATION]: `url:${url}`,
      [ANNOTATION_ORIGIN_LOCATION]: `url:${url}`,
    });
    expect(
      mutations[0].type === 'full' && mutations[0].entities[0].locationKey,
    ).toBe(`url:${url}`);

    fetchMock.mockResolvedValue(
      new Response('unavailable', { status: 503, statusText: 'Unavailable' }),
    );
    await expect(provider.refresh(logger)).rejects.toThrow(
      `GET ${url} answered 503 Unavailable`,
    );
    expect(mutations).toHaveLength(1);
  });

  it('reads source and schedule from the config, and schedules a global task', async () => {
    const source = path.join(tmp, 'establishments.csv');
    fs.writeFileSync(source, fixtureCsv([BORDEAUX, LILLE]));
    const logger = loggerMock();
    const scheduler = mockServices.scheduler.mock();
    const provider = EstablishmentEntityProvider.fromConfig(
      mockServices.rootConfig({
        data: {
          catalog: {
            providers: {
              cloudEstablishments: {
                source,
                schedule: {
                  frequency: { minutes: 30 },
                  timeout: { minutes: 3 },
                  initialDelay: { seconds: 15 },
                },
              },
            },
          },
        },
      }),
      { logger, scheduler },
    );
    const { connection, mutations } = mockConnection();
    await provider.connect(connection);

    expect(scheduler.scheduleTask).toHaveBeenCalledTimes(1);
    const task = scheduler.scheduleTask.mock.calls[0][0];
    expect(task).toMatchObject({
      id: 'EstablishmentEntityProvider:refresh',
      scope: 'global',
      frequency: { minutes: 30 },
      timeout: { minutes: 3 },
      initialDelay: { seconds: 15 },
    });
    expect(mutations).toHaveLength(0);

    await task.fn(new AbortController().signal);
    const entities = fullEntities(mutations[0]);
    expect(names(entities)).toEqual(['etab-0333298f', 'etab-0597239y']);
    expect(entities[0].metadata.annotations?.[ANNOTATION_LOCATION]).toBe(
      `file:${source}`,
    );
  });

  it('schedules every hour by default', async () => {
    const scheduler = mockServices.scheduler.mock();
    const provider = EstablishmentEntityProvider.fromConfig(
      mockServices.rootConfig({ data: {} }),
      { logger: loggerMock(), scheduler },
    );
    await provider.connect(mockConnection().connection);
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        scope: 'global',
        frequency: { hours: 1 },
        timeout: { minutes: 10 },
        initialDelay: { seconds: 5 },
      }),
    );
  });

  it('logs a failed run without throwing, and keeps the previous entities', async () => {
    const source = path.join(tmp, 'establishments.csv');
    fs.writeFileSync(source, fixtureCsv([BORDEAUX]));
    const logger = loggerMock();
    const scheduler = mockServices.scheduler.mock();
    const provider = new EstablishmentEntityProvider({
      source,
      schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
      logger,
      scheduler,
    });
    const { connection, mutations } = mockConnection();
    await provider.connect(connection);
    const task = scheduler.scheduleTask.mock.calls[0][0];

    await task.fn(new AbortController().signal);
    expect(mutations).toHaveLength(1);

    fs.rmSync(source);
    await expect(
      task.fn(new AbortController().signal),
    ).resolves.toBeUndefined();
    fs.writeFileSync(source, fixtureCsv([]));
    await expect(
      task.fn(new AbortController().signal),
    ).resolves.toBeUndefined();
    fs.writeFileSync(source, 'not;the;dataset\n');
    await expect(
      task.fn(new AbortController().signal),
    ).resolves.toBeUndefined();

    expect(mutations).toHaveLength(1);
    expect(logger.error).toHaveBeenCalledTimes(3);
    expect(logger.error.mock.calls[0][0]).toBe(
      `Could not refresh the establishments from ${source}; the catalog keeps the previous ones`,
    );
    expect(String(logger.error.mock.calls[1][1])).toContain(
      'holds no establishment',
    );
    expect(String(logger.error.mock.calls[2][1])).toContain(
      'has no column "uai - identifiant"',
    );
  });

  it('refuses to refresh before it is connected', async () => {
    const provider = new EstablishmentEntityProvider({
      source: DATASET,
      schedule: { frequency: { hours: 1 }, timeout: { minutes: 1 } },
      logger: loggerMock(),
      scheduler: mockServices.scheduler.mock(),
    });
    await expect(provider.refresh(loggerMock())).rejects.toThrow(
      'EstablishmentEntityProvider is not connected to the catalog',
    );
  });
});
