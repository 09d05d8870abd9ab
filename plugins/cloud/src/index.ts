/**
 * Frontend of the Amue Cloud portal: pages, entity cards and translations.
 *
 * @packageDocumentation
 */

export { cloudPlugin as default } from './plugin';
export { cloudTranslationRef } from './translation';
export { cloudTranslations } from './translations';
export { adoptionRouteRef, homeRouteRef } from './routes';
export { useCanReadCloudReports } from './components/Adoption/useCanReadReports';
export { catalogGraphModuleCloud } from './catalogGraph';
export { scaffolderModuleCloud } from './scaffolder';
export {
  cloudCatalogColumns,
  type CloudCatalogRow,
  useCloudCatalogTitle,
} from './components/CatalogColumns/catalogColumns';
export {
  EntityEstablishmentFilter,
  type CloudEntityFilters,
} from './components/EstablishmentPicker/EntityEstablishmentFilter';
export * from './api';
