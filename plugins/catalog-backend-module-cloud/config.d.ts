import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * The establishment entity provider of the Amue Cloud portal: one
       * catalog Group (`spec.type: establishment`, named `etab-<uai>`) per
       * establishment of the ministry's dataset "Principaux établissements
       * d'enseignement supérieur".
       */
      cloudEstablishments?: {
        /**
         * Where to read the dataset: a file path (relative paths are resolved
         * from the backend's working directory) or an http(s) URL of the
         * ministry's `;`-separated CSV export. Defaults to the copy shipped
         * in the data/ folder of this package.
         */
        source?: string;
        /**
         * When to read the dataset again. Defaults to every hour, with a
         * 10-minute timeout and a 5-second initial delay. Runs on one
         * backend replica at a time.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
      /**
       * The tenant entity provider of the Amue Cloud portal: one catalog
       * Tenant per tenant of the cloud backend (plugin `cloud`), read
       * through its REST API with the catalog's service credentials. Each
       * change the cloud backend announces on the events service (topic
       * `cloud.tenant`) is applied at once; the scheduled full sync repairs
       * anything missed.
       */
      cloudTenants?: {
        /**
         * When to read all the tenants again (full sync). Defaults to every
         * 10 minutes, with a 5-minute timeout and a 10-second initial
         * delay. Runs on one backend replica at a time.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
      /**
       * The person entity provider: one catalog User, member of their
       * establishment Groups, per person signed in through the federation
       * (read from the cloud backend's `/people`, topic `cloud.person`).
       */
      cloudPeople?: {
        /**
         * When to read all the people again (full sync). Defaults to every
         * 30 minutes, with a 30-second initial delay.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
