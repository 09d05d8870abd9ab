/**
 * Catalog module of the Amue Cloud portal: kinds, relations and entity
 * providers.
 *
 * @packageDocumentation
 */

export { catalogModuleCloud as default } from './module';
export { CloudEntityProcessor } from './CloudEntityProcessor';
export {
  EstablishmentEntityProvider,
  parseEstablishments,
} from './providers/EstablishmentEntityProvider';
export type {
  EstablishmentEntityProviderOptions,
  ParseEstablishmentsOptions,
  ParsedEstablishments,
  SkippedEstablishment,
} from './providers/EstablishmentEntityProvider';
export {
  TenantEntityProvider,
  tenantToEntity,
} from './providers/TenantEntityProvider';
export type { TenantEntityProviderOptions } from './providers/TenantEntityProvider';
export {
  PersonEntityProvider,
  personToEntity,
} from './providers/PersonEntityProvider';
export type { PersonEntityProviderOptions } from './providers/PersonEntityProvider';
