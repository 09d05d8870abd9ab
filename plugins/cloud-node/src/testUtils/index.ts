/**
 * Test utilities of the cloud service.
 *
 * @packageDocumentation
 */

export { cloudServiceMock, type CloudServiceMock } from './cloudServiceMock';
export type { CloudService, CloudServiceCallOptions } from '../CloudService';
