import {
  AuthService,
  LoggerService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
  ResourcePermission,
  isPermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  AMUE_ADMINS_GROUP,
  TENANT_RESOURCE_TYPE,
  cloudPermissions,
  cloudReportReadPermission,
  cloudRequestApprovePermission,
  cloudRequestCreatePermission,
  cloudTenantConditions,
  cloudTenantReadPermission,
  cloudTenantUpdatePermission,
  uaiOfEstablishment,
} from '@amue/plugin-cloud-common';
import { ApplicationOwnership } from './ApplicationOwnership';

/** Plugin id of the cloud backend, which evaluates the tenant conditions. */
const CLOUD_PLUGIN_ID = 'cloud';

/** The kind of the portal's hosted instances in the catalog. */
const TENANT_KIND = 'Tenant';

/** Permissions that change what the catalog ingests: administrators only. */
const CATALOG_ADMINISTRATION = new Set([
  catalogEntityCreatePermission.name,
  catalogEntityDeletePermission.name,
  catalogLocationCreatePermission.name,
  catalogLocationDeletePermission.name,
]);

const CLOUD_PERMISSIONS = new Set(cloudPermissions.map(p => p.name));

const ADMINS_GROUP_REF = stringifyEntityRef({
  kind: 'Group',
  namespace: 'default',
  name: AMUE_ADMINS_GROUP,
});

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * Options of {@link CloudPermissionPolicy}.
 *
 * @public
 */
export interface CloudPermissionPolicyOptions {
  userInfo: UserInfoService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /**
   * How long the list of Application entities and their owners is cached,
   * in milliseconds (30 000 by default).
   */
  applicationsCacheTtlMs?: number;
}

/** The establishment Groups among a user's ownership refs, lowercase. */
function establishmentClaims(claims: string[]): string[] {
  return claims.filter(claim => {
    try {
      const ref = parseEntityRef(claim);
      return (
        ref.kind.toLowerCase() === 'group' &&
        uaiOfEstablishment(ref.name) !== undefined
      );
    } catch {
      return false;
    }
  });
}

function tenantDecision(
  permission: ResourcePermission<typeof TENANT_RESOURCE_TYPE>,
  conditions: PermissionCriteria<
    PermissionCondition<typeof TENANT_RESOURCE_TYPE>
  >,
): PolicyDecision {
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: CLOUD_PLUGIN_ID,
    resourceType: permission.resourceType,
    conditions,
  };
}

/**
 * The portal's permission policy. Roles come from catalog group membership
 * (the user's ownership entity refs, from the user info service):
 *
 * - **Amue administrator** — member of `group:default/amue-admins`: every
 *   permission is allowed.
 * - **Amue product owner** — the user's groups own (`spec.owner`) at least
 *   one Application entity: reads and changes every tenant of those
 *   applications, approves or rejects their requests, reads the reports
 *   (filtered by the cloud backend to the tenants it may read).
 * - **establishment member** — everybody else: reads and changes the
 *   tenants of its establishments (the `etab-<uai>` Groups among its refs)
 *   and creates requests.
 *
 * The tenant permissions are answered with conditions on the `cloud-tenant`
 * resource type (rules registered by the cloud backend); Tenant entities of
 * the catalog follow the same rule through catalog conditions. Non
 * administrators cannot change what the catalog ingests. When the catalog
 * cannot tell which applications a user owns, the cloud permissions that
 * depend on it are denied (fail closed) and the error is logged.
 *
 * @public
 */
export class CloudPermissionPolicy implements PermissionPolicy {
  readonly #userInfo: UserInfoService;
  readonly #logger: LoggerService;
  readonly #ownership: ApplicationOwnership;

  constructor(options: CloudPermissionPolicyOptions) {
    this.#userInfo = options.userInfo;
    this.#logger = options.logger;
    this.#ownership = new ApplicationOwnership({
      catalog: options.catalog,
      auth: options.auth,
      logger: options.logger,
      cacheTtlMs: options.applicationsCacheTtlMs,
    });
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const claims = user
      ? (
          await this.#userInfo.getUserInfo(user.credentials)
        ).ownershipEntityRefs.map(ref => ref.toLowerCase())
      : [];
    if (claims.includes(ADMINS_GROUP_REF)) {
      return ALLOW;
    }

    const { permission } = request;
    if (CATALOG_ADMINISTRATION.has(permission.name)) {
      return DENY;
    }
    if (isPermission(permission, catalogEntityReadPermission)) {
      return this.#catalogEntityRead(permission, claims);
    }
    if (CLOUD_PERMISSIONS.has(permission.name)) {
      return user ? this.#cloud(request, claims) : DENY;
    }
    return ALLOW;
  }

  async #cloud(
    request: PolicyQuery,
    claims: string[],
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (isPermission(permission, cloudRequestCreatePermission)) {
      // The cloud backend checks the request's establishment against the
      // tenant update conditions of the requester.
      return ALLOW;
    }

    const owned = await this.#ownedApplications(claims, permission.name);
    if (!owned) {
      return DENY;
    }

    if (
      isPermission(permission, cloudTenantReadPermission) ||
      isPermission(permission, cloudTenantUpdatePermission)
    ) {
      const conditions: PermissionCondition<typeof TENANT_RESOURCE_TYPE>[] = [];
      const establishments = establishmentClaims(claims);
      if (establishments.length) {
        conditions.push(
          cloudTenantConditions.isEstablishmentMember({
            claims: establishments,
          }),
        );
      }
      if (owned.length) {
        conditions.push(
          cloudTenantConditions.isApplicationOwner({ applications: owned }),
        );
      }
      const [first, ...rest] = conditions;
      return first
        ? tenantDecision(permission, { anyOf: [first, ...rest] })
        : DENY;
    }
    if (isPermission(permission, cloudRequestApprovePermission)) {
      return owned.length
        ? tenantDecision(
            permission,
            cloudTenantConditions.isApplicationOwner({ applications: owned }),
          )
        : DENY;
    }
    if (isPermission(permission, cloudReportReadPermission)) {
      // The cloud backend narrows the reports to the tenants the user may
      // read (the tenant read conditions).
      return owned.length ? ALLOW : DENY;
    }
    return DENY;
  }

  /**
   * Tenant entities are readable by their establishment (the `ownedBy`
   * relation the catalog model layer derives from `spec.establishment`) and
   * by the owners of their application; every other entity by everybody.
   */
  async #catalogEntityRead(
    permission: typeof catalogEntityReadPermission,
    claims: string[],
  ): Promise<PolicyDecision> {
    // Without the list of applications, fall back to the establishment rule:
    // a product owner temporarily sees fewer tenants, never more.
    const owned =
      (await this.#ownedApplications(claims, permission.name)) ?? [];
    const notTenant = {
      not: catalogConditions.isEntityKind({ kinds: [TENANT_KIND] }),
    };
    const conditions: PermissionCondition<'catalog-entity'>[] = [];
    if (claims.length) {
      conditions.push(catalogConditions.isEntityOwner({ claims }));
    }
    for (const application of owned) {
      // `spec.application` holds the application's name, or its entity ref.
      for (const value of [
        application,
        stringifyEntityRef({
          kind: 'Application',
          namespace: 'default',
          name: application,
        }),
      ]) {
        conditions.push(
          catalogConditions.hasSpec({ key: 'application', value }),
        );
      }
    }
    return createCatalogConditionalDecision(permission, {
      anyOf: [notTenant, ...conditions],
    });
  }

  /**
   * Names of the applications owned by the user's groups, or undefined when
   * the catalog could not be read (the error is logged).
   */
  async #ownedApplications(
    claims: string[],
    permissionName: string,
  ): Promise<string[] | undefined> {
    if (!claims.length) {
      return [];
    }
    try {
      return await this.#ownership.ownedBy(claims);
    } catch (error) {
      this.#logger.error(
        `Could not read the applications and their owners from the catalog, denying what depends on them for ${permissionName}`,
        error instanceof Error ? error : new Error(String(error)),
      );
      return undefined;
    }
  }
}
