import {
  ENVIRONMENTS,
  TENANT_STATUSES,
  type Environment,
  type TenantStatus,
} from '@amue/plugin-cloud-common';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ListTenantsQuery } from '../../api';

/** The filters of "My instances", kept in the page's URL. */
export interface InstanceFilters {
  application: string;
  environment: string;
  status: string;
  establishment: string;
  /** `''`, `'true'` or `'false'`. */
  blocked: string;
}

const FILTER_NAMES: (keyof InstanceFilters)[] = [
  'application',
  'environment',
  'status',
  'establishment',
  'blocked',
];

/** The filters of the page's URL, and a way to change them. */
export function useInstanceFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(
    () =>
      Object.fromEntries(
        FILTER_NAMES.map(name => [name, params.get(name) ?? '']),
      ) as unknown as InstanceFilters,
    [params],
  );
  const setFilter = useCallback(
    (name: keyof InstanceFilters, value: string) => {
      setParams(
        previous => {
          const next = new URLSearchParams(previous);
          if (value) {
            next.set(name, value);
          } else {
            next.delete(name);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  const clear = useCallback(() => {
    setParams(
      previous => {
        const next = new URLSearchParams(previous);
        FILTER_NAMES.forEach(name => next.delete(name));
        return next;
      },
      { replace: true },
    );
  }, [setParams]);
  const active = FILTER_NAMES.some(name => filters[name] !== '');
  return { filters, setFilter, clear, active };
}

/** The backend query of a set of filters; unknown values are left out. */
export function queryOf(filters: InstanceFilters): ListTenantsQuery {
  const query: ListTenantsQuery = {};
  if (filters.application) {
    query.application = [filters.application];
  }
  if ((ENVIRONMENTS as readonly string[]).includes(filters.environment)) {
    query.environment = [filters.environment as Environment];
  }
  if ((TENANT_STATUSES as readonly string[]).includes(filters.status)) {
    query.status = [filters.status as TenantStatus];
  }
  if (filters.establishment) {
    query.establishment = [filters.establishment];
  }
  if (filters.blocked === 'true' || filters.blocked === 'false') {
    query.blocked = filters.blocked === 'true';
  }
  return query;
}
