import type {
  Environment,
  SsoProtocol,
  TenantDetails,
  TenantRequest,
} from '@amue/plugin-cloud-common';
import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
} from '@backstage/errors';

/** Plugin id of the cloud backend (the onboarding service). */
export const CLOUD_PLUGIN_ID = 'cloud';

/** Body of `POST /api/cloud/requests`. */
export interface CreateRequestBody {
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
 * The calls the actions make to the cloud backend's REST API, each as the
 * user who runs the template: a plugin request token on behalf of the
 * initiator's credentials, so the backend applies that user's permissions.
 */
export class CloudBackendClient {
  constructor(
    private readonly options: {
      auth: AuthService;
      discovery: DiscoveryService;
    },
  ) {}

  /** `POST /requests`: creates the tenant, or returns the one of the key. */
  async createRequest(
    body: CreateRequestBody,
    credentials: BackstageCredentials,
  ): Promise<{ tenant: TenantDetails; created: boolean }> {
    return this.call('POST', '/requests', credentials, body);
  }

  /**
   * `POST /requests?dryRun=true`: every check of a request (the caller's
   * permission for that establishment included), nothing written.
   */
  async checkRequest(
    body: CreateRequestBody,
    credentials: BackstageCredentials,
  ): Promise<{ name: string; establishment: string; exists: boolean }> {
    return this.call('POST', '/requests?dryRun=true', credentials, body);
  }

  /** `GET /tenants/{name}`. */
  async getTenant(
    name: string,
    credentials: BackstageCredentials,
  ): Promise<TenantDetails> {
    return this.call(
      'GET',
      `/tenants/${encodeURIComponent(name)}`,
      credentials,
    );
  }

  /** `POST /tenants/{name}/version`. */
  async changeVersion(
    name: string,
    body: { version: string; rowVersion: number },
    credentials: BackstageCredentials,
  ): Promise<TenantDetails> {
    return this.call(
      'POST',
      `/tenants/${encodeURIComponent(name)}/version`,
      credentials,
      body,
    );
  }

  /** `POST /tenants/{name}/decommission`. */
  async decommission(
    name: string,
    body: { reason: string; rowVersion: number },
    credentials: BackstageCredentials,
  ): Promise<TenantDetails> {
    return this.call(
      'POST',
      `/tenants/${encodeURIComponent(name)}/decommission`,
      credentials,
      body,
    );
  }

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    credentials: BackstageCredentials,
    body?: object,
  ): Promise<T> {
    const { auth, discovery } = this.options;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: CLOUD_PLUGIN_ID,
    });
    const baseUrl = await discovery.getBaseUrl(CLOUD_PLUGIN_ID);
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) {
      throw await toError(response, `${method} ${path}`);
    }
    return (await response.json()) as T;
  }
}

/**
 * The cloud backend's error as the matching Backstage error, with the
 * backend's message (which names the field and the rule).
 */
async function toError(response: Response, call: string): Promise<Error> {
  const error = await ResponseError.fromResponse(response);
  const message = `the onboarding service refused ${call}: ${
    error.body?.error?.message ?? error.message
  }`;
  switch (response.status) {
    case 400:
      return new InputError(message);
    case 403:
      return new NotAllowedError(message);
    case 404:
      return new NotFoundError(message);
    case 409:
      return new ConflictError(message);
    default:
      return error;
  }
}
