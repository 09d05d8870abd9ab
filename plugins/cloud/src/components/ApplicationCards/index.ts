export { ApplicationVersionsCard } from './ApplicationVersionsCard';
export { ApplicationInstancesCard } from './ApplicationInstancesCard';
