import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';
import {
  TenantEntityV1alpha1,
  isTenantEntity,
} from '@amue/plugin-cloud-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';

/** The fields of a Tenant the instance tables show. */
const TENANT_FIELDS = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec',
];

/** Tenants related to an entity, and how many related refs were not returned. */
export type RelatedTenants = {
  tenants: TenantEntityV1alpha1[];
  /** Related tenants the reader may not see, or that left the catalog. */
  hidden: number;
};

/**
 * The Tenants an entity points to through its relations of one type
 * (`hasInstance` from an Application, `ownerOf` from an establishment), in
 * one `getEntitiesByRefs` call limited to the fields the tables show. The
 * relations are the catalog's own index of the link, whatever way the
 * tenant spells its `spec.application` or `spec.establishment`.
 */
export function useRelatedTenants(entity: Entity, relationType: string) {
  const catalogApi = useApi(catalogApiRef);
  const key = useMemo(
    () =>
      [
        ...new Set(
          getEntityRelations(entity, relationType, { kind: 'tenant' }).map(
            ref => stringifyEntityRef(ref),
          ),
        ),
      ]
        .sort()
        .join('\n'),
    [entity, relationType],
  );
  return useAsync(async (): Promise<RelatedTenants> => {
    const refs = key ? key.split('\n') : [];
    if (refs.length === 0) {
      return { tenants: [], hidden: 0 };
    }
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: refs,
      fields: TENANT_FIELDS,
    });
    const tenants = items.filter(
      (item): item is TenantEntityV1alpha1 => !!item && isTenantEntity(item),
    );
    return { tenants, hidden: refs.length - tenants.length };
  }, [catalogApi, key]);
}

/**
 * The full ref of the entity a tenant field names (`etab-0333298f`,
 * `group:default/etab-0333298f`...), resolved like the catalog resolves the
 * relation: default kind, namespace of the tenant.
 */
export function tenantFieldRef(
  tenant: Entity,
  value: string,
  defaultKind: string,
): string {
  return stringifyEntityRef(
    parseEntityRef(value, {
      defaultKind,
      defaultNamespace: tenant.metadata.namespace ?? 'default',
    }),
  );
}

/** Counts of a list of tenants, leaving decommissioned ones out. */
export function tenantStats(tenants: TenantEntityV1alpha1[]) {
  const active = tenants.filter(t => t.spec.status !== 'decommissioned');
  return {
    instances: tenants.length,
    establishments: new Set(
      active.map(t => tenantFieldRef(t, t.spec.establishment, 'group')),
    ).size,
    applications: new Set(
      active.map(t => tenantFieldRef(t, t.spec.application, 'application')),
    ).size,
    live: tenants.filter(t => t.spec.status === 'live').length,
  };
}
