import type {
  AdoptionCsvView,
  ApplicationAdoption,
} from '@amue/plugin-cloud-common';
import type { Caller } from './types';

/**
 * The reports of the programme.
 *
 * @internal
 */
export type ReportName = 'adoption' | 'funnel' | 'durations' | 'blocked';

/**
 * The reports, checked against `cloud.report.read` and restricted to the
 * tenants the caller may read.
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
  json(report: ReportName, options: { credentials: Caller }): Promise<object>;
  /** A report as CSV; `view` chooses among the adoption report's views. */
  csv(
    report: ReportName,
    options: { credentials: Caller; view?: AdoptionCsvView },
  ): Promise<string>;
}
