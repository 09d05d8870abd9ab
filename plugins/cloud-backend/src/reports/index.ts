export * from './TenantReports';
export * from './csv';
