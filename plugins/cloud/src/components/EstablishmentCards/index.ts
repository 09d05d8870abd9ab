export { EstablishmentCard } from './EstablishmentCard';
