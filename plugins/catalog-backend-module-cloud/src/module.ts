import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { CatalogModelSources } from '@backstage/catalog-model/alpha';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogModelExtensionPoint } from '@backstage/plugin-catalog-node/alpha';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { cloudCatalogModelLayer } from '@amue/plugin-cloud-common/alpha';
import { CloudEntityProcessor } from './CloudEntityProcessor';
import { EstablishmentEntityProvider } from './providers/EstablishmentEntityProvider';
import { PersonEntityProvider } from './providers/PersonEntityProvider';
import { TenantEntityProvider } from './providers/TenantEntityProvider';

/**
 * The catalog module of the Amue Cloud portal: the Application and Tenant
 * kinds (catalog model layer) with their relations, the validation of the
 * portal's entities, the establishment Groups read from the ministry's
 * dataset (`catalog.providers.cloudEstablishments`) and the Tenants read
 * from the cloud backend's API (`catalog.providers.cloudTenants`).
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
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        events: eventsServiceRef,
        catalogApi: catalogServiceRef,
      },
      async init({
        catalog,
        model,
        config,
        logger,
        scheduler,
        discovery,
        auth,
        events,
        catalogApi,
      }) {
        model.addModelSource(
          CatalogModelSources.static([cloudCatalogModelLayer]),
        );
        catalog.addProcessor(new CloudEntityProcessor());
        catalog.addEntityProvider(
          EstablishmentEntityProvider.fromConfig(config, { logger, scheduler }),
        );
        catalog.addEntityProvider(
          TenantEntityProvider.fromConfig(config, {
            logger,
            scheduler,
            discovery,
            auth,
            events,
            catalog: catalogApi,
          }),
        );
        catalog.addEntityProvider(
          PersonEntityProvider.fromConfig(config, {
            logger,
            scheduler,
            discovery,
            auth,
            events,
          }),
        );
      },
    });
  },
});
