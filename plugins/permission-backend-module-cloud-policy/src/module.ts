import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { CloudPermissionPolicy } from './CloudPermissionPolicy';

/**
 * Installs the portal's permission policy in the permission backend.
 *
 * @public
 */
export const permissionModuleCloudPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'cloud-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
        auth: coreServices.auth,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
      },
      async init({ policy, userInfo, auth, logger, catalog }) {
        policy.setPolicy(
          new CloudPermissionPolicy({ userInfo, auth, logger, catalog }),
        );
      },
    });
  },
});
