/**
 * Catalog module of the Amue Cloud portal: kinds, relations and entity
 * providers.
 *
 * @packageDocumentation
 */

export { catalogModuleCloud as default } from './module';
