import type {
  AdoptionCsvView,
  Environment,
  OnboardingAction,
  OnboardingStepId,
  SsoProtocol,
  TenantDetails,
  TenantEvent,
  TenantFunding,
  TenantListItem,
  TenantRequest,
  TenantStatus,
  TenantTraining,
} from '@amue/plugin-cloud-common';
import { createApiRef } from '@backstage/frontend-plugin-api';

/**
 * Filters, order and page of a list of tenants (each array means "any of").
 *
 * @public
 */
export interface ListTenantsQuery {
  establishment?: string[];
  application?: string[];
  environment?: Environment[];
  status?: TenantStatus[];
  currentStep?: OnboardingStepId;
  blocked?: boolean;
  limit?: number;
  cursor?: string;
  orderBy?: 'name' | 'createdAt' | 'updatedAt';
  order?: 'asc' | 'desc';
  /** `steps`: each tenant with its onboarding steps. */
  include?: 'steps';
}

/**
 * A page of tenants.
 *
 * @public
 */
export interface TenantPage {
  items: TenantListItem[];
  nextCursor?: string;
}

/**
 * A tenant with its event log (the timeline, comments included).
 *
 * @public
 */
export interface TenantWithEvents extends TenantDetails {
  events: TenantEvent[];
}

/**
 * A request for a hosted instance.
 *
 * @public
 */
export interface CreateRequestInput {
  application: string;
  uai: string;
  environment: Environment;
  version: string;
  url?: string;
  sso?: { protocol: SsoProtocol; idpEntityId: string };
  request: TenantRequest;
  idempotencyKey?: string;
}

/**
 * The reports of the programme.
 *
 * @public
 */
export type CloudReportName = 'adoption' | 'funnel' | 'durations' | 'blocked';

/**
 * Adoption counts of each application.
 *
 * @public
 */
export interface AdoptionSummary {
  applications: Array<{
    application: string;
    title: string;
    live: number;
    inProgress: number;
    notStarted: number;
    total: number;
  }>;
}

/**
 * Client of the cloud backend's REST API (plugin id `cloud`). Errors are
 * thrown as `ResponseError` of `@backstage/errors`: its `statusCode` is 409
 * when someone else changed the row first.
 *
 * @public
 */
export interface CloudApi {
  listTenants(query?: ListTenantsQuery): Promise<TenantPage>;
  getTenant(name: string): Promise<TenantWithEvents>;
  createRequest(
    input: CreateRequestInput,
  ): Promise<{ tenant: TenantDetails; created: boolean }>;
  applyStepAction(
    name: string,
    stepId: OnboardingStepId,
    body: { action: OnboardingAction; reason?: string; rowVersion: number },
  ): Promise<TenantDetails>;
  decideRequest(
    name: string,
    body: {
      decision: 'approve' | 'reject';
      reason?: string;
      rowVersion: number;
    },
  ): Promise<TenantDetails>;
  addComment(
    name: string,
    body: { comment: string; stepId?: OnboardingStepId },
  ): Promise<TenantEvent>;
  recordFunding(
    name: string,
    body: { grantedEur: number; paidEur: number; rowVersion: number },
  ): Promise<TenantFunding>;
  recordTraining(
    name: string,
    body: { sessionsHeld: number; staffTrained: number; rowVersion: number },
  ): Promise<TenantTraining>;
  /**
   * Per application: establishments live, in progress and not started, out
   * of all member establishments. Counts only, readable by every signed-in
   * user (the detailed reports are Amue's).
   */
  getAdoptionSummary(): Promise<AdoptionSummary>;
  /** A report as JSON (its shape is the backend's report type). */
  getReport<T = unknown>(report: CloudReportName): Promise<T>;
  /** The URL of a report's CSV export (fetch it with the fetch API). */
  /** A report as CSV; `view` chooses among the adoption report's views. */
  getReportCsv(report: CloudReportName, view?: AdoptionCsvView): Promise<Blob>;
}

/**
 * The API reference of {@link CloudApi}.
 *
 * @public
 */
export const cloudApiRef = createApiRef<CloudApi>({ id: 'plugin.cloud.api' });
