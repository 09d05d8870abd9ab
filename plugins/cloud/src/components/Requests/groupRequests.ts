import type { ListedTenant } from '../MyInstances/useTenantList';

/** One request: the tenants asked for in one submission of the form. */
export interface PendingRequest {
  key: string;
  tenants: ListedTenant[];
}

/**
 * The tenants grouped by request (`requestGroup`, shared by the
 * environments asked for together), in the order of their first tenant; a
 * tenant without a group is a request of its own.
 */
export function groupRequests(tenants: ListedTenant[]): PendingRequest[] {
  const groups = new Map<string, PendingRequest>();
  for (const tenant of tenants) {
    const key = tenant.requestGroup
      ? `group:${tenant.requestGroup}`
      : `tenant:${tenant.name}`;
    const group = groups.get(key);
    if (group) {
      group.tenants.push(tenant);
    } else {
      groups.set(key, { key, tenants: [tenant] });
    }
  }
  return [...groups.values()];
}
