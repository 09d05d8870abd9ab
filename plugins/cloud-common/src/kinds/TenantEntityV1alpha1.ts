import type { Entity } from '@backstage/catalog-model';
import {
  CLOUD_API_VERSION,
  ENVIRONMENTS,
  Environment,
  SSO_PROTOCOLS,
  SsoProtocol,
  TENANT_STATUSES,
  TenantStatus,
} from '../constants';
import { HTTP_URL_PATTERN, IDP_ENTITY_ID_PATTERN } from '../inputRules';

/**
 * One hosted instance of one application for one establishment in one
 * environment. Its name is `<application>-<uai>-<environment>`.
 *
 * @public
 */
export interface TenantEntityV1alpha1 extends Entity {
  apiVersion: typeof CLOUD_API_VERSION;
  kind: 'Tenant';
  spec: {
    /** The Application entity, e.g. `sifac`. */
    application: string;
    /** The establishment Group, e.g. `etab-0333298f`. */
    establishment: string;
    environment: Environment;
    /** A version among the application's versions. */
    version: string;
    status: TenantStatus;
    /** Address of the instance, once provisioned. */
    url?: string;
    /** Single sign-on with the establishment's identity provider. */
    sso?: {
      protocol: SsoProtocol;
      /** The identity provider's entity ID (RENATER federation): an http(s) URL or a URN. */
      idpEntityId: string;
    };
  };
}

/**
 * JSON schema of the Tenant kind (spec only). Used by the catalog model
 * layer and by {@link validateTenantEntity}.
 *
 * @public
 */
export const tenantEntityV1alpha1Schema = {
  type: 'object',
  required: ['spec'],
  properties: {
    spec: {
      type: 'object',
      required: [
        'application',
        'establishment',
        'environment',
        'version',
        'status',
      ],
      additionalProperties: false,
      properties: {
        application: { type: 'string', minLength: 1 },
        establishment: { type: 'string', minLength: 1 },
        environment: { type: 'string', enum: [...ENVIRONMENTS] },
        version: { type: 'string', minLength: 1 },
        status: { type: 'string', enum: [...TENANT_STATUSES] },
        url: {
          type: 'string',
          pattern: HTTP_URL_PATTERN,
          description: 'an http(s) URL',
        },
        sso: {
          type: 'object',
          required: ['protocol', 'idpEntityId'],
          additionalProperties: false,
          properties: {
            protocol: { type: 'string', enum: [...SSO_PROTOCOLS] },
            idpEntityId: {
              type: 'string',
              pattern: IDP_ENTITY_ID_PATTERN,
              description: 'an http(s) URL or a URN',
            },
          },
        },
      },
    },
  },
} as const;

/**
 * True when the entity is a Tenant of the portal's API version.
 *
 * @public
 */
export function isTenantEntity(entity: Entity): entity is TenantEntityV1alpha1 {
  return entity.apiVersion === CLOUD_API_VERSION && entity.kind === 'Tenant';
}
