export interface Config {
  cloud?: {
    /**
     * Load a believable programme state (a few dozen tenants at various
     * onboarding steps) when the cloud database is empty. On in the
     * embedded default (app-config.yaml), off in production. Read by the
     * demo data module (@amue/plugin-cloud-backend-module-demo-data).
     */
    demoData?: boolean;
  };
}
