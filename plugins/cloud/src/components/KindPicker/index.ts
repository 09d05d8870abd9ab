export { EntityKindPicker, DEFAULT_KIND } from './EntityKindPicker';
