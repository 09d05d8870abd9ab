import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { FederationPersonInput } from '@amue/plugin-cloud-common';

/** Records a federation sign-in. */
export interface PeopleRecorder {
  record(name: string, person: FederationPersonInput): Promise<void>;
}

/**
 * Records each federation sign-in in the cloud backend (`PUT
 * /api/cloud/people/{name}`, a route for the auth backend's service
 * credentials only), which publishes the person to the catalog.
 */
export class CloudPeopleRecorder implements PeopleRecorder {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;

  constructor(options: { discovery: DiscoveryService; auth: AuthService }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
  }

  async record(name: string, person: FederationPersonInput): Promise<void> {
    const baseUrl = await this.#discovery.getBaseUrl('cloud');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: 'cloud',
    });
    const response = await fetch(
      `${baseUrl}/people/${encodeURIComponent(name)}`,
      {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(person),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
  }
}
