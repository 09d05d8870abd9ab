export interface Config {
  cloud?: {
    /**
     * Load a believable programme state (a few dozen tenants at various
     * onboarding steps) when the cloud database is empty. On in the
     * embedded default (app-config.yaml), off in production.
     */
    demoData?: boolean;
  };
}
