import type {
  AdoptionCsvView,
  ApplicationAdoption,
  ReportCsvFormat,
  ReportFilters,
} from '@amue/plugin-cloud-common';
import type { Caller } from './types';

/**
 * The reports of the programme.
 *
 * @internal
 */
export type ReportName = 'adoption' | 'funnel' | 'durations' | 'blocked';

/**
 * The reports, checked against `cloud.report.read`, restricted to the
 * tenants the caller may read and to the applications of its scope, and
 * narrowed by the filters (the same for JSON and every CSV).
 *
 * @internal
 */
export interface ReportService {
  /**
   * Per application: establishments live, in progress, not started, over
   * all tenants. Counts only (no establishment named), for every signed-in
   * user: the application pages show them.
   */
  adoptionSummary(): Promise<{ applications: ApplicationAdoption[] }>;
  json(
    report: ReportName,
    options: { credentials: Caller; filters?: ReportFilters },
  ): Promise<object>;
  /**
   * A report as CSV (`csv` for programs by default, `csv-fr` for French
   * spreadsheets); `view` chooses among the adoption report's views.
   */
  csv(
    report: ReportName,
    options: {
      credentials: Caller;
      view?: AdoptionCsvView;
      filters?: ReportFilters;
      format?: ReportCsvFormat;
    },
  ): Promise<string>;
}
