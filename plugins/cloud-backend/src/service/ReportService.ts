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
  json(report: ReportName, options: { credentials: Caller }): Promise<unknown>;
  csv(report: ReportName, options: { credentials: Caller }): Promise<string>;
}
