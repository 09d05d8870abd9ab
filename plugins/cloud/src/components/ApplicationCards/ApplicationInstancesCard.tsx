import { RELATION_HAS_INSTANCE } from '@amue/plugin-cloud-common';
import { InstancesCard } from '../common/InstancesCard';

/**
 * The tenants (hosted instances) of an Application, found through its
 * `hasInstance` relations, with the number of establishments served.
 */
export function ApplicationInstancesCard() {
  return (
    <InstancesCard
      relation={RELATION_HAS_INSTANCE}
      counterpart="establishment"
    />
  );
}
