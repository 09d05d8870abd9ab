import {
  AMUE_ADMINS_GROUP,
  ESTABLISHMENT_NAME_PREFIX,
} from '@amue/plugin-cloud-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/**
 * Who the signed-in user is for the onboarding pages, from the ownership
 * entity refs of their Backstage identity (their own ref and their groups).
 * The UI uses it to offer what the backend will accept; the backend decides.
 */
export interface CloudUser {
  userEntityRef: string;
  /** Ownership entity refs, lowercase. */
  ownershipEntityRefs: string[];
  /** Member of `group:default/amue-admins`. */
  isAdmin: boolean;
  /** Names of the establishment Groups (`etab-<uai>`) the user belongs to. */
  establishments: string[];
}

const ADMINS_REF = `group:default/${AMUE_ADMINS_GROUP}`;

/** The {@link CloudUser} of a set of ownership entity refs. */
export function toCloudUser(
  userEntityRef: string,
  ownershipEntityRefs: string[],
): CloudUser {
  const refs = ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US'));
  const establishments = refs.flatMap(ref => {
    try {
      const { kind, namespace, name } = parseEntityRef(ref);
      return kind === 'group' &&
        namespace === 'default' &&
        name.startsWith(ESTABLISHMENT_NAME_PREFIX)
        ? [name]
        : [];
    } catch {
      return [];
    }
  });
  return {
    userEntityRef,
    ownershipEntityRefs: refs,
    isAdmin: refs.includes(ADMINS_REF),
    establishments,
  };
}

/** The signed-in {@link CloudUser}. */
export function useCloudUser() {
  const identityApi = useApi(identityApiRef);
  return useAsync(async () => {
    const identity = await identityApi.getBackstageIdentity();
    return toCloudUser(identity.userEntityRef, identity.ownershipEntityRefs);
  }, [identityApi]);
}
