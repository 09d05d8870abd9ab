import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
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
import { CloudBackendClient } from './lib/CloudBackendClient';

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
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ scaffolder, auth, discovery, config, catalog }) {
        const client = new CloudBackendClient({ auth, discovery });
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
          createCommitGitopsAction({ repository }),
          createAwaitCatalogAction({ catalog }),
          createChangeVersionAction({ client }),
          createAddEnvironmentAction({ client }),
          createDecommissionAction({ client }),
        );
      },
    });
  },
});
