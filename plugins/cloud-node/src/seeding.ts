import type {
  Environment,
  OnboardingAction,
  OnboardingActorSide,
  OnboardingStepId,
  TenantDetails,
  TenantEvent,
  TenantFunding,
  TenantRequest,
  SsoProtocol,
  TenantTraining,
} from '@amue/plugin-cloud-common';
import {
  createExtensionPoint,
  LoggerService,
} from '@backstage/backend-plugin-api';

/**
 * Who writes, and the version of the row they saw.
 *
 * @public
 */
export interface CloudSeedVersionedWrite {
  actor: string;
  expectedVersion: number;
}

/**
 * The writes of the cloud backend that a seeder may use: each is the
 * backend's own write (the service layer's rules, the store's transaction
 * and event), dated by the
 * clock the seeder gave to {@link CloudSeedContext.openStore}. Nothing is
 * published on the events service and no permission is checked: a seeder
 * runs inside the cloud plugin's start-up, before its routes are served.
 *
 * @public
 */
export interface CloudSeedStore {
  /** A page of tenants (ids only are needed to know if the base is empty). */
  listTenants(options: {
    limit: number;
  }): Promise<{ items: Array<{ id: string; name: string }> }>;
  getTenant(idOrName: string): Promise<TenantDetails | undefined>;
  listEvents(tenantId: string): Promise<TenantEvent[]>;
  createTenant(
    input: {
      application: string;
      uai: string;
      environment: Environment;
      version: string;
      url?: string | null;
      ssoProtocol?: SsoProtocol | null;
      ssoIdpEntityId?: string | null;
      request: TenantRequest;
    },
    options: { actor: string; idempotencyKey?: string },
  ): Promise<{ tenant: TenantDetails; created: boolean }>;
  applyStepAction(
    tenantId: string,
    stepId: OnboardingStepId,
    action: OnboardingAction,
    options: CloudSeedVersionedWrite & {
      actorSide: OnboardingActorSide;
      reason?: string | null;
    },
  ): Promise<TenantDetails>;
  decideRequest(
    tenantId: string,
    decision: 'approve' | 'reject',
    options: CloudSeedVersionedWrite & { reason?: string | null },
  ): Promise<TenantDetails>;
  addComment(
    tenantId: string,
    comment: string,
    options: { actor: string; stepId?: OnboardingStepId },
  ): Promise<TenantEvent>;
  recordFunding(
    tenantId: string,
    funding: { grantedEur: number; paidEur: number },
    options: CloudSeedVersionedWrite,
  ): Promise<TenantFunding>;
  recordTraining(
    tenantId: string,
    training: { sessionsHeld: number; staffTrained: number },
    options: CloudSeedVersionedWrite,
  ): Promise<TenantTraining>;
}

/**
 * What the cloud plugin gives a seeder when it runs.
 *
 * @public
 */
export interface CloudSeedContext {
  /**
   * The store on the cloud plugin's database (migrated), whose writes are
   * dated by `clock` (the current time by default): a seeder writes a
   * believable history by moving its clock between writes.
   */
  openStore(options?: { clock?: () => Date }): Promise<CloudSeedStore>;
  /** The cloud plugin's logger. */
  logger: LoggerService;
}

/**
 * Initial data of the cloud plugin, written once its database is migrated
 * and before its routes are served (e.g. the demo data of the embedded
 * default). A seeder that fails stops the plugin's start-up.
 *
 * @public
 */
export interface CloudSeeder {
  /** Names the seeder in the logs. */
  id: string;
  seed(context: CloudSeedContext): Promise<void>;
}

/**
 * The extension point of the cloud backend plugin for modules that seed
 * its database: seeders run in the order they were added, one after the
 * other, in the plugin's start-up.
 *
 * @public
 */
export interface CloudSeedingExtensionPoint {
  addSeeder(seeder: CloudSeeder): void;
}

/**
 * Extension point of the cloud backend plugin (plugin id `cloud`) for the
 * modules that seed its database.
 *
 * @public
 */
export const cloudSeedingExtensionPoint =
  createExtensionPoint<CloudSeedingExtensionPoint>({
    id: 'cloud.seeding',
  });
