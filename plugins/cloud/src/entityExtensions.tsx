/**
 * The portal's extensions of the catalog: entity cards and the catalog
 * index filter. The only file of this package that imports the catalog's
 * alpha blueprints (`@backstage/plugin-catalog-react/alpha`), so an upgrade
 * of those is one edit.
 */
import {
  CatalogFilterBlueprint,
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  CLOUD_API_VERSION,
  ESTABLISHMENT_GROUP_TYPE,
} from '@amue/plugin-cloud-common';

/** Entities of kind Application of the portal's API version. */
const isApplication = { kind: 'application', apiVersion: CLOUD_API_VERSION };
/** Entities of kind Tenant of the portal's API version. */
const isTenant = { kind: 'tenant', apiVersion: CLOUD_API_VERSION };
/** Groups that are establishments. */
const isEstablishment = {
  kind: 'group',
  'spec.type': ESTABLISHMENT_GROUP_TYPE,
};

/** `entity-card:cloud/application-versions` */
export const applicationVersionsEntityCard = EntityCardBlueprint.make({
  name: 'application-versions',
  params: {
    filter: isApplication,
    loader: () =>
      import('./components/ApplicationCards').then(m => (
        <m.ApplicationVersionsCard />
      )),
  },
});

/** `entity-card:cloud/application-instances` */
export const applicationInstancesEntityCard = EntityCardBlueprint.make({
  name: 'application-instances',
  params: {
    filter: isApplication,
    loader: () =>
      import('./components/ApplicationCards').then(m => (
        <m.ApplicationInstancesCard />
      )),
  },
});

/** `entity-card:cloud/tenant` */
export const tenantEntityCard = EntityCardBlueprint.make({
  name: 'tenant',
  params: {
    filter: isTenant,
    loader: () => import('./components/TenantCard').then(m => <m.TenantCard />),
  },
});

/** `entity-card:cloud/establishment` */
export const establishmentEntityCard = EntityCardBlueprint.make({
  name: 'establishment',
  params: {
    type: 'info',
    filter: isEstablishment,
    loader: () =>
      import('./components/EstablishmentCards').then(m => (
        <m.EstablishmentCard />
      )),
  },
});

/**
 * `entity-card:cloud/links`: the entity's links, said in the reader's
 * language (in place of `entity-card:catalog/links`, disabled in
 * app-config.yaml).
 */
export const linksEntityCard = EntityCardBlueprint.make({
  name: 'links',
  params: {
    loader: () => import('./components/LinksCard').then(m => <m.LinksCard />),
  },
});

/** `entity-card:cloud/application-adoption` */
export const applicationAdoptionEntityCard = EntityCardBlueprint.make({
  name: 'application-adoption',
  params: {
    filter: isApplication,
    loader: () =>
      import('./components/ApplicationAdoptionCard').then(m => (
        <m.ApplicationAdoptionCard />
      )),
  },
});

/**
 * `entity-card:cloud/establishment-tenants`: the establishment's tenants
 * from the onboarding service, with their progress.
 */
export const establishmentTenantsEntityCard = EntityCardBlueprint.make({
  name: 'establishment-tenants',
  params: {
    filter: isEstablishment,
    loader: () =>
      import('./components/EstablishmentTenantsCard').then(m => (
        <m.EstablishmentTenantsCard />
      )),
  },
});

/**
 * `catalog-filter:cloud/kind`: the kind picker with the kinds named in the
 * user's language, Applications by default (replaces
 * `catalog-filter:catalog/kind`).
 */
export const kindCatalogFilter = CatalogFilterBlueprint.make({
  name: 'kind',
  params: {
    loader: () =>
      import('./components/KindPicker').then(m => <m.EntityKindPicker />),
  },
});

/** `catalog-filter:cloud/establishment` */
export const establishmentCatalogFilter = CatalogFilterBlueprint.make({
  name: 'establishment',
  params: {
    loader: () =>
      import('./components/EstablishmentPicker').then(m => (
        <m.EntityEstablishmentPicker />
      )),
  },
});

/**
 * `entity-card:cloud/tenant-onboarding`: where the tenant's onboarding
 * stands, with the way to its tab.
 */
export const tenantOnboardingEntityCard = EntityCardBlueprint.make({
  name: 'tenant-onboarding',
  params: {
    filter: isTenant,
    loader: () =>
      import('./components/TenantSummaryCard').then(m => (
        <m.TenantSummaryCard />
      )),
  },
});

/**
 * `entity-content:cloud/onboarding`: the "Accompagnement" (onboarding) tab
 * of Tenant entities. Its title is French, the portal's default language
 * (entity content titles are plain strings; `app.extensions` config can
 * change it).
 */
export const tenantOnboardingEntityContent = EntityContentBlueprint.make({
  name: 'onboarding',
  params: {
    path: 'onboarding',
    title: 'Accompagnement',
    filter: isTenant,
    loader: () =>
      import('./components/TenantOnboarding').then(m => (
        <m.EntityTenantOnboardingContent />
      )),
  },
});

/** Every catalog extension of the plugin. */
export const entityExtensions = [
  applicationVersionsEntityCard,
  applicationInstancesEntityCard,
  tenantEntityCard,
  tenantOnboardingEntityCard,
  tenantOnboardingEntityContent,
  applicationAdoptionEntityCard,
  establishmentEntityCard,
  establishmentTenantsEntityCard,
  linksEntityCard,
  kindCatalogFilter,
  establishmentCatalogFilter,
];

/**
 * `entity-card:catalog-graph/relations`, replaced (through
 * `catalogGraphModuleCloud`): the same graph card, relations named in the
 * reader's language.
 */
export const relationsEntityCard = EntityCardBlueprint.make({
  name: 'relations',
  params: {
    loader: () =>
      import('./components/RelationsGraph/RelationsCard').then(m => (
        <m.RelationsCard />
      )),
  },
});
