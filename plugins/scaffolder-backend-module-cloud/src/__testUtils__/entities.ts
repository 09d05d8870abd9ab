import type { Entity } from '@backstage/catalog-model';

/** An Application entity as the catalog holds it. */
export const sifac: Entity = {
  apiVersion: 'cloud.amue.fr/v1alpha1',
  kind: 'Application',
  metadata: { name: 'sifac', title: 'SIFAC' },
  spec: {
    owner: 'amue-equipe-finance',
    domain: 'finance',
    lifecycle: 'production',
    versions: [
      { version: '2026.2', status: 'supported', releaseDate: '2026-10-12' },
      { version: '2026.1', status: 'supported', releaseDate: '2026-04-13' },
      { version: '2025.2', status: 'deprecated', releaseDate: '2025-10-20' },
      { version: '2025.1', status: 'end-of-life', releaseDate: '2025-04-14' },
    ],
    environments: ['production', 'preproduction', 'formation', 'test'],
    saas: { status: 'available', since: '2025-09-01' },
  },
};

/** An application not offered as a service. */
export const harpege: Entity = {
  apiVersion: 'cloud.amue.fr/v1alpha1',
  kind: 'Application',
  metadata: { name: 'harpege' },
  spec: {
    owner: 'amue-equipe-rh',
    domain: 'rh',
    lifecycle: 'end-of-life',
    versions: [
      { version: '2024.1', status: 'supported', releaseDate: '2024-01-10' },
    ],
    environments: ['production'],
    saas: { status: 'unavailable' },
  },
};

/** The establishment group of the Université de Bordeaux. */
export const bordeaux: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'etab-0333298f', title: 'Université de Bordeaux' },
  spec: { type: 'establishment', children: [] },
};

export const entities = [sifac, harpege, bordeaux];
