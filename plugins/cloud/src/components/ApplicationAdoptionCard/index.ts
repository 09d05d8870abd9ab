export { ApplicationAdoptionCard } from './ApplicationAdoptionCard';
