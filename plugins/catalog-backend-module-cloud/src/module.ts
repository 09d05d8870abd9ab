import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { CatalogModelSources } from '@backstage/catalog-model/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { cloudCatalogModelLayer } from '@amue/plugin-cloud-common/alpha';
import { CloudEntityProcessor } from './CloudEntityProcessor';
import { EstablishmentEntityProvider } from './providers/EstablishmentEntityProvider';

/**
 * The catalog module of the Amue Cloud portal: the Application and Tenant
 * kinds (catalog model layer) with their relations, the validation of the
 * portal's entities, and the establishment Groups read from the ministry's
 * dataset (`catalog.providers.cloudEstablishments`).
 *
 * @public
 */
export const catalogModuleCloud = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'cloud',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        model: catalogModelExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, model, config, logger, scheduler }) {
        model.addModelSource(
          CatalogModelSources.static([cloudCatalogModelLayer]),
        );
        catalog.addProcessor(new CloudEntityProcessor());
        catalog.addEntityProvider(
          EstablishmentEntityProvider.fromConfig(config, { logger, scheduler }),
        );
      },
    });
  },
});
