import { Tenant } from '@amue/plugin-cloud-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { TenantDescriptor } from './requestInput';

const TENANT_NAME = /^[a-z0-9][a-z0-9-]{2,250}$/;

/**
 * The tenant name of a form value: a name (`sifac-0333298f-production`) or
 * the entity ref an EntityPicker gives (`tenant:default/sifac-...`).
 */
export function tenantNameOf(value: string, field = 'input.tenant'): string {
  const invalid = () =>
    new InputError(
      `${field} "${value}" is not a tenant name or entity ref (tenant:default/<application>-<uai>-<environment>)`,
    );
  if (typeof value !== 'string') {
    throw invalid();
  }
  let name = value.trim();
  if (/[:/]/.test(name)) {
    try {
      const ref = parseEntityRef(name, {
        defaultKind: 'tenant',
        defaultNamespace: 'default',
      });
      if (ref.kind.toLowerCase() !== 'tenant' || ref.namespace !== 'default') {
        throw invalid();
      }
      name = ref.name;
    } catch {
      throw invalid();
    }
  }
  if (!TENANT_NAME.test(name)) {
    throw invalid();
  }
  return name;
}

/** The descriptor of a tenant of the cloud backend, for the renderer. */
export function descriptorOf(
  tenant: Tenant,
  overrides: Partial<TenantDescriptor> = {},
): TenantDescriptor {
  const expectedUsers = tenant.request?.expectedUsers;
  return {
    name: tenant.name,
    application: tenant.application,
    uai: tenant.uai,
    environment: tenant.environment,
    version: tenant.version,
    ...(tenant.ssoIdpEntityId ? { idpEntityId: tenant.ssoIdpEntityId } : {}),
    ...(typeof expectedUsers === 'number' ? { expectedUsers } : {}),
    ...overrides,
  };
}
