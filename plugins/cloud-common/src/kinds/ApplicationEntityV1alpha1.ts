import type { Entity } from '@backstage/catalog-model';
import {
  APPLICATION_LIFECYCLES,
  ApplicationLifecycle,
  CLOUD_API_VERSION,
  ENVIRONMENTS,
  Environment,
  SAAS_STATUSES,
  SaasStatus,
  VERSION_STATUSES,
  VersionStatus,
} from '../constants';
import { MAX_STEP_TARGET_DAYS } from '../onboarding/dueDates';
import { ONBOARDING_STEP_IDS, OnboardingStepId } from '../onboarding/steps';

/**
 * An Amue product (SIFAC, SIHAM, Pégase...) and its offer as a service.
 *
 * @public
 */
export interface ApplicationEntityV1alpha1 extends Entity {
  apiVersion: typeof CLOUD_API_VERSION;
  kind: 'Application';
  spec: {
    /** The Amue product team (Group) responsible for it. */
    owner: string;
    /** The functional domain (Domain entity), e.g. `finance`. */
    domain: string;
    lifecycle: ApplicationLifecycle;
    /** Released versions, newest first. */
    versions: Array<{
      version: string;
      status: VersionStatus;
      /** Release date, `YYYY-MM-DD`. */
      releaseDate: string;
    }>;
    /** Environments a tenant may be requested in. */
    environments: Environment[];
    /** Availability as a service on Amue's platform. */
    saas: {
      status: SaasStatus;
      /** Since when, `YYYY-MM-DD`. */
      since?: string;
    };
    /** What an establishment needs before moving to the service. */
    prerequisites?: string[];
    /** The application that replaces this one (for end-of-life products). */
    replacedBy?: string;
    /**
     * The Amue product owner (a User of the product team), to whom late
     * onboarding steps are escalated; the product team when absent.
     */
    productOwner?: string;
    /** How the onboarding of this application differs from the defaults. */
    onboarding?: {
      /**
       * Target duration of steps, in days, overriding the configuration
       * (`cloud.onboarding.targetDays`), e.g. a longer data migration.
       */
      targetDays?: Partial<Record<OnboardingStepId, number>>;
    };
  };
}

const DATE = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';

/**
 * JSON schema of the Application kind (spec only; Backstage validates the
 * envelope and metadata). Used by the catalog model layer and by
 * {@link validateApplicationEntity}.
 *
 * @public
 */
export const applicationEntityV1alpha1Schema = {
  type: 'object',
  required: ['spec'],
  properties: {
    spec: {
      type: 'object',
      required: [
        'owner',
        'domain',
        'lifecycle',
        'versions',
        'environments',
        'saas',
      ],
      additionalProperties: false,
      properties: {
        owner: {
          type: 'string',
          minLength: 1,
          description: 'The Amue product team (Group) responsible for it.',
        },
        domain: {
          type: 'string',
          minLength: 1,
          description: 'The functional domain (Domain entity).',
        },
        lifecycle: { type: 'string', enum: [...APPLICATION_LIFECYCLES] },
        versions: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['version', 'status', 'releaseDate'],
            additionalProperties: false,
            properties: {
              version: { type: 'string', minLength: 1 },
              status: { type: 'string', enum: [...VERSION_STATUSES] },
              releaseDate: {
                type: 'string',
                pattern: DATE,
                description: 'a date YYYY-MM-DD',
              },
            },
          },
        },
        environments: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { type: 'string', enum: [...ENVIRONMENTS] },
        },
        saas: {
          type: 'object',
          required: ['status'],
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: [...SAAS_STATUSES] },
            since: {
              type: 'string',
              pattern: DATE,
              description: 'a date YYYY-MM-DD',
            },
          },
        },
        prerequisites: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
        },
        replacedBy: { type: 'string', minLength: 1 },
        productOwner: {
          type: 'string',
          minLength: 1,
          description:
            'The product owner (User entity ref), to whom late steps are escalated.',
        },
        onboarding: {
          type: 'object',
          additionalProperties: false,
          properties: {
            targetDays: {
              type: 'object',
              description:
                'Target duration of steps in days, e.g. data-migration: 60',
              propertyNames: { enum: [...ONBOARDING_STEP_IDS] },
              additionalProperties: {
                type: 'integer',
                minimum: 1,
                maximum: MAX_STEP_TARGET_DAYS,
              },
            },
          },
        },
      },
    },
  },
} as const;

/**
 * True when the entity is an Application of the portal's API version.
 *
 * @public
 */
export function isApplicationEntity(
  entity: Entity,
): entity is ApplicationEntityV1alpha1 {
  return (
    entity.apiVersion === CLOUD_API_VERSION && entity.kind === 'Application'
  );
}
