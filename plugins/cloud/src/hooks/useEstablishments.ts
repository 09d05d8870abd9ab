import {
  ESTABLISHMENT_GROUP_TYPE,
  UAI_ANNOTATION,
} from '@amue/plugin-cloud-common';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** An establishment Group of the catalog. */
export interface EstablishmentSummary {
  /** Group name, `etab-<uai>`. */
  name: string;
  title: string;
  uai?: string;
}

/**
 * The establishment Groups of the catalog, by name, sorted by title; loads
 * nothing while `enabled` is false (establishment members do not need the
 * list of every establishment).
 */
export function useEstablishments(enabled: boolean = true) {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<Map<string, EstablishmentSummary>> => {
    if (!enabled) {
      return new Map();
    }
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'group', 'spec.type': ESTABLISHMENT_GROUP_TYPE },
      fields: [
        'metadata.name',
        'metadata.title',
        'metadata.annotations',
        'spec.profile.displayName',
      ],
    });
    const establishments = items
      .map(entity => {
        const profile = entity.spec?.profile as
          | { displayName?: string }
          | undefined;
        return {
          name: entity.metadata.name,
          title:
            entity.metadata.title ??
            profile?.displayName ??
            entity.metadata.name,
          uai: entity.metadata.annotations?.[UAI_ANNOTATION],
        };
      })
      .sort((a, b) => a.title.localeCompare(b.title));
    return new Map(establishments.map(e => [e.name, e]));
  }, [catalogApi, enabled]);
}
