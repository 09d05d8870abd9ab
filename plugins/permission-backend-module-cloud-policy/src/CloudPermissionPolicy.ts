import { UserInfoService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { AMUE_ADMINS_GROUP } from '@amue/plugin-cloud-common';

/** Permissions that change what the catalog ingests: administrators only. */
const CATALOG_ADMINISTRATION = new Set([
  catalogEntityCreatePermission.name,
  catalogEntityDeletePermission.name,
  catalogLocationCreatePermission.name,
  catalogLocationDeletePermission.name,
]);

const ADMINS_GROUP_REF = stringifyEntityRef({
  kind: 'Group',
  namespace: 'default',
  name: AMUE_ADMINS_GROUP,
});

/**
 * The portal's permission policy. Roles come from catalog group membership
 * (the user's ownership references):
 *
 * - Amue administrators (members of `group:default/amue-admins`) may do
 *   everything;
 * - everybody else may not change what the catalog ingests (register or
 *   unregister locations, create or delete entities);
 * - everything else is allowed for now; the cloud plugin's own permissions
 *   (tenants, requests, reports) are decided here as they are introduced.
 *
 * @public
 */
export class CloudPermissionPolicy implements PermissionPolicy {
  constructor(private readonly userInfo: UserInfoService) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const ownership = user
      ? (await this.userInfo.getUserInfo(user.credentials)).ownershipEntityRefs
      : [];
    if (ownership.includes(ADMINS_GROUP_REF)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (CATALOG_ADMINISTRATION.has(request.permission.name)) {
      return { result: AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}
