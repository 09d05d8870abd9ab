import type {
  AdoptionCsvView,
  Environment,
  OnboardingAction,
  OnboardingStepId,
  ReportCsvFormat,
  ReportFilters,
  TenantDetails,
  TenantEvent,
  TenantFunding,
  TenantStatus,
  TenantTraining,
  TodoList,
} from '@amue/plugin-cloud-common';
import type {
  AdoptionCounts,
  ListTenants200Response,
  RequestInput,
  TenantWithEvents as ApiTenantWithEvents,
} from '@amue/plugin-cloud-common/client';
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
export type TenantPage = ListTenants200Response;

/**
 * A tenant with its event log (the timeline, comments included).
 *
 * @public
 */
export type TenantWithEvents = ApiTenantWithEvents;

/**
 * A request for a hosted instance (the body of `POST /requests`, as the
 * API's document states it).
 *
 * @public
 */
export type CreateRequestInput = RequestInput;

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
export type AdoptionSummary = AdoptionCounts;

/**
 * The frontend's API of the cloud backend (plugin id `cloud`), implemented
 * by {@link CloudClient} on the generated client. Errors are
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
  /**
   * Undoes the decision on a request while nothing happened since:
   * `rowVersion` is the qualification step's, as the decision left it.
   */
  undoDecision(
    name: string,
    body: { rowVersion: number },
  ): Promise<TenantDetails>;
  /**
   * Sets or moves the due date of a step (Amue: the application's product
   * owners and the administrators), with a reason.
   */
  setStepDueDate(
    name: string,
    stepId: OnboardingStepId,
    body: { dueDate: string; reason: string; rowVersion: number },
  ): Promise<TenantDetails>;
  addComment(
    name: string,
    body: { comment: string; stepId?: OnboardingStepId },
  ): Promise<TenantEvent>;
  /** "À faire": what the signed-in person must do next, per role. */
  listTodo(): Promise<TodoList>;
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
  /**
   * A report as JSON (its shape is the backend's report type), narrowed by
   * the filters.
   */
  getReport<T = unknown>(
    report: CloudReportName,
    filters?: ReportFilters,
  ): Promise<T>;
  /**
   * A report as CSV, narrowed by the same filters: `format` `csv` (for
   * programs, the default) or `csv-fr` (French spreadsheets); `view`
   * chooses among the adoption report's views.
   */
  getReportCsv(
    report: CloudReportName,
    options?: {
      view?: AdoptionCsvView;
      filters?: ReportFilters;
      format?: ReportCsvFormat;
    },
  ): Promise<Blob>;
}

/**
 * The API reference of {@link CloudApi}.
 *
 * @public
 */
export const cloudApiRef = createApiRef<CloudApi>({ id: 'plugin.cloud.api' });
