import { ownerGroupRef } from '@amue/plugin-cloud-common';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** An Application of the catalog, as the onboarding pages need it. */
export interface ApplicationSummary {
  name: string;
  title: string;
  /** Entity ref of the owner Group (`group:default/amue-equipe-finance`). */
  owner?: string;
}

/**
 * The Applications of the catalog, by name, sorted by title: the options of
 * the application filters, the titles shown in tables and, through their
 * owner, who acts for Amue on their tenants.
 */
export function useApplications() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async (): Promise<Map<string, ApplicationSummary>> => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'application' },
      fields: ['metadata.name', 'metadata.title', 'spec.owner'],
    });
    const applications = items
      .map(entity => ({
        name: entity.metadata.name,
        title: entity.metadata.title ?? entity.metadata.name,
        owner: ownerGroupRef(entity.spec?.owner),
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
    return new Map(applications.map(a => [a.name, a]));
  }, [catalogApi]);
}
