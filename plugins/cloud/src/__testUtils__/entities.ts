import type { Entity } from '@backstage/catalog-model';
import type {
  ApplicationEntityV1alpha1,
  TenantEntityV1alpha1,
} from '@amue/plugin-cloud-common';

/** Test data shaped like the catalog returns it (relations included). */

export const sifac: ApplicationEntityV1alpha1 = {
  apiVersion: 'cloud.amue.fr/v1alpha1',
  kind: 'Application',
  metadata: {
    name: 'sifac',
    namespace: 'default',
    title: 'SIFAC',
    description: 'Système d’information financier',
    annotations: { 'backstage.io/techdocs-ref': 'dir:.' },
  },
  spec: {
    owner: 'equipe-sifac',
    domain: 'finance',
    lifecycle: 'production',
    versions: [
      { version: '2024.2', status: 'supported', releaseDate: '2024-11-04' },
      { version: '2023.1', status: 'deprecated', releaseDate: '2023-03-15' },
      { version: '2021.1', status: 'end-of-life', releaseDate: '2021-02-01' },
    ],
    environments: ['production', 'preproduction', 'formation'],
    saas: { status: 'available', since: '2024-03-12' },
    prerequisites: [
      'Fédération d’identités RENATER',
      'Convention de service signée',
    ],
    replacedBy: 'sifac-ng',
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/equipe-sifac' }],
};

function tenant(
  name: string,
  spec: Partial<TenantEntityV1alpha1['spec']>,
): TenantEntityV1alpha1 {
  return {
    apiVersion: 'cloud.amue.fr/v1alpha1',
    kind: 'Tenant',
    metadata: { name, namespace: 'default' },
    spec: {
      application: 'sifac',
      establishment: 'etab-0333298f',
      environment: 'production',
      version: '2024.2',
      status: 'live',
      ...spec,
    },
    // The relations the catalog model layer emits (one way: docs/decisions.md).
    relations: [
      {
        type: 'instanceOf',
        targetRef: `application:default/${spec.application ?? 'sifac'}`,
      },
      {
        type: 'ownedBy',
        targetRef: `group:default/${(
          spec.establishment ?? 'etab-0333298f'
        ).replace(/^group:default\//, '')}`,
      },
    ],
  };
}

export const bordeauxProduction = tenant('sifac-0333298f-production', {
  url: 'https://sifac.u-bordeaux.cloud.amue.fr',
  sso: {
    protocol: 'saml',
    idpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
  },
});
export const bordeauxFormation = tenant('sifac-0333298f-formation', {
  environment: 'formation',
  status: 'onboarding',
  version: '2023.1',
});
export const lilleProduction = tenant('sifac-0597239y-production', {
  // Spelled as a full ref: the card must still find the establishment.
  establishment: 'group:default/etab-0597239y',
  status: 'requested',
});
export const sorbonneTest = tenant('sifac-0751717j-test', {
  establishment: 'etab-0751717j',
  environment: 'test',
  status: 'decommissioned',
});
export const siham = tenant('siham-0333298f-production', {
  application: 'siham',
});

export const bordeaux: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'etab-0333298f',
    namespace: 'default',
    title: 'Université de Bordeaux',
    annotations: {
      'cloud.amue.fr/uai': '0333298F',
      'cloud.amue.fr/former-uais': '0331766R,0331767S',
    },
    labels: {
      'cloud.amue.fr/region': 'nouvelle-aquitaine',
      'cloud.amue.fr/academie': 'bordeaux',
    },
    links: [{ url: 'https://www.u-bordeaux.fr/', title: 'Site web' }],
  },
  spec: {
    type: 'establishment',
    profile: { displayName: 'Université de Bordeaux' },
    children: [],
  },
  relations: [
    // No relation toward its Tenants (they are ownedBy it, one way).
    { type: 'ownerOf', targetRef: 'component:default/site-web-bordeaux' },
  ],
};

export const lille: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'etab-0597239y',
    namespace: 'default',
    title: 'Université de Lille',
    annotations: { 'cloud.amue.fr/uai': '0597239Y' },
  },
  spec: { type: 'establishment', children: [] },
};

export const amueTeam: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'equipe-sifac', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

export const tenants = [
  bordeauxProduction,
  bordeauxFormation,
  lilleProduction,
  sorbonneTest,
  siham,
];
