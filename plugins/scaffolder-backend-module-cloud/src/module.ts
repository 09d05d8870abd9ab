import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createValidateUaiAction } from './actions/validateUai';

/**
 * Scaffolder actions of the Amue Cloud portal.
 *
 * @public
 */
export const scaffolderModuleCloud = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'cloud',
  register(reg) {
    reg.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(createValidateUaiAction());
      },
    });
  },
});
