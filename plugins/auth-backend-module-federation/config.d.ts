export interface Config {
  auth?: {
    /**
     * Sign-in of establishment staff through the federation (RENATER) and
     * an OpenID Connect bridge: settings of the `federation` sign-in
     * resolver of the `oidc` provider
     * (`auth.providers.oidc.<env>.signIn.resolvers: [{ resolver: federation }]`).
     */
    federation?: {
      /** Names of the claims (ID token or userinfo) the resolver reads. */
      claims?: {
        /** Unique, persistent identifier. Default `eduPersonPrincipalName`. */
        principalName?: string;
        /** E-mail address. Default `mail`, then the standard `email`. */
        email?: string;
        /** Display name. Default `displayName`, then the standard `name`. */
        displayName?: string;
        /** Affiliations, one or several values. Default `eduPersonAffiliation`. */
        affiliation?: string;
        /**
         * Establishments, `{UAI}<code>` values, one or several. Default
         * `supannEtablissement`.
         */
        establishment?: string;
      };
      /**
       * Affiliations allowed to sign in (any one of them suffices). Default
       * `[staff, employee]`.
       */
      allowedAffiliations?: string[];
      /**
       * E-mail domains of the catalog Users (Amue staff) who sign in as
       * themselves when their e-mail matches; the principal name, when sent,
       * must be of the same domain. Default `[amue.fr]`.
       */
      catalogUserEmailDomains?: string[];
      /**
       * What to do with a person of several establishments of the catalog:
       * `refuse` (default) or `all` (member of each).
       */
      multipleEstablishments?: 'refuse' | 'all';
    };
  };
}
