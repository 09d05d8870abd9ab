import { RELATION_INSTANCE_OF } from '@amue/plugin-cloud-common';
import { InstancesCard } from '../common/InstancesCard';

/**
 * The tenants (hosted instances) of an Application the reader may see, found
 * through their `instanceOf` relation, with the number of establishments
 * served.
 */
export function ApplicationInstancesCard() {
  return (
    <InstancesCard
      relation={RELATION_INSTANCE_OF}
      counterpart="establishment"
    />
  );
}
