export interface Config {
  cloud?: {
    /**
     * Demonstration sign-in (ignored when auth.environment is production).
     */
    devSignIn?: {
      /**
       * Personas offered on the sign-in page.
       * @visibility frontend
       */
      personas?: Array<{
        /**
         * Name of the catalog User to sign in as.
         * @visibility frontend
         */
        user: string;
        /**
         * Name shown on the sign-in page.
         * @visibility frontend
         */
        name: string;
        /**
         * Role and establishment shown on the sign-in page.
         * @visibility frontend
         */
        description?: string;
      }>;
    };
  };
}
