export {
  EntityEstablishmentFilter,
  type CloudEntityFilters,
} from './EntityEstablishmentFilter';
export { EntityEstablishmentPicker } from './EntityEstablishmentPicker';
