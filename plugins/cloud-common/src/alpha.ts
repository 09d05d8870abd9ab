/**
 * Alpha exports of the Amue Cloud shared model (Backstage alpha APIs).
 *
 * @packageDocumentation
 */

export { cloudCatalogModelLayer } from './kinds/modelLayer';
