export { EstablishmentTenantsCard } from './EstablishmentTenantsCard';
