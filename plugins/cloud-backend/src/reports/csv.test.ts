import {
  adoptionApplicationsCsv,
  adoptionCsv,
  adoptionFundingCsv,
  adoptionMapCsv,
  adoptionOverdueCsv,
  adoptionTotalsCsv,
  blockedCsv,
  durationsCsv,
  funnelCsv,
  toCsv,
} from './csv';
import {
  AdoptionReport,
  BlockedReport,
  DurationsReport,
  FunnelReport,
} from '@amue/plugin-cloud-common';

const BOM = '\uFEFF';

/** The lines of a CSV file, its BOM checked and removed. */
function lines(csv: string): string[] {
  expect(csv.startsWith(BOM)).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv.slice(BOM.length, -2).split('\r\n');
}

describe('toCsv', () => {
  interface Row {
    name: string;
    count: number | null;
    note?: string;
  }
  const columns = [
    { header: 'name', value: 'name' as const },
    { header: 'count', value: 'count' as const },
    { header: 'note', value: (row: Row) => row.note?.toUpperCase() },
  ];

  it('writes a UTF-8 BOM, a header row and CRLF line ends', () => {
    const csv = toCsv<Row>(
      [
        { name: 'Université de Bordeaux', count: 3, note: 'ok' },
        { name: 'Lille', count: null },
      ],
      columns,
    );
    expect(csv).toBe(
      `${BOM}name,count,note\r\nUniversité de Bordeaux,3,OK\r\nLille,,\r\n`,
    );
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
  });

  it('writes only the header for no rows', () => {
    expect(toCsv<Row>([], columns)).toBe(`${BOM}name,count,note\r\n`);
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    const csv = toCsv<Row>(
      [
        { name: 'a, b', count: 1, note: 'say "hi"' },
        { name: 'two\nlines', count: 2 },
      ],
      columns,
    );
    expect(csv).toBe(
      `${BOM}name,count,note\r\n"a, b",1,"SAY ""HI"""\r\n"two\nlines",2,\r\n`,
    );
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    const csv = toCsv<Row>(
      [
        { name: '=HYPERLINK("http://evil")', count: -5 },
        { name: '+33 5 56 00 00 00', count: 0 },
        { name: '-2+3', count: 1 },
        { name: '@SUM(A1)', count: 1 },
        { name: '\tcmd', count: 1 },
        { name: 'a=b', count: 1 },
      ],
      columns,
    );
    expect(lines(csv)).toEqual([
      'name,count,note',
      // negative numbers are numbers, not formulas
      `"'=HYPERLINK(""http://evil"")",-5,`,
      "'+33 5 56 00 00 00,0,",
      "'-2+3,1,",
      "'@SUM(A1),1,",
      "'\tcmd,1,",
      'a=b,1,',
    ]);
  });

  it('writes dates in ISO 8601 and booleans as words', () => {
    const csv = toCsv(
      [{ at: new Date('2026-01-05T10:00:00Z'), ok: true }],
      [
        { header: 'at', value: 'at' },
        { header: 'ok', value: 'ok' },
      ],
    );
    expect(lines(csv)).toEqual(['at,ok', '2026-01-05T10:00:00.000Z,true']);
  });
});

/** An adoption report of two establishments and two applications. */
const REPORT: AdoptionReport = {
  applications: [
    {
      application: 'sifac',
      title: 'SIFAC',
      live: 1,
      inProgress: 0,
      notStarted: 1,
      total: 2,
    },
    {
      application: 'siham',
      title: 'SIHAM',
      live: 0,
      inProgress: 1,
      notStarted: 1,
      total: 2,
    },
  ],
  establishments: [
    {
      establishment: 'etab-0333298f',
      title: 'Université de Bordeaux',
      uai: '0333298F',
      region: 'nouvelle-aquitaine',
      type: 'universite',
      cells: { sifac: 'live', siham: 'in_progress' },
    },
    {
      establishment: 'etab-0597239y',
      title: 'Université de Lille, campus cité',
      uai: '0597239Y',
      region: null,
      type: null,
      cells: { sifac: 'not_started', siham: 'not_started' },
    },
  ],
  funding: { grantedEur: 0, paidEur: 0 },
  training: { sessionsHeld: 0, staffTrained: 0 },
  overdue: {
    total: 3,
    steps: [
      { step: 'qualification', side: 'amue', overdue: 1 },
      { step: 'identity', side: 'establishment', overdue: 2 },
    ],
    applications: [
      { application: 'sifac', title: 'SIFAC', overdue: 0, tenants: 0 },
      { application: 'siham', title: 'SIHAM', overdue: 3, tenants: 2 },
    ],
  },
  envelope: {
    envelopeEur: 100000,
    programme: true,
    grantedEur: 15000,
    paidEur: 5000,
    remainingEur: 85000,
    consumedShare: 0.15,
    establishments: [
      {
        establishment: 'etab-0333298f',
        title: 'Université de Bordeaux',
        uai: '0333298F',
        grantedEur: 15000,
        paidEur: 5000,
      },
    ],
    applications: [
      {
        application: 'sifac',
        title: '=SIFAC',
        grantedEur: 15000,
        paidEur: 5000,
      },
    ],
  },
};

describe('report CSVs', () => {
  it('writes the adoption matrix, one column per application', () => {
    const report = REPORT;
    expect(lines(adoptionCsv(report))).toEqual([
      'establishment,title,uai,region,type,sifac,siham',
      'etab-0333298f,Université de Bordeaux,0333298F,nouvelle-aquitaine,universite,live,in_progress',
      'etab-0597239y,"Université de Lille, campus cité",0597239Y,,,not_started,not_started',
    ]);
    expect(lines(adoptionApplicationsCsv(report))).toEqual([
      'application,title,live,inProgress,notStarted,total,overdueSteps,tenantsOverdue',
      'sifac,SIFAC,1,0,1,2,0,0',
      'siham,SIHAM,0,1,1,2,3,2',
    ]);
    expect(lines(adoptionOverdueCsv(report))).toEqual([
      'step,side,overdue',
      'qualification,amue,1',
      'identity,establishment,2',
    ]);
    // a title starting as a formula is written as text
    expect(lines(adoptionFundingCsv(report))).toEqual([
      'scope,name,title,uai,grantedEur,paidEur,envelopeShare',
      'establishment,etab-0333298f,Université de Bordeaux,0333298F,15000,5000,0.15',
      "application,sifac,'=SIFAC,,15000,5000,0.15",
    ]);
    expect(
      lines(
        adoptionFundingCsv({
          ...report,
          envelope: { ...report.envelope, envelopeEur: null },
        }),
      )[1],
    ).toBe(
      'establishment,etab-0333298f,Université de Bordeaux,0333298F,15000,5000,',
    );
    expect(
      lines(
        adoptionTotalsCsv({
          ...report,
          funding: { grantedEur: 15000, paidEur: 5000 },
          training: { sessionsHeld: 2, staffTrained: 30 },
        }),
      ),
    ).toEqual([
      'figure,value',
      'establishments,2',
      'establishmentsLive,1',
      'establishmentsInProgress,0',
      'grantedEur,15000',
      'paidEur,5000',
      'sessionsHeld,2',
      'staffTrained,30',
      'overdueSteps,3',
      'envelopeEur,100000',
      'remainingEur,85000',
      'consumedShare,0.15',
    ]);
  });

  it('writes the funnel, the durations and the blocked steps', () => {
    const funnel: FunnelReport = {
      tenants: 3,
      steps: [
        {
          step: 'request',
          side: 'establishment',
          reached: 3,
          done: 3,
          skipped: 0,
          inProgress: 0,
          blocked: 0,
          todo: 0,
          current: 0,
        },
      ],
    };
    expect(lines(funnelCsv(funnel))).toEqual([
      'step,side,reached,done,skipped,inProgress,blocked,todo,current',
      'request,establishment,3,3,0,0,0,0,0',
    ]);

    const durations: DurationsReport = {
      steps: [
        {
          step: 'qualification',
          side: 'amue',
          count: 4,
          medianDays: 3,
          p90Days: 3.7,
        },
        {
          step: 'decommissioning',
          side: 'establishment',
          count: 0,
          medianDays: null,
          p90Days: null,
        },
      ],
    };
    expect(lines(durationsCsv(durations))).toEqual([
      'step,side,count,medianDays,p90Days',
      'qualification,amue,4,3,3.7',
      'decommissioning,establishment,0,,',
    ]);

    const blocked: BlockedReport = {
      total: 1,
      items: [
        {
          tenant: 'siham-0597239y-production',
          application: 'siham',
          establishment: 'etab-0597239y',
          environment: 'production',
          step: 'data-migration',
          side: 'amue',
          reason: '=extractions manquantes, "SIHAM"',
          since: '2026-01-17T12:00:00.000Z',
          ageDays: 27.5,
        },
      ],
    };
    expect(lines(blockedCsv(blocked))).toEqual([
      'tenant,application,establishment,environment,step,side,reason,since,ageDays',
      `siham-0597239y-production,siham,etab-0597239y,production,data-migration,amue,"'=extractions manquantes, ""SIHAM""",2026-01-17T12:00:00.000Z,27.5`,
    ]);
  });
});

describe('French CSVs (csv-fr)', () => {
  const report: AdoptionReport = {
    ...REPORT,
    establishments: [
      {
        ...REPORT.establishments[0],
        location: { latitude: 44.809966, longitude: -0.596578 },
      },
      {
        establishment: 'etab-9840349g',
        title: 'Université de la Polynésie française; Tahiti',
        uai: '9840349G',
        region: 'collectivites-d-outre-mer',
        type: 'grand-etablissement',
        location: null,
        cells: { sifac: 'not_started', siham: 'not_started' },
      },
    ],
    funding: { grantedEur: 15000, paidEur: 5000 },
    training: { sessionsHeld: 2, staffTrained: 30 },
    overdue: {
      total: 1,
      steps: [{ step: 'data-migration', side: 'establishment', overdue: 1 }],
      applications: [],
    },
    envelope: {
      envelopeEur: 100000,
      programme: true,
      grantedEur: 15000,
      paidEur: 5000,
      remainingEur: 85000,
      consumedShare: 0.15,
      establishments: [],
      applications: [
        { application: 'sifac', title: 'SIFAC', grantedEur: 15000, paidEur: 0 },
      ],
    },
  };

  it('writes semicolons, French headers and words, with a BOM', () => {
    expect(lines(adoptionCsv(report, 'csv-fr'))).toEqual([
      "Identifiant;Établissement;UAI;Région;Type d'établissement;SIFAC;SIHAM",
      'etab-0333298f;Université de Bordeaux;0333298F;Nouvelle-Aquitaine;Université;En service;En cours',
      // a field holding the separator is quoted
      `etab-9840349g;"Université de la Polynésie française; Tahiti";9840349G;Collectivités d'outre-mer;Grand établissement;Non démarré;Non démarré`,
    ]);
    expect(lines(adoptionOverdueCsv(report, 'csv-fr'))).toEqual([
      'Étape;Côté;En retard',
      'Reprise des données;Établissement;1',
    ]);
    expect(lines(adoptionFundingCsv(report, 'csv-fr'))).toEqual([
      "Périmètre;Identifiant;Nom;UAI;Accordé (€);Versé (€);Part de l'enveloppe",
      'Application;sifac;SIFAC;;15000;0;0,15',
    ]);
    expect(lines(adoptionTotalsCsv(report, 'csv-fr')).slice(0, 2)).toEqual([
      'Indicateur;Valeur',
      'Établissements membres;2',
    ]);
    // the raw format of the same report keeps the codes
    expect(lines(adoptionOverdueCsv(report, 'csv'))[1]).toBe(
      'data-migration,establishment,1',
    );
  });

  it('writes French dates in Paris time and decimal commas', () => {
    const blocked: BlockedReport = {
      total: 1,
      items: [
        {
          tenant: 'siham-0597239y-production',
          application: 'siham',
          establishment: 'etab-0597239y',
          environment: 'preproduction',
          step: 'identity',
          side: 'establishment',
          reason: '-1 compte manquant',
          since: '2026-07-14T12:05:00.000Z',
          ageDays: 27.5,
        },
      ],
    };
    expect(lines(blockedCsv(blocked, 'csv-fr'))).toEqual([
      'Instance;Application;Établissement;Environnement;Étape;Côté;Motif;Bloquée depuis;Jours',
      // 12:05 UTC is 14:05 in Paris in summer; a text that a spreadsheet
      // would run as a formula is still neutralised
      "siham-0597239y-production;siham;etab-0597239y;Pré-production;Authentification unique (SSO);Établissement;'-1 compte manquant;14/07/2026 14:05;27,5",
    ]);
    expect(lines(blockedCsv(blocked, 'csv'))[1]).toBe(
      "siham-0597239y-production,siham,etab-0597239y,preproduction,identity,establishment,'-1 compte manquant,2026-07-14T12:05:00.000Z,27.5",
    );
    const durations: DurationsReport = {
      steps: [
        {
          step: 'go-live',
          side: 'amue',
          count: 2,
          medianDays: 1.25,
          p90Days: null,
        },
      ],
    };
    expect(lines(durationsCsv(durations, 'csv-fr'))).toEqual([
      'Étape;Côté;Mesures;Médiane (jours);90e centile (jours)',
      'Mise en production;Amue;2;1,25;',
    ]);
    const funnel: FunnelReport = { tenants: 0, steps: [] };
    expect(lines(funnelCsv(funnel, 'csv-fr'))).toEqual([
      'Étape;Côté;Atteinte;Terminée;Sans objet;En cours;Bloquée;À faire;Étape actuelle',
    ]);
  });

  it('writes the map: locations and, for one application, its state', () => {
    expect(lines(adoptionMapCsv(report, 'csv'))).toEqual([
      'establishment,title,uai,region,type,latitude,longitude,applicationsLive,applicationsInProgress',
      'etab-0333298f,Université de Bordeaux,0333298F,nouvelle-aquitaine,universite,44.809966,-0.596578,1,1',
      'etab-9840349g,Université de la Polynésie française; Tahiti,9840349G,collectivites-d-outre-mer,grand-etablissement,,,0,0',
    ]);
    const sifacOnly = { ...report, applications: [report.applications[0]] };
    expect(lines(adoptionMapCsv(sifacOnly, 'csv-fr'))[1]).toBe(
      'etab-0333298f;Université de Bordeaux;0333298F;Nouvelle-Aquitaine;Université;44,809966;-0,596578;En service',
    );
  });
});
