import { useEntity } from '@backstage/plugin-catalog-react';
import { TenantOnboarding } from './TenantOnboarding';
import { useTenantDetails } from './useTenantDetails';

/**
 * The "Onboarding" tab of a Tenant entity: the onboarding of the tenant of
 * the same name in the cloud backend.
 *
 * @internal
 */
export function EntityTenantOnboardingContent() {
  const { entity } = useEntity();
  const details = useTenantDetails(entity.metadata.name);
  return (
    <div style={{ padding: 'var(--bui-space-4, 1rem) 0' }}>
      <TenantOnboarding details={details} />
    </div>
  );
}
