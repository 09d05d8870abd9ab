import { createCatalogModelLayer } from '@backstage/catalog-model/alpha';
import { CLOUD_API_GROUP, RELATION_INSTANCE_OF } from '../constants';
import { applicationEntityV1alpha1Schema } from './ApplicationEntityV1alpha1';
import { tenantEntityV1alpha1Schema } from './TenantEntityV1alpha1';

/**
 * The portal's kinds for the catalog model: Application and Tenant, their
 * schemas and the relations their fields generate. The only file of this
 * package that touches the model layer's alpha API.
 *
 * @alpha
 */
export const cloudCatalogModelLayer = createCatalogModelLayer({
  layerId: 'cloud.amue.fr/kinds',
  builder: model => {
    model.addKind({
      group: CLOUD_API_GROUP,
      names: {
        kind: 'Application',
        singular: 'application',
        plural: 'applications',
      },
      description:
        "An Amue product (SIFAC, SIHAM, Pégase...) and its offer as a service on Amue's hosting platform.",
      versions: [
        {
          name: 'v1alpha1',
          relationFields: [
            {
              selector: { path: 'spec.owner' },
              relation: 'ownedBy',
              defaultKind: 'Group',
              defaultNamespace: 'inherit',
              allowedKinds: ['Group', 'User'],
            },
            {
              selector: { path: 'spec.domain' },
              relation: 'partOf',
              defaultKind: 'Domain',
              defaultNamespace: 'inherit',
              allowedKinds: ['Domain'],
            },
          ],
          schema: { jsonSchema: applicationEntityV1alpha1Schema as any },
        },
      ],
    });
    model.addKind({
      group: CLOUD_API_GROUP,
      names: { kind: 'Tenant', singular: 'tenant', plural: 'tenants' },
      description:
        'One hosted instance of one Amue application for one establishment in one environment.',
      versions: [
        {
          name: 'v1alpha1',
          relationFields: [
            {
              selector: { path: 'spec.establishment' },
              relation: 'ownedBy',
              defaultKind: 'Group',
              defaultNamespace: 'inherit',
              allowedKinds: ['Group'],
            },
            {
              selector: { path: 'spec.application' },
              relation: RELATION_INSTANCE_OF,
              defaultKind: 'Application',
              defaultNamespace: 'inherit',
              allowedKinds: ['Application'],
            },
          ],
          schema: { jsonSchema: tenantEntityV1alpha1Schema as any },
        },
      ],
    });
    // Tenants get no relation pair: their `ownedBy` and `instanceOf`
    // relations are emitted one way only, so no `ownerOf` / `hasInstance`
    // relation carries a tenant's name into the establishment Group or the
    // Application, which every signed-in user reads (docs/decisions.md,
    // "Tenant names stay with their establishment").
    model.updateRelationPair({
      fromKind: ['Application'],
      toKind: ['Group', 'User'],
      forward: { type: 'ownedBy' },
      reverse: { type: 'ownerOf' },
    });
    model.updateRelationPair({
      fromKind: 'Application',
      toKind: 'Domain',
      forward: { type: 'partOf' },
      reverse: { type: 'hasPart' },
    });
  },
});
