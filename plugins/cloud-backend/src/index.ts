/**
 * Backend of the Amue Cloud portal (plugin id `cloud`).
 *
 * @packageDocumentation
 */

export { cloudPlugin as default } from './plugin';
