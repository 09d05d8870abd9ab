import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATIONS,
  ALL_RELATION_PAIRS,
  DefaultCatalogGraphApi,
  catalogGraphApiRef,
} from '@backstage/plugin-catalog-graph';
import {
  RELATION_HAS_INSTANCE,
  RELATION_INSTANCE_OF,
} from '@amue/plugin-cloud-common';
import { relationsEntityCard } from './entityExtensions';

/**
 * The catalog graph's relations: Backstage's own, plus the portal's
 * `hasInstance` / `instanceOf` between an Application and its Tenants.
 * Every known relation is shown by default.
 */
export const cloudCatalogGraphApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: catalogGraphApiRef,
      deps: {},
      factory: () =>
        new DefaultCatalogGraphApi({
          knownRelations: [
            ...ALL_RELATIONS,
            RELATION_HAS_INSTANCE,
            RELATION_INSTANCE_OF,
          ],
          knownRelationPairs: [
            ...ALL_RELATION_PAIRS,
            [RELATION_HAS_INSTANCE, RELATION_INSTANCE_OF],
          ],
          defaultRelationTypes: { exclude: [] },
        }),
    }),
});

/**
 * Module of the catalog graph plugin (`catalog-graph`) that replaces its API
 * (`api:catalog-graph`) so that the graph card of entity pages and the
 * graph page draw the relations between Applications and Tenants. Install
 * it in the app's features.
 *
 * @public
 */
export const catalogGraphModuleCloud = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [cloudCatalogGraphApi, relationsEntityCard],
});
