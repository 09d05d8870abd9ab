import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { UserEntity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
  createProxyAuthenticator,
} from '@backstage/plugin-auth-node';

/** The header the portal's demonstration sign-in page sends. */
export const DEV_USER_HEADER = 'x-amue-dev-user';

const USER_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/**
 * True when the demonstration sign-in may run: it is configured
 * (`auth.providers.dev`) and the auth environment is not `production`.
 */
export function isDevSignInEnabled(config: Config): boolean {
  return (
    config.has('auth.providers.dev') &&
    config.getOptionalString('auth.environment') !== 'production'
  );
}

type DevSignInResult = {
  userName: string;
  displayName?: string;
  email?: string;
};

/** Reads the requested user from the header and looks it up in the catalog. */
function createDevAuthenticator(
  findUser: (name: string) => Promise<DevSignInResult | undefined>,
) {
  return createProxyAuthenticator({
    defaultProfileTransform: async (result: DevSignInResult) => ({
      profile: {
        displayName: result.displayName ?? result.userName,
        email: result.email,
      },
    }),
    initialize: () => undefined,
    async authenticate({ req }) {
      const userName = req.header(DEV_USER_HEADER)?.trim().toLowerCase();
      if (!userName || !USER_NAME.test(userName)) {
        throw new InputError(
          `header ${DEV_USER_HEADER} must hold the name of a catalog User`,
        );
      }
      const result = await findUser(userName);
      if (!result) {
        throw new NotFoundError(`no catalog User is named "${userName}"`);
      }
      return { result };
    },
  });
}

/**
 * Demonstration sign-in (provider id `dev`): signs in as any User of the
 * catalog named in the `x-amue-dev-user` header, so the portal's personas
 * can be shown and tested. It is never registered when `auth.environment`
 * is `production`, whatever else the configuration says.
 */
export const authModuleDevProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'dev-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ providers, config, logger, auth, catalog }) {
        if (!config.has('auth.providers.dev')) {
          return;
        }
        if (!isDevSignInEnabled(config)) {
          logger.warn(
            'auth.providers.dev is ignored: demonstration sign-in never runs when auth.environment is production',
          );
          return;
        }
        logger.warn(
          'demonstration sign-in is enabled: anyone can sign in as any catalog User',
        );
        providers.registerProvider({
          providerId: 'dev',
          factory: createProxyAuthProviderFactory({
            authenticator: createDevAuthenticator(async name => {
              const entity = await catalog.getEntityByRef(
                { kind: 'User', namespace: 'default', name },
                { credentials: await auth.getOwnServiceCredentials() },
              );
              if (!entity) {
                return undefined;
              }
              const profile = (entity as UserEntity).spec.profile;
              return {
                userName: name,
                displayName: profile?.displayName,
                email: profile?.email,
              };
            }),
            async signInResolver({ result }, ctx) {
              return ctx.signInWithCatalogUser({
                entityRef: { name: result.userName },
              });
            },
          }),
        });
      },
    });
  },
});
