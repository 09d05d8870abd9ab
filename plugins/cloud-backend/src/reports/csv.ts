/**
 * CSV exports of the reports, for spreadsheets and for programs.
 *
 * Two formats (`ReportCsvFormat` of cloud-common), the same rows:
 *
 * - `csv`, for programs: RFC 4180 (comma-separated), English headers, the
 *   codes as the API gives them (`not_started`, `data-migration`), dates in
 *   ISO 8601, numbers with a decimal point;
 * - `csv-fr`, for French spreadsheets (Excel, LibreOffice in French):
 *   semicolon-separated (the list separator of French locales, where the
 *   comma is the decimal mark), French headers, French words instead of
 *   codes (`Non démarré`, `Reprise des données`, `Nouvelle-Aquitaine`),
 *   dates as `05/12/2026 14:30` in Paris time, decimal comma, `oui`/`non`.
 *
 * Both have CRLF line ends, a field quoted (with its quotes doubled) when it
 * holds the separator, a quote or a line break, and a header row. They start
 * with a UTF-8 byte order mark so that Excel reads accented French names as
 * UTF-8.
 *
 * Formula injection: a spreadsheet runs a cell starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return as a formula, and the reports hold text
 * typed by users (reasons, titles). Such text cells are prefixed with a
 * single quote (`'`), which spreadsheets show as text; numbers, negative
 * ones included, are written as they are.
 */

import { stringify } from 'csv-stringify/sync';
import {
  adoptionTotals,
  type AdoptionReport,
  type BlockedReport,
  type DurationsReport,
  type FunnelReport,
  type ReportCsvFormat,
} from '@amue/plugin-cloud-common';
import { frenchWords } from './frenchWords';

/**
 * The value of a CSV cell: null and undefined are empty cells, dates are
 * written in ISO 8601 (`csv`) or in French (`csv-fr`).
 *
 * @internal
 */
export type CsvValue = string | number | boolean | Date | null | undefined;

/**
 * A column of a CSV file: its headers (for programs and in French), how to
 * read its cell from a row (a property name or a function) and, for a
 * column of codes, their French words.
 *
 * @internal
 */
export interface CsvColumn<T> {
  header: string;
  /** The header of the French format; `header` when absent. */
  frHeader?: string;
  value: (keyof T & string) | ((row: T) => CsvValue);
  /** The French word of a code of this column (`csv-fr`). */
  words?: (code: string) => string;
}

/** `05/12/2026 14:30`: a date in Paris time, as French spreadsheets read it. */
const frenchDate = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * Writes rows as a CSV file in one of the two formats (see the top of this
 * file): a header row with the columns' headers, then one line per row.
 *
 * @internal
 */
export function toCsv<T>(
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
  format: ReportCsvFormat = 'csv',
): string {
  const french = format === 'csv-fr';
  const cell = (row: T, column: CsvColumn<T>): CsvValue => {
    const value =
      typeof column.value === 'function'
        ? column.value(row)
        : (row[column.value] as CsvValue);
    return french && column.words && typeof value === 'string'
      ? column.words(value)
      : value;
  };
  const records: CsvValue[][] = [
    columns.map(c => (french ? c.frHeader ?? c.header : c.header)),
    ...rows.map(row => columns.map(column => cell(row, column))),
  ];
  return stringify(records, {
    bom: true,
    delimiter: french ? ';' : ',',
    quote: '"',
    escape: '"',
    record_delimiter: 'windows',
    // with a custom record delimiter, fields holding a lone line feed or
    // carriage return are not quoted by default: RFC 4180 wants them quoted
    quoted_match: /[\r\n]/,
    escape_formulas: true,
    cast: french
      ? {
          boolean: value => (value ? 'oui' : 'non'),
          date: value => frenchDate.format(value).replace(',', ''),
          number: value => String(value).replace('.', ','),
        }
      : {
          boolean: value => (value ? 'true' : 'false'),
          date: value => value.toISOString(),
        },
  });
}

/** The columns that name an establishment, in both formats. */
function establishmentColumns<
  T extends {
    establishment: string;
    title: string;
    uai: string;
    region: string | null;
    type: string | null;
  },
>(): CsvColumn<T>[] {
  return [
    {
      header: 'establishment',
      frHeader: 'Identifiant',
      value: 'establishment',
    },
    { header: 'title', frHeader: 'Établissement', value: 'title' },
    { header: 'uai', frHeader: 'UAI', value: 'uai' },
    {
      header: 'region',
      frHeader: 'Région',
      value: 'region',
      words: frenchWords.region,
    },
    {
      header: 'type',
      frHeader: "Type d'établissement",
      value: 'type',
      words: frenchWords.establishmentType,
    },
  ];
}

/**
 * The adoption matrix as CSV: one row per establishment (name, title, UAI,
 * region, type) with one column per
 * application, headed by the application's name (its title in `csv-fr`),
 * holding `live`, `in_progress` or `not_started` (their French words in
 * `csv-fr`).
 *
 * @internal
 */
export function adoptionCsv(
  report: AdoptionReport,
  format: ReportCsvFormat = 'csv',
): string {
  type Row = AdoptionReport['establishments'][number];
  const columns: CsvColumn<Row>[] = [
    ...establishmentColumns<Row>(),
    ...report.applications.map(
      (a): CsvColumn<Row> => ({
        header: a.application,
        frHeader: a.title,
        value: row => row.cells[a.application],
        words: frenchWords.state,
      }),
    ),
  ];
  return toCsv(report.establishments, columns, format);
}

/**
 * The establishments of the adoption report with their location, as CSV,
 * for the map: one row per establishment (name, title, UAI, region, type,
 * latitude, longitude, empty when unknown) and, for one application, its
 * state; without an application, the number of applications live and in
 * progress.
 *
 * @internal
 */
export function adoptionMapCsv(
  report: AdoptionReport,
  format: ReportCsvFormat = 'csv',
): string {
  type Row = AdoptionReport['establishments'][number];
  const [only] = report.applications.length === 1 ? report.applications : [];
  const count = (row: Row, state: string) =>
    Object.values(row.cells).filter(cell => cell === state).length;
  const columns: CsvColumn<Row>[] = [
    ...establishmentColumns<Row>(),
    {
      header: 'latitude',
      frHeader: 'Latitude',
      value: row => row.location?.latitude,
    },
    {
      header: 'longitude',
      frHeader: 'Longitude',
      value: row => row.location?.longitude,
    },
    ...(only
      ? [
          {
            header: only.application,
            frHeader: only.title,
            value: (row: Row) => row.cells[only.application],
            words: frenchWords.state,
          },
        ]
      : [
          {
            header: 'applicationsLive',
            frHeader: 'Applications en service',
            value: (row: Row) => count(row, 'live'),
          },
          {
            header: 'applicationsInProgress',
            frHeader: 'Applications en cours',
            value: (row: Row) => count(row, 'in_progress'),
          },
        ]),
  ];
  return toCsv(report.establishments, columns, format);
}

/**
 * The adoption per application as CSV: one row per application with the
 * establishments live, in progress, not started and their total.
 *
 * @internal
 */
export function adoptionApplicationsCsv(
  report: AdoptionReport,
  format: ReportCsvFormat = 'csv',
): string {
  const overdueOf = new Map(
    report.overdue.applications.map(a => [a.application, a]),
  );
  return toCsv(
    report.applications,
    [
      { header: 'application', frHeader: 'Identifiant', value: 'application' },
      { header: 'title', frHeader: 'Application', value: 'title' },
      { header: 'live', frHeader: 'En service', value: 'live' },
      { header: 'inProgress', frHeader: 'En cours', value: 'inProgress' },
      { header: 'notStarted', frHeader: 'Non démarré', value: 'notStarted' },
      { header: 'total', frHeader: 'Établissements', value: 'total' },
      {
        header: 'overdueSteps',
        frHeader: 'Étapes en retard',
        value: row => overdueOf.get(row.application)?.overdue ?? 0,
      },
      {
        header: 'tenantsOverdue',
        frHeader: 'Instances en retard',
        value: row => overdueOf.get(row.application)?.tenants ?? 0,
      },
    ],
    format,
  );
}

/** The columns of a step (its code, or its French name, and its side). */
function stepColumns<
  T extends { step: string; side: string },
>(): CsvColumn<T>[] {
  return [
    {
      header: 'step',
      frHeader: 'Étape',
      value: 'step',
      words: frenchWords.step,
    },
    {
      header: 'side',
      frHeader: 'Côté',
      value: 'side',
      words: frenchWords.side,
    },
  ];
}

/**
 * The overdue steps per step as CSV: one row per step, in order.
 *
 * @internal
 */
export function adoptionOverdueCsv(
  report: AdoptionReport,
  format: ReportCsvFormat = 'csv',
): string {
  type Row = AdoptionReport['overdue']['steps'][number];
  return toCsv(
    report.overdue.steps,
    [
      ...stepColumns<Row>(),
      { header: 'overdue', frHeader: 'En retard', value: 'overdue' },
    ],
    format,
  );
}

/**
 * The funding against the programme's envelope as CSV: one row per
 * establishment, then one per application (column `scope`), with the
 * funding granted and paid and the share of the envelope granted (empty
 * without an envelope).
 *
 * @internal
 */
export function adoptionFundingCsv(
  report: AdoptionReport,
  format: ReportCsvFormat = 'csv',
): string {
  const { envelope } = report;
  const share = (grantedEur: number) =>
    envelope.envelopeEur
      ? Math.round((grantedEur / envelope.envelopeEur) * 10000) / 10000
      : null;
  type Row = {
    scope: 'establishment' | 'application';
    name: string;
    title: string;
    uai: string | null;
    grantedEur: number;
    paidEur: number;
  };
  const rows: Row[] = [
    ...envelope.establishments.map(e => ({
      scope: 'establishment' as const,
      name: e.establishment,
      title: e.title,
      uai: e.uai,
      grantedEur: e.grantedEur,
      paidEur: e.paidEur,
    })),
    ...envelope.applications.map(a => ({
      scope: 'application' as const,
      name: a.application,
      title: a.title,
      uai: null,
      grantedEur: a.grantedEur,
      paidEur: a.paidEur,
    })),
  ];
  return toCsv(
    rows,
    [
      {
        header: 'scope',
        frHeader: 'Périmètre',
        value: 'scope',
        words: frenchWords.scope,
      },
      { header: 'name', frHeader: 'Identifiant', value: 'name' },
      { header: 'title', frHeader: 'Nom', value: 'title' },
      { header: 'uai', frHeader: 'UAI', value: 'uai' },
      { header: 'grantedEur', frHeader: 'Accordé (€)', value: 'grantedEur' },
      { header: 'paidEur', frHeader: 'Versé (€)', value: 'paidEur' },
      {
        header: 'envelopeShare',
        frHeader: "Part de l'enveloppe",
        value: row => share(row.grantedEur),
      },
    ],
    format,
  );
}

/** The French names of the programme's totals. */
const TOTAL_WORDS: Record<string, string> = {
  establishments: 'Établissements membres',
  establishmentsLive: 'Établissements avec une application en service',
  establishmentsInProgress: 'Établissements avec une application en cours',
  grantedEur: 'Financement accordé (€)',
  paidEur: 'Financement versé (€)',
  sessionsHeld: 'Sessions de formation',
  staffTrained: 'Personnes formées',
  overdueSteps: 'Étapes en retard',
  envelopeEur: 'Enveloppe incitative (€)',
  remainingEur: "Reste de l'enveloppe (€)",
  consumedShare: "Part de l'enveloppe accordée",
};

/**
 * The programme's totals as CSV: one row per figure (`adoptionTotals`).
 *
 * @internal
 */
export function adoptionTotalsCsv(
  report: AdoptionReport,
  format: ReportCsvFormat = 'csv',
): string {
  const totals = adoptionTotals(report);
  return toCsv(
    Object.entries(totals).map(([figure, value]) => ({ figure, value })),
    [
      {
        header: 'figure',
        frHeader: 'Indicateur',
        value: 'figure',
        words: figure => TOTAL_WORDS[figure] ?? figure,
      },
      { header: 'value', frHeader: 'Valeur', value: 'value' },
    ],
    format,
  );
}

/**
 * The funnel as CSV: one row per step, in order.
 *
 * @internal
 */
export function funnelCsv(
  report: FunnelReport,
  format: ReportCsvFormat = 'csv',
): string {
  type Row = FunnelReport['steps'][number];
  return toCsv(
    report.steps,
    [
      ...stepColumns<Row>(),
      { header: 'reached', frHeader: 'Atteinte', value: 'reached' },
      { header: 'done', frHeader: 'Terminée', value: 'done' },
      { header: 'skipped', frHeader: 'Sans objet', value: 'skipped' },
      { header: 'inProgress', frHeader: 'En cours', value: 'inProgress' },
      { header: 'blocked', frHeader: 'Bloquée', value: 'blocked' },
      { header: 'todo', frHeader: 'À faire', value: 'todo' },
      { header: 'current', frHeader: 'Étape actuelle', value: 'current' },
    ],
    format,
  );
}

/**
 * The durations as CSV: one row per step, in order; empty median and p90
 * when no duration was measured.
 *
 * @internal
 */
export function durationsCsv(
  report: DurationsReport,
  format: ReportCsvFormat = 'csv',
): string {
  type Row = DurationsReport['steps'][number];
  return toCsv(
    report.steps,
    [
      ...stepColumns<Row>(),
      { header: 'count', frHeader: 'Mesures', value: 'count' },
      {
        header: 'medianDays',
        frHeader: 'Médiane (jours)',
        value: 'medianDays',
      },
      { header: 'p90Days', frHeader: '90e centile (jours)', value: 'p90Days' },
    ],
    format,
  );
}

/**
 * The blocked steps as CSV: one row per blocked step, the oldest first.
 *
 * @internal
 */
export function blockedCsv(
  report: BlockedReport,
  format: ReportCsvFormat = 'csv',
): string {
  type Row = BlockedReport['items'][number];
  return toCsv(
    report.items,
    [
      { header: 'tenant', frHeader: 'Instance', value: 'tenant' },
      { header: 'application', frHeader: 'Application', value: 'application' },
      {
        header: 'establishment',
        frHeader: 'Établissement',
        value: 'establishment',
      },
      {
        header: 'environment',
        frHeader: 'Environnement',
        value: 'environment',
        words: frenchWords.environment,
      },
      ...stepColumns<Row>(),
      { header: 'reason', frHeader: 'Motif', value: 'reason' },
      {
        header: 'since',
        frHeader: 'Bloquée depuis',
        // a date, written in the format's way
        value: row => new Date(row.since),
      },
      { header: 'ageDays', frHeader: 'Jours', value: 'ageDays' },
    ],
    format,
  );
}
