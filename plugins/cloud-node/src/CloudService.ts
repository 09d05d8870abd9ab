import type {
  DryRunResult,
  ListTenants200Response,
  Person,
  PersonInput,
  RequestInput,
  RequestResult,
  TenantDetails,
  TenantWithEvents,
} from '@amue/plugin-cloud-common/client';
import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { DefaultCloudService } from './DefaultCloudService';

/**
 * Who a call acts for: a user's credentials (the scaffolder acts for the
 * user who runs the template) or a plugin's own service credentials.
 *
 * @public
 */
export interface CloudServiceCallOptions {
  credentials: BackstageCredentials;
}

/**
 * The cloud backend (plugin id `cloud`: requests, tenants, onboarding,
 * people) for other backend plugins. Each call acts for `credentials`, so
 * the cloud backend applies that caller's permissions. Refusals are
 * Backstage errors naming the call and the backend's reason:
 * `InputError` (400), `NotAllowedError` (403), `NotFoundError` (404),
 * `ConflictError` (409); other failures `ResponseError`.
 *
 * @public
 */
export interface CloudService {
  /** Requests a hosted instance, or returns the tenant of the same key. */
  createRequest(
    input: RequestInput,
    options: CloudServiceCallOptions,
  ): Promise<RequestResult>;
  /** Every check of a request (permission, rules, catalog), nothing written. */
  checkRequest(
    input: RequestInput,
    options: CloudServiceCallOptions,
  ): Promise<DryRunResult>;
  /** One page of the tenants the caller may read. */
  listTenants(
    query: { limit?: number; cursor?: string },
    options: CloudServiceCallOptions,
  ): Promise<ListTenants200Response>;
  /** One tenant with its steps, funding, training and event log. */
  getTenant(
    name: string,
    options: CloudServiceCallOptions,
  ): Promise<TenantWithEvents>;
  /** Moves a tenant to another version of its application. */
  changeVersion(
    name: string,
    change: { version: string; rowVersion: number },
    options: CloudServiceCallOptions,
  ): Promise<TenantDetails>;
  /** Closes a hosted instance (final). */
  decommission(
    name: string,
    change: { reason: string; rowVersion: number },
    options: CloudServiceCallOptions,
  ): Promise<TenantDetails>;
  /** Records a federation sign-in (the auth backend's credentials only). */
  recordPerson(
    name: string,
    input: PersonInput,
    options: CloudServiceCallOptions,
  ): Promise<Person>;
}

/**
 * The {@link CloudService} of a backend plugin: calls the cloud backend
 * through the generated client of its API, with discovery and a plugin
 * request token on behalf of the call's credentials.
 *
 * @public
 */
export const cloudServiceRef = createServiceRef<CloudService>({
  id: 'cloud.service',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      factory: ({ auth, discovery }) =>
        new DefaultCloudService({ auth, discovery }),
    }),
});
