import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  catalogEntityReadPermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogEntityDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CloudPermissionPolicy } from './CloudPermissionPolicy';

describe('CloudPermissionPolicy', () => {
  const userInfo = mockServices.userInfo.mock({
    async getUserInfo(credentials) {
      const ref = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return {
        userEntityRef: ref,
        ownershipEntityRefs:
          ref === 'user:default/admin'
            ? [ref, 'group:default/amue-admins']
            : [ref, 'group:default/etab-0333298f'],
      };
    },
  });
  const policy = new CloudPermissionPolicy(userInfo);
  const as = (ref: string) => ({
    credentials: mockCredentials.user(ref),
    info: { userEntityRef: ref, ownershipEntityRefs: [] },
  });

  it.each([
    catalogLocationCreatePermission,
    catalogLocationDeletePermission,
    catalogEntityDeletePermission,
  ])('denies $name to an establishment member', async permission => {
    await expect(
      policy.handle({ permission }, as('user:default/dsi')),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it.each([catalogLocationCreatePermission, catalogEntityDeletePermission])(
    'allows $name to an Amue administrator',
    async permission => {
      await expect(
        policy.handle({ permission }, as('user:default/admin')),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    },
  );

  it('lets an establishment member read the catalog', async () => {
    await expect(
      policy.handle(
        { permission: catalogEntityReadPermission },
        as('user:default/dsi'),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('denies catalog administration to an anonymous request', async () => {
    await expect(
      policy.handle({ permission: catalogLocationCreatePermission }),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });
});
