import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { cloudServiceRef } from '@amue/plugin-cloud-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createAddEnvironmentAction } from './actions/addEnvironment';
import { createAwaitCatalogAction } from './actions/awaitCatalog';
import { createChangeVersionAction } from './actions/changeVersion';
import { createCommitGitopsAction } from './actions/commitGitops';
import { createCreateRequestAction } from './actions/createRequest';
import { createDecommissionAction } from './actions/decommission';
import { createRenderGitopsAction } from './actions/renderGitops';
import { createValidateRequestAction } from './actions/validateRequest';
import { createValidateUaiAction } from './actions/validateUai';
import { GitopsRepository } from './gitops/GitopsRepository';
import { assertGitopsRemote } from './gitops/requireRemote';

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
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        client: cloudServiceRef,
        events: eventsServiceRef,
      },
      async init({ scaffolder, config, catalog, client, events }) {
        const repository = GitopsRepository.fromConfig(config);
        // Production refuses to start without a git remote (one repository
        // shared by every replica).
        assertGitopsRemote(config, repository.config);
        scaffolder.addActions(
          createValidateUaiAction(),
          createValidateRequestAction({ catalog, client }),
          createCreateRequestAction({ client }),
          createRenderGitopsAction({
            baseDomain: repository.config.baseDomain,
          }),
          createCommitGitopsAction({ repository, events }),
          createAwaitCatalogAction({ catalog }),
          createChangeVersionAction({ client }),
          createAddEnvironmentAction({ client }),
          createDecommissionAction({ client }),
        );
      },
    });
  },
});
