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
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
  ResourcePermission,
  isPermission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  createScaffolderTaskConditionalDecision,
  scaffolderTaskConditions,
} from '@backstage/plugin-scaffolder-backend/alpha';
import {
  AMUE_ADMINS_GROUP,
  TENANT_RESOURCE_TYPE,
  cloudTenantConditions,
  uaiOfEstablishment,
} from '@amue/plugin-cloud-common';
import { ApplicationOwnership } from './ApplicationOwnership';
import { RoleDecision, permissionDecisions } from './decisions';

/** Plugin id of the cloud backend, which evaluates the tenant conditions. */
const CLOUD_PLUGIN_ID = 'cloud';

/** The kind of the portal's hosted instances in the catalog. */
const TENANT_KIND = 'Tenant';

const ADMINS_GROUP_REF = stringifyEntityRef({
  kind: 'Group',
  namespace: 'default',
  name: AMUE_ADMINS_GROUP,
});

/** Decisions that do not depend on the applications a user owns. */
const OWNERSHIP_FREE = new Set<RoleDecision>([
  'allow',
  'deny',
  'ownEntity',
  'ownTask',
]);


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
    if (!user) {
      // Services are answered by the framework (narrowed by the access
      // restrictions of their tokens); a request without a user identity
      // reaching the policy gets nothing.
      return DENY;
    }
    const claims = (
      await this.#userInfo.getUserInfo(user.credentials)
    ).ownershipEntityRefs.map(ref => ref.toLowerCase());
    if (claims.includes(ADMINS_GROUP_REF)) {
      return ALLOW;
    }

    const { permission } = request;
    const row = permissionDecisions[permission.name];
    if (!row) {
      // Default-deny: a permission the portal has not decided on.
      return DENY;
    }
    const owned =
      OWNERSHIP_FREE.has(row.member) && row.member === row.productOwner
        ? []
        : await this.#ownedApplications(claims, permission.name);
    if (owned === undefined && row.member === 'tenant') {
      // Fail closed: who owns which application is part of the tenant rule.
      // ('approve' and 'reports' deny by themselves without the list.)
      return DENY;
    }
    // Without the list of applications (catalog failure), a product owner
    // is treated as an establishment member: fewer rights, never more.
    const role = owned?.length ? row.productOwner : row.member;
    return this.#decide(role, request, user, claims, owned);
  }

  async #decide(
    role: RoleDecision,
    request: PolicyQuery,
    user: PolicyQueryUser,
    claims: string[],
    owned: string[] | undefined,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    switch (role) {
      case 'allow':
        return ALLOW;
      case 'deny':
        return DENY;
      case 'reports':
        return owned?.length ? ALLOW : DENY;
      case 'tenant':
        if (!isResourcePermission(permission, TENANT_RESOURCE_TYPE)) {
          return DENY;
        }
        return this.#tenantRule(permission, claims, owned ?? []);
      case 'approve':
        if (
          !owned?.length ||
          !isResourcePermission(permission, TENANT_RESOURCE_TYPE)
        ) {
          return DENY;
        }
        return tenantDecision(
          permission,
          cloudTenantConditions.isApplicationOwner({ applications: owned }),
        );
      case 'catalogRead':
        if (!isPermission(permission, catalogEntityReadPermission)) {
          return DENY;
        }
        return this.#catalogEntityRead(permission, claims, owned ?? []);
      case 'ownEntity':
        if (!isResourcePermission(permission, 'catalog-entity')) {
          return DENY;
        }
        return createCatalogConditionalDecision(
          permission,
          catalogConditions.isEntityOwner({ claims }),
        );
      case 'ownTask':
        if (!isResourcePermission(permission, 'scaffolder-task')) {
          return DENY;
        }
        return createScaffolderTaskConditionalDecision(
          permission,
          scaffolderTaskConditions.isTaskOwner({
            createdBy: [user.info.userEntityRef],
          }),
        );
      default:
        return DENY;
    }
  }

  #tenantRule(
    permission: ResourcePermission<typeof TENANT_RESOURCE_TYPE>,
    claims: string[],
    owned: string[],
  ): PolicyDecision {
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

  /**
   * Tenant entities are readable by their establishment (the `ownedBy`
   * relation the catalog model layer derives from `spec.establishment`) and
   * by the owners of their application; every other entity by everybody.
   */
  #catalogEntityRead(
    permission: typeof catalogEntityReadPermission,
    claims: string[],
    owned: string[],
  ): PolicyDecision {
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
