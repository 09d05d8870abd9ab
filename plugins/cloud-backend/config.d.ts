export interface Config {
  cloud?: {
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
    /** Onboarding due dates. */
    onboarding?: {
      /**
       * Target duration of each step in days, from when its clock starts
       * (the step becomes the current one or is started) to its due date,
       * e.g. `{ data-migration: 45 }`. Steps not named keep the defaults of
       * cloud-common (DEFAULT_STEP_TARGET_DAYS); an application overrides
       * them with `spec.onboarding.targetDays`.
       */
      targetDays?: { [stepId: string]: number };
    };
    /** Reminders and escalation of due and late steps. */
    reminders?: {
      /** A step due within this many days is reminded. Default 3. */
      dueSoonDays?: number;
      /** Days late after which the product owner is told. Default 7. */
      escalateToOwnerAfterDays?: number;
      /** Days late after which the administrators are told. Default 14. */
      escalateToAdminsAfterDays?: number;
      /** The administrators' Group. Default `group:default/amue-admins`. */
      administrators?: string;
      /** Language of people whose User names none (`fr` or `en`). */
      language?: 'fr' | 'en';
      /**
       * When the task runs (a scheduler task schedule). Default every day
       * at 07:00 UTC, once across replicas.
       */
      schedule?: {
        frequency: { cron: string } | { hours?: number; minutes?: number };
        timeout: { minutes?: number; seconds?: number };
        initialDelay?: { minutes?: number; seconds?: number };
      };
    };
    /** For the end-to-end tests only. */
    testing?: {
      /**
       * A clock that administrators move forward (`PUT
       * /api/cloud/testing/clock`). Never in production.
       */
      movableClock?: boolean;
    };
  };
}
