import { Entity, parseEntityRef } from '@backstage/catalog-model';
import type {
  DefaultEntityFilters,
  EntityFilter,
} from '@backstage/plugin-catalog-react';

function parseEstablishment(value: string) {
  try {
    return parseEntityRef(value.trim().toLowerCase(), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
  } catch {
    return undefined;
  }
}

/**
 * The full ref (`group:default/etab-0333298f`) of the establishment a
 * Tenant's `spec.establishment` names, lowercase.
 */
export function establishmentRef(value: string): string {
  const ref = parseEstablishment(value);
  return ref ? `${ref.kind}:${ref.namespace}/${ref.name}` : value.toLowerCase();
}

/**
 * The ways a Tenant may name one establishment Group in `spec.establishment`
 * (`etab-0333298f`, `default/etab-0333298f`, `group:etab-0333298f`,
 * `group:default/etab-0333298f`), lowercase, as the catalog compares them.
 */
export function establishmentSpellings(value: string): string[] {
  const ref = parseEstablishment(value);
  if (!ref) {
    return [value.toLowerCase()];
  }
  const { kind, namespace, name } = ref;
  const spellings = [`${namespace}/${name}`, `${kind}:${namespace}/${name}`];
  if (namespace === 'default') {
    spellings.unshift(name);
    spellings.push(`${kind}:${name}`);
  }
  return spellings;
}

/**
 * Catalog list filter on the establishment of Tenants (`spec.establishment`),
 * for one or more establishments. Applied by the catalog backend (each
 * spelling of the establishment's ref) and, when the list is not paginated,
 * in the browser with the same rule.
 *
 * @public
 */
export class EntityEstablishmentFilter implements EntityFilter {
  private readonly spellings: Set<string>;

  constructor(readonly values: string[]) {
    this.spellings = new Set(values.flatMap(establishmentSpellings));
  }

  getCatalogFilters(): Record<string, string[]> {
    return { 'spec.establishment': [...this.spellings] };
  }

  filterEntity(entity: Entity): boolean {
    const establishment = entity.spec?.establishment;
    return (
      typeof establishment === 'string' &&
      this.spellings.has(establishment.trim().toLowerCase())
    );
  }

  toQueryValue(): string[] {
    return this.values;
  }
}

/**
 * The catalog list's filters, with the establishment filter.
 *
 * @public
 */
export type CloudEntityFilters = DefaultEntityFilters & {
  establishment?: EntityEstablishmentFilter;
};
