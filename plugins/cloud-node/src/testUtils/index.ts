/**
 * Test utilities of the cloud service.
 *
 * @packageDocumentation
 */

export { cloudServiceMock, type CloudServiceMock } from './cloudServiceMock';
