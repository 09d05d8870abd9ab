import type { Tenant } from '@amue/plugin-cloud-common';
import { useApi } from '@backstage/frontend-plugin-api';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  cloudApiRef,
  type CloudApi,
  type ListTenantsQuery,
  type TenantWithEvents,
} from '../../api';
import { useTenantSignal } from '../../hooks';

/** Tenant details fetched at once. */
const DETAILS_CONCURRENCY = 4;
/** The most tenants the backend returns in one page. */
const MAX_PAGE = 500;
/** Signals close together cause one reload. */
const SIGNAL_DEBOUNCE_MS = 300;

/**
 * A listed tenant with its details (steps, events) once loaded: undefined
 * while loading, null when they could not be read.
 */
export type ListedTenant = Tenant & { details?: TenantWithEvents | null };

type State = {
  loading: boolean;
  error?: Error;
  items: ListedTenant[];
  nextCursor?: string;
};

async function detailsOf(
  cloudApi: CloudApi,
  names: string[],
): Promise<Map<string, TenantWithEvents | null>> {
  const result = new Map<string, TenantWithEvents | null>();
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++];
      try {
        result.set(name, await cloudApi.getTenant(name));
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
 * Tenants from the cloud backend, filtered and paginated by the backend
 * (`GET /tenants`, cursor pagination, only what the user may read), a page
 * at a time, then the details of each (steps, for the progress and the
 * current step's status). Reloaded when the backend signals a change of a
 * tenant (`cloud:tenant`), keeping as many rows as were shown.
 */
export function useTenantList(
  query: ListTenantsQuery,
  options: { pageSize: number; enabled?: boolean },
) {
  const { pageSize, enabled = true } = options;
  const cloudApi = useApi(cloudApiRef);
  const [state, setState] = useState<State>({ loading: true, items: [] });
  const generation = useRef(0);
  const shown = useRef(0);
  shown.current = state.items.length;
  // The query as a stable value: a new object with the same filters does
  // not reload.
  const key = JSON.stringify(query);
  const stableQuery = useMemo(() => JSON.parse(key) as ListTenantsQuery, [key]);

  const load = useCallback(
    async (cursor: string | undefined, limit: number) => {
      const id = cursor ? generation.current : ++generation.current;
      setState(s => ({ ...s, loading: true, error: undefined }));
      try {
        const page = await cloudApi.listTenants({
          orderBy: 'updatedAt',
          order: 'desc',
          ...stableQuery,
          limit,
          ...(cursor ? { cursor } : {}),
        });
        if (generation.current !== id) {
          return;
        }
        setState(s => {
          // Details already known are kept until the new ones arrive.
          const known = new Map(s.items.map(item => [item.name, item.details]));
          const items = page.items.map(item => ({
            ...item,
            details: known.get(item.name),
          }));
          return {
            loading: false,
            items: cursor ? [...s.items, ...items] : items,
            nextCursor: page.nextCursor,
          };
        });
        const details = await detailsOf(
          cloudApi,
          page.items.map(item => item.name),
        );
        if (generation.current !== id) {
          return;
        }
        setState(s => ({
          ...s,
          items: s.items.map(item =>
            details.has(item.name)
              ? { ...item, details: details.get(item.name) }
              : item,
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
    [cloudApi, stableQuery],
  );

  useEffect(() => {
    if (!enabled) {
      return;
    }
    setState({ loading: true, items: [] });
    load(undefined, pageSize);
  }, [load, pageSize, enabled]);

  /** Reloads from the first row, as many rows as are shown. */
  const reload = useCallback(() => {
    load(undefined, Math.min(MAX_PAGE, Math.max(pageSize, shown.current)));
  }, [load, pageSize]);

  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  useTenantSignal(() => {
    if (!enabled) {
      return;
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(reload, SIGNAL_DEBOUNCE_MS);
  });

  const loadMore = useCallback(() => {
    if (state.nextCursor) {
      load(state.nextCursor, pageSize);
    }
  }, [load, state.nextCursor, pageSize]);

  return { ...state, loadMore, reload };
}
