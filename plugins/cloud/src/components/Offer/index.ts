export { OfferPage } from './OfferPage';
