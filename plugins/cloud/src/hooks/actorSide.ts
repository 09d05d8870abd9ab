import type { OnboardingActorSide, Tenant } from '@amue/plugin-cloud-common';
import type { CloudUser } from './useCloudUser';

/**
 * The side the user acts for on a tenant, as the backend decides it: an
 * administrator acts for both sides (`any`); a member of the group owning
 * the tenant's application acts for Amue; a member of the tenant's
 * establishment acts for the establishment; anybody else only reads
 * (undefined). The UI offers actions by this side; the backend enforces.
 *
 * @param applicationOwner - the entity ref of the Group owning the tenant's
 *   application, when known.
 */
export function actorSideOf(
  user: CloudUser | undefined,
  tenant: Pick<Tenant, 'establishment'>,
  applicationOwner: string | undefined,
): OnboardingActorSide | undefined {
  if (!user) {
    return undefined;
  }
  if (user.isAdmin) {
    return 'any';
  }
  if (
    applicationOwner &&
    user.ownershipEntityRefs.includes(
      applicationOwner.toLocaleLowerCase('en-US'),
    )
  ) {
    return 'amue';
  }
  if (
    user.establishments.includes(
      tenant.establishment.toLocaleLowerCase('en-US'),
    )
  ) {
    return 'establishment';
  }
  return undefined;
}
