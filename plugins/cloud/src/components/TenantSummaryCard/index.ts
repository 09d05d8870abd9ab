export { TenantSummaryCard } from './TenantSummaryCard';
