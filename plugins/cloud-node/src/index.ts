/**
 * Node.js library of the Amue Cloud portal: the cloud backend as a service
 * for other backend plugins (`cloudServiceRef`); its mock for their tests
 * is in `@amue/plugin-cloud-node/testUtils`.
 *
 * @packageDocumentation
 */

export {
  cloudServiceRef,
  type CloudService,
  type CloudServiceCallOptions,
} from './CloudService';
export { DefaultCloudService } from './DefaultCloudService';
