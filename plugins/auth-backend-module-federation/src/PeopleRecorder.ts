import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { FederationPersonInput } from '@amue/plugin-cloud-common';
import { CloudApiClient } from '@amue/plugin-cloud-common/client';

/** Records a federation sign-in. */
export interface PeopleRecorder {
  record(name: string, person: FederationPersonInput): Promise<void>;
}

/**
 * Records each federation sign-in in the cloud backend (`PUT
 * /api/cloud/people/{name}` through the generated client of the cloud API, a
 * route for the auth backend's service credentials only), which publishes
 * the person to the catalog.
 */
export class CloudPeopleRecorder implements PeopleRecorder {
  readonly #client: CloudApiClient;
  readonly #auth: AuthService;

  constructor(options: { discovery: DiscoveryService; auth: AuthService }) {
    this.#client = new CloudApiClient({ discoveryApi: options.discovery });
    this.#auth = options.auth;
  }

  async record(name: string, person: FederationPersonInput): Promise<void> {
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: 'cloud',
    });
    const response = await this.#client.recordPerson(
      { path: { name }, body: person },
      { token },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
  }
}
