/**
 * Node.js library of the Amue Cloud portal: the cloud backend as a service
 * for other backend plugins (`cloudServiceRef`); its mock for their tests
 * is in `@amue/plugin-cloud-node/testUtils`; `cloudSeedingExtensionPoint`
 * for the modules that seed its database.
 *
 * @packageDocumentation
 */

export {
  cloudServiceRef,
  type CloudService,
  type CloudServiceCallOptions,
} from './CloudService';
export { DefaultCloudService } from './DefaultCloudService';
export {
  cloudSeedingExtensionPoint,
  type CloudSeedContext,
  type CloudSeeder,
  type CloudSeedingExtensionPoint,
  type CloudSeedStore,
  type CloudSeedVersionedWrite,
} from './seeding';
