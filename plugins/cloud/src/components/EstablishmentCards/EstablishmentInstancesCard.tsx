import { RELATION_OWNER_OF } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { cloudTranslationRef } from '../../translation';
import { InstancesCardContent } from '../common/InstancesCardContent';
import { tenantStats, useRelatedTenants } from '../common/useRelatedTenants';

/**
 * The tenants (hosted instances) of an establishment, found through the
 * `ownerOf` relations of its Group.
 */
export function EstablishmentInstancesCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(cloudTranslationRef);
  const state = useRelatedTenants(entity, RELATION_OWNER_OF);

  return (
    <EntityInfoCard title={t('instances.title')}>
      <InstancesCardContent
        state={state}
        columns={['application', 'environment', 'version', 'status']}
        tableLabel={t('instances.tableLabel', {
          name: entity.metadata.title ?? entity.metadata.name,
        })}
        summary={tenants => {
          const stats = tenantStats(tenants);
          return [
            t('instances.count', { count: stats.instances }),
            t('instances.applications', { count: stats.applications }),
            t('instances.live', { count: stats.live }),
          ];
        }}
      />
    </EntityInfoCard>
  );
}
