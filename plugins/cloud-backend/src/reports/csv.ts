/**
 * CSV exports of the reports, for spreadsheets.
 *
 * The files are RFC 4180 CSV: comma-separated, CRLF line ends, a field
 * quoted (with its quotes doubled) when it holds a comma, a quote or a line
 * break, and a header row. They start with a UTF-8 byte order mark so that
 * Excel reads accented French names as UTF-8.
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
} from '@amue/plugin-cloud-common';

/**
 * The value of a CSV cell: null and undefined are empty cells, dates are
 * written in ISO 8601.
 *
 * @internal
 */
export type CsvValue = string | number | boolean | Date | null | undefined;

/**
 * A column of a CSV file: its header and how to read its cell from a row
 * (a property name or a function).
 *
 * @internal
 */
export interface CsvColumn<T> {
  header: string;
  value: (keyof T & string) | ((row: T) => CsvValue);
}

/**
 * Writes rows as a CSV file (see the format at the top of this file): a
 * header row with the columns' headers, then one line per row.
 *
 * @internal
 */
export function toCsv<T>(
  rows: readonly T[],
  columns: readonly CsvColumn<T>[],
): string {
  const cell = (row: T, column: CsvColumn<T>): CsvValue =>
    typeof column.value === 'function'
      ? column.value(row)
      : (row[column.value] as CsvValue);
  const records: CsvValue[][] = [
    columns.map(c => c.header),
    ...rows.map(row => columns.map(column => cell(row, column))),
  ];
  return stringify(records, {
    bom: true,
    delimiter: ',',
    quote: '"',
    escape: '"',
    record_delimiter: 'windows',
    // with a custom record delimiter, fields holding a lone line feed or
    // carriage return are not quoted by default: RFC 4180 wants them quoted
    quoted_match: /[\r\n]/,
    escape_formulas: true,
    cast: {
      boolean: value => (value ? 'true' : 'false'),
      date: value => value.toISOString(),
    },
  });
}

/**
 * The adoption matrix as CSV: one row per establishment (name, title, UAI,
 * region, type) with one column per application, headed by the
 * application's name, holding `live`, `in_progress` or `not_started`.
 *
 * @internal
 */
export function adoptionCsv(report: AdoptionReport): string {
  type Row = AdoptionReport['establishments'][number];
  const columns: CsvColumn<Row>[] = [
    { header: 'establishment', value: 'establishment' },
    { header: 'title', value: 'title' },
    { header: 'uai', value: 'uai' },
    { header: 'region', value: 'region' },
    { header: 'type', value: 'type' },
    ...report.applications.map(
      (a): CsvColumn<Row> => ({
        header: a.application,
        value: row => row.cells[a.application],
      }),
    ),
  ];
  return toCsv(report.establishments, columns);
}

/**
 * The adoption per application as CSV: one row per application with the
 * establishments live, in progress, not started and their total.
 *
 * @internal
 */
export function adoptionApplicationsCsv(report: AdoptionReport): string {
  const overdueOf = new Map(
    report.overdue.applications.map(a => [a.application, a]),
  );
  return toCsv(report.applications, [
    { header: 'application', value: 'application' },
    { header: 'title', value: 'title' },
    { header: 'live', value: 'live' },
    { header: 'inProgress', value: 'inProgress' },
    { header: 'notStarted', value: 'notStarted' },
    { header: 'total', value: 'total' },
    {
      header: 'overdueSteps',
      value: row => overdueOf.get(row.application)?.overdue ?? 0,
    },
    {
      header: 'tenantsOverdue',
      value: row => overdueOf.get(row.application)?.tenants ?? 0,
    },
  ]);
}

/**
 * The overdue steps per step as CSV: one row per step, in order.
 *
 * @internal
 */
export function adoptionOverdueCsv(report: AdoptionReport): string {
  return toCsv(report.overdue.steps, [
    { header: 'step', value: 'step' },
    { header: 'side', value: 'side' },
    { header: 'overdue', value: 'overdue' },
  ]);
}

/**
 * The funding against the programme's envelope as CSV: one row per
 * establishment, then one per application (column `scope`), with the
 * funding granted and paid and the share of the envelope granted (empty
 * without an envelope).
 *
 * @internal
 */
export function adoptionFundingCsv(report: AdoptionReport): string {
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
  return toCsv(rows, [
    { header: 'scope', value: 'scope' },
    { header: 'name', value: 'name' },
    { header: 'title', value: 'title' },
    { header: 'uai', value: 'uai' },
    { header: 'grantedEur', value: 'grantedEur' },
    { header: 'paidEur', value: 'paidEur' },
    { header: 'envelopeShare', value: row => share(row.grantedEur) },
  ]);
}

/**
 * The programme's totals as CSV: one row per figure (`adoptionTotals`).
 *
 * @internal
 */
export function adoptionTotalsCsv(report: AdoptionReport): string {
  const totals = adoptionTotals(report);
  return toCsv(
    Object.entries(totals).map(([figure, value]) => ({ figure, value })),
    [
      { header: 'figure', value: 'figure' },
      { header: 'value', value: 'value' },
    ],
  );
}

/**
 * The funnel as CSV: one row per step, in order.
 *
 * @internal
 */
export function funnelCsv(report: FunnelReport): string {
  return toCsv(report.steps, [
    { header: 'step', value: 'step' },
    { header: 'side', value: 'side' },
    { header: 'reached', value: 'reached' },
    { header: 'done', value: 'done' },
    { header: 'skipped', value: 'skipped' },
    { header: 'inProgress', value: 'inProgress' },
    { header: 'blocked', value: 'blocked' },
    { header: 'todo', value: 'todo' },
    { header: 'current', value: 'current' },
  ]);
}

/**
 * The durations as CSV: one row per step, in order; empty median and p90
 * when no duration was measured.
 *
 * @internal
 */
export function durationsCsv(report: DurationsReport): string {
  return toCsv(report.steps, [
    { header: 'step', value: 'step' },
    { header: 'side', value: 'side' },
    { header: 'count', value: 'count' },
    { header: 'medianDays', value: 'medianDays' },
    { header: 'p90Days', value: 'p90Days' },
  ]);
}

/**
 * The blocked steps as CSV: one row per blocked step, the oldest first.
 *
 * @internal
 */
export function blockedCsv(report: BlockedReport): string {
  return toCsv(report.items, [
    { header: 'tenant', value: 'tenant' },
    { header: 'application', value: 'application' },
    { header: 'establishment', value: 'establishment' },
    { header: 'environment', value: 'environment' },
    { header: 'step', value: 'step' },
    { header: 'side', value: 'side' },
    { header: 'reason', value: 'reason' },
    { header: 'since', value: 'since' },
    { header: 'ageDays', value: 'ageDays' },
  ]);
}
