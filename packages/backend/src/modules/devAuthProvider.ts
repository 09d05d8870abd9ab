import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
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

const devAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async (result: { userName: string }) => ({
    profile: { displayName: result.userName },
  }),
  initialize: () => undefined,
  async authenticate({ req }) {
    const userName = req.header(DEV_USER_HEADER)?.trim().toLowerCase();
    if (!userName || !USER_NAME.test(userName)) {
      throw new InputError(
        `header ${DEV_USER_HEADER} must hold the name of a catalog User`,
      );
    }
    return { result: { userName } };
  },
});

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
      },
      async init({ providers, config, logger }) {
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
            authenticator: devAuthenticator,
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
