import type { TenantListItem } from '@amue/plugin-cloud-common';
import { useApi } from '@backstage/frontend-plugin-api';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { cloudApiRef, type ListTenantsQuery } from '../../api';
import { useTenantSignal } from '../../hooks';

/** The most tenants the backend returns in one page. */
const MAX_PAGE = 500;
/** Signals close together cause one reload. */
const SIGNAL_DEBOUNCE_MS = 300;

/** A listed tenant, with its steps (for the progress and the due dates). */
export type ListedTenant = TenantListItem;

type State = {
  loading: boolean;
  error?: Error;
  items: ListedTenant[];
  nextCursor?: string;
};

/**
 * Tenants from the cloud backend, filtered and paginated by the backend
 * (`GET /tenants?include=steps`, cursor pagination, only what the user may
 * read), a page at a time, each tenant with its steps (the progress, the
 * current step's status, the due dates). Reloaded when the backend signals
 * a change of a tenant (`cloud:tenant`), keeping as many rows as were
 * shown.
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
          include: 'steps',
          ...(cursor ? { cursor } : {}),
        });
        if (generation.current !== id) {
          return;
        }
        setState(s => ({
          loading: false,
          items: cursor ? [...s.items, ...page.items] : page.items,
          nextCursor: page.nextCursor,
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
