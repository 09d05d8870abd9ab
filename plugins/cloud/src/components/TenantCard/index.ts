export { TenantCard } from './TenantCard';
