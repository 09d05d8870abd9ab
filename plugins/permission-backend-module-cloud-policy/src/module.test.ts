import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PermissionPolicy } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { cloudReportReadPermission } from '@amue/plugin-cloud-common';
import { permissionModuleCloudPolicy } from './module';
import { CloudPermissionPolicy } from './CloudPermissionPolicy';

describe('permissionModuleCloudPolicy', () => {
  it('installs the cloud policy, wired to the catalog and the user info service', async () => {
    let installed: PermissionPolicy | undefined;
    const user = 'user:default/sophie.bernard';
    await startTestBackend({
      extensionPoints: [
        [
          policyExtensionPoint,
          { setPolicy: (policy: PermissionPolicy) => (installed = policy) },
        ],
      ],
      features: [
        permissionModuleCloudPolicy,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'cloud.amue.fr/v1alpha1',
              kind: 'Application',
              metadata: { name: 'sifac', namespace: 'default' },
              spec: { owner: 'amue-equipe-finance' },
            },
          ],
        }),
        mockServices.userInfo.mock({
          getUserInfo: async () => ({
            userEntityRef: user,
            ownershipEntityRefs: [user, 'group:default/amue-equipe-finance'],
          }),
        }).factory,
      ],
    });

    expect(installed).toBeInstanceOf(CloudPermissionPolicy);
    // Reports are for product owners: the policy found in the catalog that
    // the user's team owns an application.
    await expect(
      installed!.handle(
        { permission: cloudReportReadPermission },
        {
          credentials: mockCredentials.user(user),
          info: { userEntityRef: user, ownershipEntityRefs: [] },
        },
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });
});
