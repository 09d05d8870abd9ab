export { EstablishmentCard } from './EstablishmentCard';
export { EstablishmentInstancesCard } from './EstablishmentInstancesCard';
