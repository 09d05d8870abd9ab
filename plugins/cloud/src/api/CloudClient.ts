import { ResponseError } from '@backstage/errors';
import type { AdoptionCsvView } from '@amue/plugin-cloud-common';
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

/**
 * {@link CloudApi} over HTTP, with the signed-in user's token (fetch API).
 *
 * @public
 */
export class CloudClient implements CloudApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  private async request<T>(
    path: string,
    init?: { method?: string; body?: unknown },
  ): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('cloud');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`, {
      method: init?.method ?? 'GET',
      ...(init?.body === undefined
        ? {}
        : {
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(init.body),
          }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }

  private tenantPath(name: string, suffix = '') {
    return `/tenants/${encodeURIComponent(name)}${suffix}`;
  }

  listTenants(query: ListTenantsQuery = {}): Promise<TenantPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) {
        continue;
      }
      for (const item of Array.isArray(value) ? value : [value]) {
        params.append(key, String(item));
      }
    }
    const search = params.toString();
    return this.request(`/tenants${search ? `?${search}` : ''}`);
  }

  getTenant(name: string): Promise<TenantWithEvents> {
    return this.request(this.tenantPath(name));
  }

  createRequest(input: CreateRequestInput) {
    return this.request<any>('/requests', { method: 'POST', body: input });
  }

  applyStepAction(name: string, stepId: string, body: object) {
    return this.request<any>(
      this.tenantPath(name, `/steps/${encodeURIComponent(stepId)}`),
      { method: 'POST', body },
    );
  }

  decideRequest(name: string, body: object) {
    return this.request<any>(this.tenantPath(name, '/decision'), {
      method: 'POST',
      body,
    });
  }

  addComment(name: string, body: object) {
    return this.request<any>(this.tenantPath(name, '/comments'), {
      method: 'POST',
      body,
    });
  }

  recordFunding(name: string, body: object) {
    return this.request<any>(this.tenantPath(name, '/funding'), {
      method: 'PUT',
      body,
    });
  }

  recordTraining(name: string, body: object) {
    return this.request<any>(this.tenantPath(name, '/training'), {
      method: 'PUT',
      body,
    });
  }

  getAdoptionSummary(): Promise<AdoptionSummary> {
    return this.request('/reports/adoption-summary');
  }

  getReport<T>(report: CloudReportName): Promise<T> {
    return this.request<T>(`/reports/${report}`);
  }

  async getReportCsv(
    report: CloudReportName,
    view?: AdoptionCsvView,
  ): Promise<Blob> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('cloud');
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}/reports/${report}?format=csv${view ? `&view=${view}` : ''}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.blob();
  }
}
