import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { RELATION_HAS_INSTANCE } from '@amue/plugin-cloud-common';
import { cloudTranslationRef } from '../../translation';
import { InstancesCardContent } from '../common/InstancesCardContent';
import { tenantStats, useRelatedTenants } from '../common/useRelatedTenants';

/**
 * The tenants (hosted instances) of an Application, found through its
 * `hasInstance` relations, with the number of establishments served.
 */
export function ApplicationInstancesCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(cloudTranslationRef);
  const state = useRelatedTenants(entity, RELATION_HAS_INSTANCE);

  return (
    <EntityInfoCard title={t('instances.title')}>
      <InstancesCardContent
        state={state}
        columns={['establishment', 'environment', 'version', 'status']}
        tableLabel={t('instances.tableLabel', {
          name: entity.metadata.title ?? entity.metadata.name,
        })}
        summary={tenants => {
          const stats = tenantStats(tenants);
          return [
            t('instances.count', { count: stats.instances }),
            t('instances.establishmentsServed', {
              count: stats.establishments,
            }),
            t('instances.live', { count: stats.live }),
          ];
        }}
      />
    </EntityInfoCard>
  );
}
