import { createBackendModule } from '@backstage/backend-plugin-api';
import { CatalogModelSources } from '@backstage/catalog-model/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { cloudCatalogModelLayer } from '@amue/plugin-cloud-common/alpha';
import { CloudEntityProcessor } from './CloudEntityProcessor';

/**
 * The catalog module of the Amue Cloud portal: the Application and Tenant
 * kinds (catalog model layer) with their relations, and the validation of
 * the portal's entities.
 *
 * @public
 */
export const catalogModuleCloud = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'cloud',
  register(reg) {
    reg.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        model: catalogModelExtensionPoint,
      },
      async init({ processing, model }) {
        model.addModelSource(CatalogModelSources.static([cloudCatalogModelLayer]));
        processing.addProcessor(new CloudEntityProcessor());
      },
    });
  },
});
