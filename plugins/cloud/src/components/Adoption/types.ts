import type {
  AdoptionReport,
  BlockedReport,
  DurationsReport,
  FunnelReport,
} from '@amue/plugin-cloud-common';

/** The four reports of the dashboard, read together. */
export interface AdoptionReports {
  adoption: AdoptionReport;
  funnel: FunnelReport;
  durations: DurationsReport;
  blocked: BlockedReport;
}
