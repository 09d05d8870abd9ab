import { useApiHolder } from '@backstage/frontend-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { useEffect, useRef } from 'react';

/**
 * The signals channel on which the cloud backend says that a tenant
 * changed (plugins/cloud-backend, `TENANT_SIGNAL_CHANNEL`).
 */
export const TENANT_SIGNAL_CHANNEL = 'cloud:tenant';

/** A message of {@link TENANT_SIGNAL_CHANNEL}. */
export interface TenantSignal {
  /** The tenant that changed. */
  name: string;
  /** What happened: the type of the event written. */
  type: string;
  /** The tenant's new row version. */
  rowVersion?: number;
}

function isTenantSignal(message: unknown): message is TenantSignal {
  return (
    typeof message === 'object' &&
    message !== null &&
    typeof (message as { name?: unknown }).name === 'string'
  );
}

/**
 * Calls `onSignal` each time the backend signals that a tenant changed:
 * only `name` when given, any tenant otherwise. The backend sends the
 * signal to the tenant's establishment, the owners of its application and
 * the administrators. Does nothing when the app has no signals plugin.
 */
export function useTenantSignal(
  onSignal: (signal: TenantSignal) => void,
  name?: string,
) {
  const signalApi = useApiHolder().get(signalApiRef);
  // The latest callback, without subscribing again on each render.
  const callback = useRef(onSignal);
  callback.current = onSignal;

  useEffect(() => {
    if (!signalApi) {
      return undefined;
    }
    const subscription = signalApi.subscribe(TENANT_SIGNAL_CHANNEL, message => {
      if (isTenantSignal(message) && (!name || message.name === name)) {
        callback.current(message);
      }
    });
    return () => subscription.unsubscribe();
  }, [signalApi, name]);
}
