import type {
  AdoptionCsvView,
  ReportCsvFormat,
  ReportFilters,
} from '@amue/plugin-cloud-common';
import {
  CloudApiClient,
  type CloudApiResponse,
} from '@amue/plugin-cloud-common/client';
import { ResponseError } from '@backstage/errors';
import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import type {
  AdoptionSummary,
  CloudApi,
  CloudReportName,
  CreateRequestInput,
  ListTenantsQuery,
  TenantPage,
  TenantWithEvents,
} from './CloudApi';

/** The body of a successful answer; any other is a `ResponseError`. */
async function ok<T>(call: Promise<CloudApiResponse<T>>) {
  const response = await call;
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  return response;
}

async function body<T>(call: Promise<CloudApiResponse<T>>): Promise<T> {
  return (await ok(call)).json();
}

/**
 * {@link CloudApi} on the generated client of the cloud API
 * (`@amue/plugin-cloud-common/client`), with the signed-in user's token
 * (fetch API).
 *
 * @public
 */
export class CloudClient implements CloudApi {
  private readonly client: CloudApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new CloudApiClient(options);
  }

  listTenants(query: ListTenantsQuery = {}): Promise<TenantPage> {
    const { blocked, limit, ...filters } = query;
    return body(
      this.client.listTenants({
        query: {
          ...filters,
          blocked: blocked === undefined ? undefined : `${blocked}`,
          limit: limit === undefined ? undefined : String(limit),
        },
      }),
    );
  }

  getTenant(name: string): Promise<TenantWithEvents> {
    return body(this.client.getTenant({ path: { name } }));
  }

  async createRequest(input: CreateRequestInput) {
    const result = await body(this.client.createRequest({ body: input }));
    if (!('tenant' in result)) {
      throw new Error('the onboarding service answered a dry-run');
    }
    return result;
  }

  applyStepAction(
    name: string,
    stepId: Parameters<CloudApi['applyStepAction']>[1],
    request: Parameters<CloudApi['applyStepAction']>[2],
  ) {
    return body(
      this.client.applyStepAction({ path: { name, stepId }, body: request }),
    );
  }

  decideRequest(
    name: string,
    request: Parameters<CloudApi['decideRequest']>[1],
  ) {
    return body(this.client.decideRequest({ path: { name }, body: request }));
  }

  undoDecision(name: string, request: Parameters<CloudApi['undoDecision']>[1]) {
    return body(this.client.undoDecision({ path: { name }, body: request }));
  }

  setStepDueDate(
    name: string,
    stepId: Parameters<CloudApi['setStepDueDate']>[1],
    request: Parameters<CloudApi['setStepDueDate']>[2],
  ) {
    return body(
      this.client.setStepDueDate({ path: { name, stepId }, body: request }),
    );
  }

  listTodo() {
    return body(this.client.listTodo());
  }

  addComment(name: string, request: Parameters<CloudApi['addComment']>[1]) {
    return body(this.client.addComment({ path: { name }, body: request }));
  }

  recordFunding(
    name: string,
    request: Parameters<CloudApi['recordFunding']>[1],
  ) {
    return body(this.client.recordFunding({ path: { name }, body: request }));
  }

  recordTraining(
    name: string,
    request: Parameters<CloudApi['recordTraining']>[1],
  ) {
    return body(this.client.recordTraining({ path: { name }, body: request }));
  }

  getAdoptionSummary(): Promise<AdoptionSummary> {
    return body(this.client.adoptionSummary());
  }

  async getReport<T>(
    report: CloudReportName,
    filters?: ReportFilters,
  ): Promise<T> {
    // The caller names the report's type (cloud-common's report types);
    // the document gives the reports as objects.
    const data: unknown = await body(
      this.report(report, { format: 'json', filters }),
    );
    return data as T;
  }

  async getReportCsv(
    report: CloudReportName,
    options: {
      view?: AdoptionCsvView;
      filters?: ReportFilters;
      format?: ReportCsvFormat;
    } = {},
  ): Promise<Blob> {
    const { view, filters, format = 'csv' } = options;
    return (await ok(this.report(report, { format, view, filters }))).blob();
  }

  private report(
    report: CloudReportName,
    query: {
      format: 'json' | ReportCsvFormat;
      view?: AdoptionCsvView;
      filters?: ReportFilters;
    },
  ) {
    const { format, view } = query;
    // Empty filters are no filters: left out of the address.
    const filters = Object.fromEntries(
      Object.entries(query.filters ?? {}).filter(([, value]) => value),
    ) as ReportFilters;
    if (report === 'adoption') {
      return this.client.adoptionReport({
        query: { format, view, ...filters },
      });
    }
    if (view !== undefined) {
      throw new Error(`the ${report} report has no CSV views`);
    }
    switch (report) {
      case 'funnel':
        return this.client.funnelReport({ query: { format, ...filters } });
      case 'durations':
        return this.client.durationsReport({ query: { format, ...filters } });
      default:
        return this.client.blockedReport({ query: { format, ...filters } });
    }
  }
}
