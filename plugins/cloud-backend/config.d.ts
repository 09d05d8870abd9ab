export interface Config {
  cloud?: {
    /**
     * Load a believable programme state (a few dozen tenants at various
     * onboarding steps) when the cloud database is empty. On in the
     * embedded default (app-config.yaml), off in production.
     */
    demoData?: boolean;
    /** The programme's incentive scheme. */
    funding?: {
      /**
       * The incentive envelope of the programme, in whole euros: the
       * adoption page and its CSV set the funding granted and paid against
       * it (remaining, share consumed). Unset: the figures are shown
       * without an envelope.
       * @visibility backend
       */
      envelopeEur?: number;
    };
    /** People signed in through the federation. */
    people?: {
      /**
       * Days without a sign-in after which a person is removed (their
       * record and their catalog User). Default 365.
       */
      retentionDays?: number;
    };
  };
}
