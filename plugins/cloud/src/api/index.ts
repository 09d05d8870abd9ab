export * from './CloudApi';
export { CloudClient } from './CloudClient';
