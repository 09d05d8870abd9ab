export { TenantOnboardingPage } from './TenantOnboardingPage';
export { EntityTenantOnboardingContent } from './EntityTenantOnboardingContent';
