/**
 * The permission policy of the Amue Cloud portal, as a backend module of
 * the permission plugin.
 *
 * @packageDocumentation
 */

export { permissionModuleCloudPolicy as default } from './module';
