import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
// Imported statically: the jest setup of backend packages keeps `import()`
// as a native dynamic import, which jest only runs with
// --experimental-vm-modules.
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import {
  DEV_USER_HEADER,
  authModuleDevProvider,
  isDevSignInEnabled,
} from './devAuthProvider';

const alice = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'alice', namespace: 'default' },
  spec: {
    profile: { displayName: 'Alice Martin', email: 'alice@example.org' },
    memberOf: [],
  },
};

const claire = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'claire.dubois', namespace: 'default' },
  spec: { memberOf: [] },
};

// A non-User entity with a user-like name: the provider must not accept it.
const notAUser = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'bob', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

async function startBackend(environment: string) {
  const { server } = await startTestBackend({
    features: [
      authPlugin,
      authModuleDevProvider,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { baseUrl: 'http://localhost:7007' },
          auth: { environment, providers: { dev: {} } },
        },
      }),
      catalogServiceMock.factory({ entities: [alice, claire, notAUser] }),
    ],
  });
  return server;
}

function refresh(
  server: Awaited<ReturnType<typeof startBackend>>,
  user?: string,
) {
  const req = request(server)
    .get('/api/auth/dev/refresh')
    .set('X-Requested-With', 'XMLHttpRequest');
  return user === undefined ? req : req.set(DEV_USER_HEADER, user);
}

describe('authModuleDevProvider', () => {
  describe('in development', () => {
    let server: Awaited<ReturnType<typeof startBackend>>;

    beforeAll(async () => {
      server = await startBackend('development');
    });

    it('signs in as the catalog User named in the header', async () => {
      const res = await refresh(server, 'alice');

      expect(res.status).toBe(200);
      expect(res.body.backstageIdentity.identity.userEntityRef).toBe(
        'user:default/alice',
      );
      expect(res.body.backstageIdentity.identity.ownershipEntityRefs).toContain(
        'user:default/alice',
      );
      expect(res.body.backstageIdentity.token).toEqual(expect.any(String));
      expect(res.body.profile).toEqual({
        displayName: 'Alice Martin',
        email: 'alice@example.org',
      });
    });

    it('signs in as whichever User the header names', async () => {
      const res = await refresh(server, 'claire.dubois');

      expect(res.status).toBe(200);
      expect(res.body.backstageIdentity.identity.userEntityRef).toBe(
        'user:default/claire.dubois',
      );
      // no displayName in the catalog: the user name stands in for it
      expect(res.body.profile.displayName).toBe('claire.dubois');
    });

    it('normalises the header (case, surrounding spaces)', async () => {
      const res = await refresh(server, '  Alice ');

      expect(res.status).toBe(200);
      expect(res.body.backstageIdentity.identity.userEntityRef).toBe(
        'user:default/alice',
      );
    });

    it('refuses a user absent from the catalog', async () => {
      const res = await refresh(server, 'mallory');

      expect(res.status).not.toBe(200);
      expect(res.status).toBe(404);
      expect(res.body.backstageIdentity).toBeUndefined();
      expect(res.body.error?.message).toMatch(/mallory/);
    });

    it('refuses a catalog entity that is not a User', async () => {
      const res = await refresh(server, 'bob');

      expect(res.status).toBe(404);
      expect(res.body.backstageIdentity).toBeUndefined();
    });

    it('refuses a request without the header', async () => {
      const res = await refresh(server);

      expect(res.status).toBe(400);
      expect(res.body.error?.name).toBe('InputError');
      expect(res.body.error?.message).toContain(DEV_USER_HEADER);
    });

    it.each([
      '',
      '   ',
      '../etc',
      'alice/../admin',
      'user:default/alice',
      '-x',
      'a'.repeat(64),
    ])('refuses the malformed header %j with a 4xx', async value => {
      const res = await refresh(server, value);

      // refused by the header check itself (InputError), before any
      // catalog look-up
      expect(res.status).toBe(400);
      expect(res.body.error?.name).toBe('InputError');
      expect(res.body.backstageIdentity).toBeUndefined();
    });
  });

  describe('in production', () => {
    it('does not register the provider even though auth.providers.dev is configured', async () => {
      const server = await startBackend('production');

      const res = await refresh(server, 'alice');

      expect(res.status).toBe(404);
      expect(res.body.error?.message).toBe("Unknown auth provider 'dev'");
      expect(res.body.backstageIdentity).toBeUndefined();
    });
  });
});

describe('isDevSignInEnabled', () => {
  it.each([
    [{}, false],
    [{ auth: {} }, false],
    [{ auth: { environment: 'development' } }, false],
    [{ auth: { environment: 'production' } }, false],
    [{ auth: { providers: { dev: {} } } }, true],
    [{ auth: { environment: 'development', providers: { dev: {} } } }, true],
    [{ auth: { environment: 'staging', providers: { dev: {} } } }, true],
    [{ auth: { environment: 'production', providers: { dev: {} } } }, false],
    [{ auth: { environment: 'production', providers: { oidc: {} } } }, false],
  ])('%j -> %s', (data, expected) => {
    expect(isDevSignInEnabled(new ConfigReader(data))).toBe(expected);
  });
});
