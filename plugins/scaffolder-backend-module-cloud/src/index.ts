/**
 * Scaffolder actions of the Amue Cloud portal.
 *
 * @packageDocumentation
 */

export { scaffolderModuleCloud as default } from './module';
