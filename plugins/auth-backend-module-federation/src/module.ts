import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  oidcAuthenticator,
  oidcSignInResolvers,
} from '@backstage/plugin-auth-backend-module-oidc-provider';
import {
  authProvidersExtensionPoint,
  commonSignInResolvers,
  createOAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { EstablishmentDirectory } from './EstablishmentDirectory';
import { readFederationOptions } from './options';
import { CloudPeopleRecorder } from './PeopleRecorder';
import { cloudServiceRef } from '@amue/plugin-cloud-node';
import {
  FEDERATION_RESOLVER,
  createFederationSignInResolverFactory,
} from './resolver';

/**
 * The `oidc` auth provider of the portal: Backstage's OpenID Connect
 * provider with, beside its own sign-in resolvers, the `federation`
 * resolver (establishment staff from SUPANN claims, Amue staff from the
 * catalog). Use it instead of
 * `@backstage/plugin-auth-backend-module-oidc-provider`.
 *
 * @public
 */
export const authModuleFederation = createBackendModule({
  pluginId: 'auth',
  moduleId: 'federation',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        cloud: cloudServiceRef,
      },
      async init({ providers, config, logger, auth, catalog, cloud }) {
        const settings = readFederationOptions(config);
        const federation = createFederationSignInResolverFactory({
          settings,
          establishments: new EstablishmentDirectory({
            catalog,
            auth,
            logger,
          }),
          people: new CloudPeopleRecorder({ cloud, auth }),
          logger: logger.child({ target: 'federation-sign-in' }),
        });
        providers.registerProvider({
          providerId: 'oidc',
          factory: createOAuthProviderFactory({
            authenticator: oidcAuthenticator,
            signInResolverFactories: {
              ...commonSignInResolvers,
              ...oidcSignInResolvers,
              [FEDERATION_RESOLVER]: federation,
            },
          }),
        });
      },
    });
  },
});
