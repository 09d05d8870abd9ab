import { progress, type Tenant } from '@amue/plugin-cloud-common';
import { useApi } from '@backstage/frontend-plugin-api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { cloudApiRef, type CloudApi } from '../../api';

/** Tenants asked for at a time. */
export const TENANTS_PAGE_SIZE = 50;
/** Tenant details fetched at once, for their progress. */
const DETAILS_CONCURRENCY = 4;

/** A tenant of the establishment, with its onboarding progress once known. */
export type TenantWithProgress = Tenant & {
  /** From 0 to 1; undefined while loading, null when it could not be read. */
  progress?: number | null;
};

type State = {
  loading: boolean;
  error?: Error;
  tenants: TenantWithProgress[];
  nextCursor?: string;
};

/** The progress of each tenant, from its steps, a few requests at a time. */
async function progressOf(
  cloudApi: CloudApi,
  names: string[],
): Promise<Map<string, number | null>> {
  const result = new Map<string, number | null>();
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++];
      try {
        const details = await cloudApi.getTenant(name);
        result.set(name, progress(details.steps));
      } catch {
        result.set(name, null);
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(DETAILS_CONCURRENCY, names.length) }, worker),
  );
  return result;
}

/**
 * The tenants of an establishment from the cloud backend
 * (`GET /tenants?establishment=`), filtered by the backend to those the
 * signed-in user may read, a page at a time, then the progress of each.
 */
export function useEstablishmentTenants(establishment: string) {
  const cloudApi = useApi(cloudApiRef);
  const [state, setState] = useState<State>({ loading: true, tenants: [] });
  // Ignores the answers meant for a previous establishment.
  const generation = useRef(0);

  const load = useCallback(
    async (cursor: string | undefined, id: number) => {
      setState(s => ({ ...s, loading: true, error: undefined }));
      try {
        const page = await cloudApi.listTenants({
          establishment: [establishment],
          limit: TENANTS_PAGE_SIZE,
          orderBy: 'name',
          order: 'asc',
          ...(cursor ? { cursor } : {}),
        });
        if (generation.current !== id) {
          return;
        }
        setState(s => ({
          loading: false,
          tenants: [...(cursor ? s.tenants : []), ...page.items],
          nextCursor: page.nextCursor,
        }));
        const progresses = await progressOf(
          cloudApi,
          page.items.map(tenant => tenant.name),
        );
        if (generation.current !== id) {
          return;
        }
        setState(s => ({
          ...s,
          tenants: s.tenants.map(tenant =>
            progresses.has(tenant.name)
              ? { ...tenant, progress: progresses.get(tenant.name) }
              : tenant,
          ),
        }));
      } catch (error) {
        if (generation.current === id) {
          setState(s => ({
            ...s,
            loading: false,
            error: error instanceof Error ? error : new Error(String(error)),
          }));
        }
      }
    },
    [cloudApi, establishment],
  );

  useEffect(() => {
    generation.current += 1;
    load(undefined, generation.current);
  }, [load]);

  const loadMore = useCallback(() => {
    if (state.nextCursor) {
      load(state.nextCursor, generation.current);
    }
  }, [load, state.nextCursor]);

  return { ...state, loadMore };
}
