import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  TenantEntityV1alpha1,
  isTenantEntity,
} from '@amue/plugin-cloud-common';
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

/** Tenants related to an entity that the reader may see. */
export type RelatedTenants = {
  tenants: TenantEntityV1alpha1[];
};

/**
 * The Tenants whose relation `relationType` (`instanceOf` toward an
 * Application, `ownedBy` toward an establishment) points to the entity, in
 * one catalog query limited to the fields the tables show. Tenants hold
 * these relations one way only (no `hasInstance` / `ownerOf` on the
 * Application or the Group, which would show every reader the names of
 * every establishment's tenants): the catalog answers the query with the
 * Tenants the reader may read, and nothing about the others.
 */
export function useRelatedTenants(entity: Entity, relationType: string) {
  const catalogApi = useApi(catalogApiRef);
  const entityRef = stringifyEntityRef(entity);
  return useAsync(async (): Promise<RelatedTenants> => {
    const { items } = await catalogApi.getEntities({
      filter: {
        kind: 'tenant',
        [`relations.${relationType.toLowerCase()}`]: entityRef,
      },
      fields: TENANT_FIELDS,
    });
    return { tenants: items.filter(isTenantEntity) };
  }, [catalogApi, entityRef, relationType]);
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
