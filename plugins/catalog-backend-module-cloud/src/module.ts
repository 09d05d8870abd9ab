import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { EstablishmentGroupProcessor } from './EstablishmentGroupProcessor';

/**
 * The catalog module of the Amue Cloud portal.
 *
 * @public
 */
export const catalogModuleCloud = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'cloud',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new EstablishmentGroupProcessor());
      },
    });
  },
});
