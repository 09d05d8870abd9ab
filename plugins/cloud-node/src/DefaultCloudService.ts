import {
  CloudApiClient,
  type CloudApiRequestOptions,
  type CloudApiResponse,
  type PersonInput,
  type RequestInput,
} from '@amue/plugin-cloud-common/client';
import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
} from '@backstage/errors';
import type { CloudService, CloudServiceCallOptions } from './CloudService';

/** Plugin id of the cloud backend. */
const CLOUD_PLUGIN_ID = 'cloud';

/**
 * The cloud backend's refusal as the matching Backstage error, with the
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

/**
 * {@link CloudService} over the cloud backend's REST API, through the
 * generated client (`@amue/plugin-cloud-common/client`).
 *
 * @public
 */
export class DefaultCloudService implements CloudService {
  private readonly client: CloudApiClient;
  private readonly auth: AuthService;

  constructor(options: { auth: AuthService; discovery: DiscoveryService }) {
    this.auth = options.auth;
    this.client = new CloudApiClient({ discoveryApi: options.discovery });
  }

  async createRequest(input: RequestInput, options: CloudServiceCallOptions) {
    const result = await this.call('POST /requests', options, request =>
      this.client.createRequest({ body: input }, request),
    );
    if (!('tenant' in result)) {
      throw new Error('the onboarding service answered a dry-run');
    }
    return result;
  }

  async checkRequest(input: RequestInput, options: CloudServiceCallOptions) {
    const result = await this.call(
      'POST /requests?dryRun=true',
      options,
      request =>
        this.client.createRequest(
          { query: { dryRun: 'true' }, body: input },
          request,
        ),
    );
    if (!('dryRun' in result)) {
      throw new Error('the onboarding service did not answer a dry-run');
    }
    return result;
  }

  listTenants(
    query: { limit?: number; cursor?: string },
    options: CloudServiceCallOptions,
  ) {
    return this.call('GET /tenants', options, request =>
      this.client.listTenants(
        {
          query: {
            limit: query.limit === undefined ? undefined : String(query.limit),
            cursor: query.cursor,
          },
        },
        request,
      ),
    );
  }

  getTenant(name: string, options: CloudServiceCallOptions) {
    return this.call(`GET /tenants/${name}`, options, request =>
      this.client.getTenant({ path: { name } }, request),
    );
  }

  changeVersion(
    name: string,
    change: { version: string; rowVersion: number },
    options: CloudServiceCallOptions,
  ) {
    return this.call(`POST /tenants/${name}/version`, options, request =>
      this.client.changeVersion({ path: { name }, body: change }, request),
    );
  }

  decommission(
    name: string,
    change: { reason: string; rowVersion: number },
    options: CloudServiceCallOptions,
  ) {
    return this.call(`POST /tenants/${name}/decommission`, options, request =>
      this.client.decommission({ path: { name }, body: change }, request),
    );
  }

  recordPerson(
    name: string,
    input: PersonInput,
    options: CloudServiceCallOptions,
  ) {
    return this.call(`PUT /people/${name}`, options, request =>
      this.client.recordPerson({ path: { name }, body: input }, request),
    );
  }

  /** One call with a token on behalf of the credentials; refusals thrown. */
  private async call<T>(
    call: string,
    options: CloudServiceCallOptions,
    send: (request: CloudApiRequestOptions) => Promise<CloudApiResponse<T>>,
  ): Promise<T> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: options.credentials,
      targetPluginId: CLOUD_PLUGIN_ID,
    });
    const response = await send({ token });
    if (!response.ok) {
      throw await toError(response, call);
    }
    return response.json();
  }
}
