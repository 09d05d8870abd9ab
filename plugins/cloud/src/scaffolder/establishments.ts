import {
  AMUE_ADMINS_GROUP,
  ESTABLISHMENT_GROUP_TYPE,
  uaiOfEstablishment,
} from '@amue/plugin-cloud-common';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { IdentityApi } from '@backstage/frontend-plugin-api';
import type { CatalogApi } from '@backstage/plugin-catalog-react';

/** An establishment the user may request instances for. */
export interface EstablishmentChoice {
  /** UAI code, uppercase (the field's value). */
  uai: string;
  /** Name of the establishment, or its group name. */
  title: string;
}

/**
 * Which establishments the user may pick, as the permission policy decides
 * (plugins/permission-backend-module-cloud-policy):
 *
 * - `own`: a member of establishment groups (`etab-<uai>`) requests for
 *   those only;
 * - `any`: Amue — an administrator (`amue-admins`) or a product owner (a
 *   group of the user owns an Application) — for any establishment of the
 *   catalog;
 * - `none`: anybody else.
 *
 * The cloud backend enforces the same rule when the request is created.
 */
export interface EstablishmentChoices {
  mode: 'own' | 'any' | 'none';
  establishments: EstablishmentChoice[];
}

function titleOf(entity: {
  metadata: { name: string; title?: string };
  spec?: unknown;
}): string {
  const profile = (entity.spec as { profile?: { displayName?: string } })
    ?.profile;
  return entity.metadata.title ?? profile?.displayName ?? entity.metadata.name;
}

function byTitle(a: EstablishmentChoice, b: EstablishmentChoice) {
  return a.title.localeCompare(b.title, 'fr');
}

/** Loads the establishments the signed-in user may request instances for. */
export async function loadEstablishmentChoices(apis: {
  identityApi: Pick<IdentityApi, 'getBackstageIdentity'>;
  catalogApi: Pick<CatalogApi, 'getEntities' | 'getEntitiesByRefs'>;
}): Promise<EstablishmentChoices> {
  const { identityApi, catalogApi } = apis;
  const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
  const claims = ownershipEntityRefs.map(ref => ref.toLowerCase());
  const establishmentRefs = claims.filter(claim => {
    try {
      const ref = parseEntityRef(claim);
      return ref.kind === 'group' && uaiOfEstablishment(ref.name) !== undefined;
    } catch {
      return false;
    }
  });

  if (establishmentRefs.length) {
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: establishmentRefs,
      fields: ['metadata.name', 'metadata.title', 'spec.profile.displayName'],
    });
    return {
      mode: 'own',
      establishments: establishmentRefs
        .map((ref, index) => {
          const name = parseEntityRef(ref).name;
          const entity = items[index];
          return {
            uai: uaiOfEstablishment(name)!,
            title: entity ? titleOf(entity) : name,
          };
        })
        .sort(byTitle),
    };
  }

  const admins = stringifyEntityRef({
    kind: 'group',
    namespace: 'default',
    name: AMUE_ADMINS_GROUP,
  });
  let amue = claims.includes(admins);
  if (!amue && claims.length) {
    const owned = await catalogApi.getEntities({
      filter: { kind: 'Application', 'relations.ownedBy': claims },
      fields: ['metadata.name'],
      limit: 1,
    });
    amue = owned.items.length > 0;
  }
  if (!amue) {
    return { mode: 'none', establishments: [] };
  }
  const { items } = await catalogApi.getEntities({
    filter: { kind: 'Group', 'spec.type': ESTABLISHMENT_GROUP_TYPE },
    fields: ['metadata.name', 'metadata.title', 'spec.profile.displayName'],
  });
  return {
    mode: 'any',
    establishments: items
      .flatMap(entity => {
        const uai = uaiOfEstablishment(entity.metadata.name);
        return uai ? [{ uai, title: titleOf(entity) }] : [];
      })
      .sort(byTitle),
  };
}
