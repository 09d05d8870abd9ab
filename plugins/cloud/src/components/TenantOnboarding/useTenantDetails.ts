import { useApi } from '@backstage/frontend-plugin-api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { cloudApiRef, type TenantWithEvents } from '../../api';
import { useTenantSignal } from '../../hooks';

type State = {
  loading: boolean;
  error?: Error;
  tenant?: TenantWithEvents;
};

/** True for an error the backend answered with this HTTP status. */
export function hasStatus(error: unknown, status: number): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { statusCode?: unknown }).statusCode === status
  );
}

/**
 * One tenant with its steps and events, reloaded each time the backend
 * signals a change of it (`cloud:tenant`). A reload keeps the tenant shown
 * until the new version arrives, so the page does not flicker.
 */
export function useTenantDetails(name: string) {
  const cloudApi = useApi(cloudApiRef);
  const [state, setState] = useState<State>({ loading: true });
  // Answers to a previous request (or for another tenant) are dropped.
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const id = ++generation.current;
    setState(s => ({ ...s, loading: true }));
    try {
      const tenant = await cloudApi.getTenant(name);
      if (generation.current === id) {
        setState({ loading: false, tenant });
      }
    } catch (error) {
      if (generation.current === id) {
        setState(s => ({
          loading: false,
          error: error instanceof Error ? error : new Error(String(error)),
          // A tenant that disappeared (or became unreadable) is not shown.
          tenant: hasStatus(error, 404) ? undefined : s.tenant,
        }));
      }
    }
  }, [cloudApi, name]);

  useEffect(() => {
    setState({ loading: true });
    reload();
  }, [reload]);

  useTenantSignal(() => {
    reload();
  }, name);

  return { ...state, reload };
}
