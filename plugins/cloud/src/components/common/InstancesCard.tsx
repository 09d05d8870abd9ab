import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { cloudTranslationRef } from '../../translation';
import { InstancesCardContent } from './InstancesCardContent';
import { tenantStats, useRelatedTenants } from './useRelatedTenants';

/**
 * The tenants (hosted instances) whose relation `relation` points to the
 * current entity (and that the reader may see), shown with the other side of each tenant (its establishment on
 * an Application page, its application on an establishment page).
 */
export function InstancesCard(props: {
  relation: string;
  counterpart: 'establishment' | 'application';
}) {
  const { relation, counterpart } = props;
  const { entity } = useEntity();
  const { t } = useTranslationRef(cloudTranslationRef);
  const state = useRelatedTenants(entity, relation);

  return (
    <EntityInfoCard title={t('instances.title')}>
      <InstancesCardContent
        state={state}
        columns={[counterpart, 'environment', 'version', 'status']}
        tableLabel={t('instances.tableLabel', {
          name: entity.metadata.title ?? entity.metadata.name,
        })}
        summary={tenants => {
          const stats = tenantStats(tenants);
          return [
            t('instances.count', { count: stats.instances }),
            counterpart === 'establishment'
              ? t('instances.establishmentsServed', {
                  count: stats.establishments,
                })
              : t('instances.applications', { count: stats.applications }),
            t('instances.live', { count: stats.live }),
          ];
        }}
      />
    </EntityInfoCard>
  );
}
