import { RELATION_OWNER_OF } from '@backstage/catalog-model';
import { InstancesCard } from '../common/InstancesCard';

/**
 * The tenants (hosted instances) of an establishment, found through the
 * `ownerOf` relations of its Group.
 */
export function EstablishmentInstancesCard() {
  return (
    <InstancesCard relation={RELATION_OWNER_OF} counterpart="application" />
  );
}
