/**
 * The demo data of the Amue Cloud portal's embedded default: a backend
 * module of plugin `cloud`, switched on by `cloud.demoData`.
 *
 * @packageDocumentation
 */

export { default } from './module';
