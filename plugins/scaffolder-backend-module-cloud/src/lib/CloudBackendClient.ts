import type { TenantDetails } from '@amue/plugin-cloud-common';
import {
  CloudApiClient,
  type CloudApiRequestOptions,
  type CloudApiResponse,
  type RequestInput,
} from '@amue/plugin-cloud-common/client';
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

/**
 * The calls the actions make to the cloud backend's REST API (the
 * generated client of `@amue/plugin-cloud-common/client`), each as the user
 * who runs the template: a plugin request token on behalf of the
 * initiator's credentials, so the backend applies that user's permissions.
 */
export class CloudBackendClient {
  private readonly client: CloudApiClient;

  constructor(
    private readonly options: {
      auth: AuthService;
      discovery: DiscoveryService;
    },
  ) {
    this.client = new CloudApiClient({ discoveryApi: options.discovery });
  }

  /** `POST /requests`: creates the tenant, or returns the one of the key. */
  async createRequest(
    body: RequestInput,
    credentials: BackstageCredentials,
  ): Promise<{ tenant: TenantDetails; created: boolean }> {
    const result = await this.call('POST /requests', credentials, options =>
      this.client.createRequest({ body }, options),
    );
    if (!('tenant' in result)) {
      throw new Error('the onboarding service answered a dry-run');
    }
    return result;
  }

  /**
   * `POST /requests?dryRun=true`: every check of a request (the caller's
   * permission for that establishment included), nothing written.
   */
  async checkRequest(
    body: RequestInput,
    credentials: BackstageCredentials,
  ): Promise<{ name: string; establishment: string; exists: boolean }> {
    const result = await this.call(
      'POST /requests?dryRun=true',
      credentials,
      options =>
        this.client.createRequest({ query: { dryRun: 'true' }, body }, options),
    );
    if (!('dryRun' in result)) {
      throw new Error('the onboarding service did not answer a dry-run');
    }
    return result;
  }

  /** `GET /tenants/{name}`. */
  async getTenant(
    name: string,
    credentials: BackstageCredentials,
  ): Promise<TenantDetails> {
    return this.call(`GET /tenants/${name}`, credentials, options =>
      this.client.getTenant({ path: { name } }, options),
    );
  }

  /** `POST /tenants/{name}/version`. */
  async changeVersion(
    name: string,
    body: { version: string; rowVersion: number },
    credentials: BackstageCredentials,
  ): Promise<TenantDetails> {
    return this.call(`POST /tenants/${name}/version`, credentials, options =>
      this.client.changeVersion({ path: { name }, body }, options),
    );
  }

  /** `POST /tenants/{name}/decommission`. */
  async decommission(
    name: string,
    body: { reason: string; rowVersion: number },
    credentials: BackstageCredentials,
  ): Promise<TenantDetails> {
    return this.call(
      `POST /tenants/${name}/decommission`,
      credentials,
      options => this.client.decommission({ path: { name }, body }, options),
    );
  }

  private async call<T>(
    call: string,
    credentials: BackstageCredentials,
    send: (options: CloudApiRequestOptions) => Promise<CloudApiResponse<T>>,
  ): Promise<T> {
    const { token } = await this.options.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: CLOUD_PLUGIN_ID,
    });
    const response = await send({ token });
    if (!response.ok) {
      throw await toError(response, call);
    }
    return response.json();
  }
}

/**
 * The cloud backend's error as the matching Backstage error, with the
 * backend's message (which names the field and the rule).
 */
async function toError(
  response: CloudApiResponse<unknown>,
  call: string,
): Promise<Error> {
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
