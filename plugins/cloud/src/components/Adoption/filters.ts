import type { ReportFilters } from '@amue/plugin-cloud-common';
import { createContext, useContext } from 'react';

/**
 * The filters chosen on the Adoption page, for every section and every CSV
 * export of the page (the backend narrows each report by them).
 */
export const ReportFiltersContext = createContext<ReportFilters>({});

/** The page's filters (none outside the page). */
export function useReportFilters(): ReportFilters {
  return useContext(ReportFiltersContext);
}

/** True when a filter narrows the reports. */
export function hasReportFilters(filters: ReportFilters): boolean {
  return Object.values(filters).some(value => Boolean(value));
}
