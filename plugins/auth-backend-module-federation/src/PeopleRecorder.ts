import type { FederationPersonInput } from '@amue/plugin-cloud-common';
import type { CloudService } from '@amue/plugin-cloud-node';
import type { AuthService } from '@backstage/backend-plugin-api';

/** Records a federation sign-in. */
export interface PeopleRecorder {
  record(name: string, person: FederationPersonInput): Promise<void>;
}

/**
 * Records each federation sign-in in the cloud backend (`PUT
 * /api/cloud/people/{name}` through the cloud service, with the auth
 * backend's own service credentials: the only ones the route accepts),
 * which publishes the person to the catalog.
 */
export class CloudPeopleRecorder implements PeopleRecorder {
  readonly #cloud: CloudService;
  readonly #auth: AuthService;

  constructor(options: { cloud: CloudService; auth: AuthService }) {
    this.#cloud = options.cloud;
    this.#auth = options.auth;
  }

  async record(name: string, person: FederationPersonInput): Promise<void> {
    await this.#cloud.recordPerson(name, person, {
      credentials: await this.#auth.getOwnServiceCredentials(),
    });
  }
}
