/*
 * The cloud frontend plugin alone, for its development: `yarn start` in
 * plugins/cloud, with the cloud backend's own dev entry point running
 * beside it (`yarn start` in plugins/cloud-backend: demo data, the portal's
 * permission policy, requests acting as an Amue administrator). The
 * repository's app-config.yaml applies (app on port 3000, backend on 7007).
 * Pages: /cloud/instances, /cloud/adoption, /cloud/offer, /cloud/requests.
 * The catalog is an empty in-memory one (no catalog backend runs): names of
 * establishments and applications show as entity refs.
 */
import { createDevApp } from '@backstage/frontend-dev-utils';
import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import cloudPlugin from '../src';

const devCatalog = createFrontendModule({
  pluginId: 'app',
  extensions: [
    ApiBlueprint.make({
      name: 'dev-catalog',
      params: defineParams =>
        defineParams({
          api: catalogApiRef,
          deps: {},
          factory: () => catalogApiMock(),
        }),
    }),
  ],
});

createDevApp({ features: [cloudPlugin, devCatalog] });
