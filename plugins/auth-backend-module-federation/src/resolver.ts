import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import {
  FederationRefusal,
  federationRefusalMessage,
} from '@amue/plugin-cloud-common';
import {
  OAuthAuthenticatorResult,
  SignInResolver,
  createSignInResolverFactory,
} from '@backstage/plugin-auth-node';
import { OidcAuthResult } from '@backstage/plugin-auth-backend-module-oidc-provider';
import {
  Claims,
  affiliationsOf,
  claimValue,
  claimValues,
  domainOf,
  uaisOf,
  userNameOfPrincipal,
} from './claims';
import { EstablishmentMatch } from './EstablishmentDirectory';
import { FederationOptions } from './options';
import { PeopleRecorder } from './PeopleRecorder';

/** Finds the establishment Group of a UAI code. */
export interface EstablishmentFinder {
  find(uai: string): Promise<EstablishmentMatch | undefined>;
}

/** Name of the sign-in resolver in `signIn.resolvers`. */
export const FEDERATION_RESOLVER = 'federation';

/**
 * The error of a refusal: a NotAllowedError whose message the sign-in page
 * translates (see `parseFederationRefusal` in cloud-common).
 */
export class FederationRefusalError extends NotAllowedError {
  readonly refusal: FederationRefusal;

  constructor(refusal: FederationRefusal) {
    super(federationRefusalMessage(refusal));
    this.refusal = refusal;
  }
}

/** What the `oidc` provider passes to its sign-in resolvers. */
export type FederationAuthResult = OAuthAuthenticatorResult<OidcAuthResult>;

/** The claims of the sign-in: those of the ID token, then of userinfo. */
function claimsOf(result: Partial<OidcAuthResult> | undefined): Claims {
  let idToken: Claims = {};
  try {
    idToken = (result?.tokenset?.claims?.() as Claims | undefined) ?? {};
  } catch {
    // no ID token claims: userinfo only
  }
  return { ...idToken, ...((result?.userinfo as Claims | undefined) ?? {}) };
}

/**
 * The `federation` sign-in resolver:
 *
 * 1. a person whose e-mail matches the `spec.profile.email` of a catalog
 *    User signs in as that User (Amue staff), when the e-mail (and the
 *    principal name, if sent) belongs to `catalogUserEmailDomains`;
 * 2. otherwise the person signs in as establishment staff: a principal
 *    name, an allowed affiliation and a `{UAI}` establishment that is the
 *    current or former UAI of an establishment Group of the catalog; the
 *    identity is `user:default/<normalised principal name>` owning
 *    `group:default/etab-<uai>`, and the sign-in is recorded so that the
 *    person becomes a catalog User member of the establishment.
 *
 * Every refusal is a {@link FederationRefusalError}.
 */
export function createFederationSignInResolver(options: {
  settings: FederationOptions;
  establishments: EstablishmentFinder;
  people: PeopleRecorder;
  logger: LoggerService;
}): SignInResolver<FederationAuthResult> {
  const { settings, establishments, people, logger } = options;
  const { claims: names } = settings;

  return async (info, ctx) => {
    const claims = claimsOf(info.result?.fullProfile);
    const principal = claimValue(claims, names.principalName);
    const email = claimValue(claims, names.email) ?? info.profile.email;

    // 1. Amue staff: a catalog User with this e-mail.
    const emailDomain = domainOf(email);
    const principalDomain = domainOf(principal);
    if (
      email &&
      emailDomain &&
      settings.catalogUserEmailDomains.includes(emailDomain) &&
      (!principal ||
        (principalDomain !== undefined &&
          settings.catalogUserEmailDomains.includes(principalDomain)))
    ) {
      try {
        return await ctx.signInWithCatalogUser({
          filter: { kind: 'User', 'spec.profile.email': email },
        });
      } catch (error) {
        if ((error as Error)?.name !== 'NotFoundError') {
          throw error;
        }
      }
    }

    // 2. Establishment staff.
    const refuse = (refusal: FederationRefusal): never => {
      logger.info(
        `Federation sign-in refused for ${
          principal ?? '(no principal name)'
        }: ${refusal.code} ${refusal.values.join(',')}`,
      );
      throw new FederationRefusalError(refusal);
    };
    const name = principal ? userNameOfPrincipal(principal) : undefined;
    if (!name) {
      return refuse({ code: 'no-identifier', values: [] });
    }
    const uais = uaisOf(claimValues(claims, names.establishment));
    if (uais.length === 0) {
      return refuse({ code: 'no-establishment', values: [] });
    }
    const affiliations = affiliationsOf(claimValues(claims, names.affiliation));
    if (!affiliations.some(a => settings.allowedAffiliations.includes(a))) {
      return refuse({ code: 'affiliation-not-allowed', values: affiliations });
    }

    const found = new Map<string, EstablishmentMatch>();
    for (const uai of uais) {
      const match = await establishments.find(uai);
      if (match) {
        found.set(match.name, match);
      }
    }
    if (found.size === 0) {
      return refuse({ code: 'unknown-establishment', values: uais });
    }
    if (found.size > 1 && settings.multipleEstablishments === 'refuse') {
      return refuse({
        code: 'several-establishments',
        values: [...found.values()].map(m => m.uai),
      });
    }

    const groups = [...found.keys()].sort();
    const userEntityRef = stringifyEntityRef({
      kind: 'User',
      namespace: 'default',
      name,
    });
    const displayName =
      claimValue(claims, names.displayName) ??
      info.profile.displayName ??
      principal!;
    try {
      await people.record(name, {
        displayName,
        ...(email ? { email } : {}),
        establishments: groups,
      });
    } catch (error) {
      // Signing in matters more than being listed: the next sign-in records
      // the person again.
      logger.warn(
        `Could not record the federation sign-in of ${userEntityRef}: ${error}`,
      );
    }
    return ctx.issueToken({
      claims: {
        sub: userEntityRef,
        ent: [
          userEntityRef,
          ...groups.map(group =>
            stringifyEntityRef({
              kind: 'Group',
              namespace: 'default',
              name: group,
            }),
          ),
        ],
      },
    });
  };
}

/**
 * The factory registered as the `federation` sign-in resolver of the
 * `oidc` provider; its settings come from `auth.federation`, not from the
 * resolver's entry.
 */
export function createFederationSignInResolverFactory(
  options: Parameters<typeof createFederationSignInResolver>[0],
) {
  return createSignInResolverFactory({
    create: () => createFederationSignInResolver(options),
  });
}
