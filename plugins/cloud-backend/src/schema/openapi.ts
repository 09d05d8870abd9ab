/*
 * The OpenAPI 3.1 document of the cloud plugin's REST API (mounted at
 * /api/cloud). The router validates every request against it
 * (createValidatedOpenApiRouter of @backstage/backend-openapi-utils) and
 * serves it at /api/cloud/openapi.json. Enumerations come from
 * @amue/plugin-cloud-common, so the API and the rules never disagree; so
 * do the text rules (patterns): every text refuses control characters (NUL
 * among them) and bidirectional overrides, every address is http(s), every
 * object refuses unknown fields.
 */
import {
  ADOPTION_CSV_VIEWS,
  CURSOR_PATTERN,
  ENTITY_REF_PATTERN,
  HTTP_URL_PATTERN,
  IDP_ENTITY_ID_MAX_LENGTH,
  IDP_ENTITY_ID_PATTERN,
  LINE_PATTERN,
  TEXT_PATTERN,
  URL_MAX_LENGTH,
  ENVIRONMENTS,
  ONBOARDING_ACTIONS,
  ONBOARDING_REASON_MAX_LENGTH,
  ONBOARDING_SIDES,
  ONBOARDING_STEP_IDS,
  ONBOARDING_STEP_STATUSES,
  SSO_PROTOCOLS,
  TENANT_STATUSES,
} from '@amue/plugin-cloud-common';

/** Row versions are 32-bit integers in the database. */
const MAX_ROW_VERSION = 2147483647;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const json = (schema: object) => ({
  content: { 'application/json': { schema } },
});

/** A one-line text of at most `maxLength` characters. */
const line = (maxLength: number, minLength?: number) => ({
  type: 'string',
  ...(minLength ? { minLength } : {}),
  maxLength,
  pattern: LINE_PATTERN,
});

/** A multi-line text (comments, reasons). */
const text = (maxLength: number, minLength?: number) => ({
  type: 'string',
  ...(minLength ? { minLength } : {}),
  maxLength,
  pattern: TEXT_PATTERN,
});

const errorResponses = {
  '400': {
    description: 'Invalid input; the message names the field',
    ...json(ref('Error')),
  },
  '503': {
    description:
      'The database (or a service the API needs) is unavailable; nothing was written; try again later',
    ...json(ref('Error')),
  },
  '401': { description: 'Not signed in', ...json(ref('Error')) },
  '403': { description: 'Not allowed', ...json(ref('Error')) },
  '404': {
    description: 'No such tenant, or not readable by the caller',
    ...json(ref('Error')),
  },
};

const writeResponses = {
  ...errorResponses,
  '413': {
    description: 'The body is larger than the API accepts (100 kB)',
    ...json(ref('Error')),
  },
  '415': {
    description: 'The body is not JSON (Content-Type: application/json)',
    ...json(ref('Error')),
  },
  '409': {
    description:
      'Stale rowVersion: someone else changed it first; nothing was written',
    ...json(ref('Error')),
  },
};

const tenantName = {
  name: 'name',
  in: 'path',
  required: true,
  description: 'Tenant name, `<application>-<uai>-<environment>`',
  schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{2,250}$' },
};

const arrayQuery = (name: string, description: string, items: object) => ({
  name,
  in: 'query',
  required: false,
  description: `${description} (repeat for "any of")`,
  style: 'form',
  explode: true,
  schema: { type: 'array', items },
});

const reportFormat = {
  name: 'format',
  in: 'query',
  required: false,
  description: '`json` (default) or `csv`',
  schema: { type: 'string', enum: ['json', 'csv'] },
};

const reportPath = (
  summary: string,
  schema: object,
  parameters: object[] = [],
) => ({
  get: {
    operationId: summary.replace(/\W/g, ''),
    summary,
    parameters: [reportFormat, ...parameters],
    responses: {
      '200': {
        description: summary,
        content: {
          'application/json': { schema },
          'text/csv': { schema: { type: 'string' } },
        },
      },
      ...errorResponses,
    },
  },
});

const nullableString = { type: ['string', 'null'] };

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'cloud',
    version: '1',
    description:
      'Onboarding service of the Portail Amue Cloud: requests for hosted instances (tenants), their onboarding steps, event log, funding, training and reports.',
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [{ url: '/' }],
  components: {
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              message: { type: 'string' },
            },
            required: ['name', 'message'],
          },
          response: {
            type: 'object',
            properties: { statusCode: { type: 'integer' } },
          },
        },
        required: ['error'],
      },
      Environment: { type: 'string', enum: [...ENVIRONMENTS] },
      StepId: { type: 'string', enum: [...ONBOARDING_STEP_IDS] },
      Contact: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'email'],
        properties: {
          name: line(255, 1),
          email: { type: 'string', format: 'email', maxLength: 255 },
          role: line(255),
        },
      },
      Request: {
        type: 'object',
        description: 'The request as submitted by the establishment',
        additionalProperties: false,
        required: ['migration'],
        properties: {
          migration: {
            type: 'boolean',
            description:
              'True: data migrated from an on-premise installation; false: new installation',
          },
          wishedGoLiveDate: { type: 'string', format: 'date' },
          expectedUsers: { type: 'integer', minimum: 1, maximum: 1000000 },
          contacts: { type: 'array', maxItems: 20, items: ref('Contact') },
          comment: text(ONBOARDING_REASON_MAX_LENGTH),
        },
      },
      CreateRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['application', 'uai', 'environment', 'version', 'request'],
        properties: {
          application: {
            type: 'string',
            description: 'Name of an Application entity of the catalog',
            pattern: '^[a-z0-9][a-z0-9-]*$',
            maxLength: 63,
          },
          uai: {
            type: 'string',
            description:
              'UAI code of the establishment (7 digits and a check letter)',
            pattern: '^[0-9]{7}[A-Za-z]$',
          },
          environment: ref('Environment'),
          version: line(64, 1),
          url: {
            type: 'string',
            description: 'Address of the instance: http:// or https:// only',
            maxLength: URL_MAX_LENGTH,
            pattern: HTTP_URL_PATTERN,
          },
          sso: {
            type: 'object',
            additionalProperties: false,
            required: ['protocol', 'idpEntityId'],
            properties: {
              protocol: { type: 'string', enum: [...SSO_PROTOCOLS] },
              idpEntityId: {
                type: 'string',
                description:
                  'SAML entity ID of the identity provider: an http(s) URL or a URN (urn:...)',
                maxLength: IDP_ENTITY_ID_MAX_LENGTH,
                pattern: IDP_ENTITY_ID_PATTERN,
              },
            },
          },
          request: ref('Request'),
          idempotencyKey: {
            ...line(255, 8),
            description:
              'The same key twice returns the tenant of the first request; the same key with a different request is a 409',
          },
        },
      },
      Step: {
        type: 'object',
        required: [
          'id',
          'status',
          'side',
          'order',
          'dueDate',
          'updatedBy',
          'updatedAt',
          'rowVersion',
        ],
        properties: {
          id: ref('StepId'),
          status: { type: 'string', enum: [...ONBOARDING_STEP_STATUSES] },
          reason: nullableString,
          side: { type: 'string', enum: [...ONBOARDING_SIDES] },
          order: { type: 'integer' },
          dueDate: nullableString,
          updatedBy: { type: 'string' },
          updatedAt: { type: 'string', format: 'date-time' },
          rowVersion: { type: 'integer' },
        },
      },
      Tenant: {
        type: 'object',
        required: [
          'id',
          'name',
          'application',
          'establishment',
          'uai',
          'environment',
          'version',
          'status',
          'currentStep',
          'rowVersion',
        ],
        properties: {
          id: { type: 'string', format: 'uuid' },
          name: { type: 'string' },
          application: { type: 'string' },
          establishment: { type: 'string' },
          uai: { type: 'string' },
          environment: ref('Environment'),
          version: { type: 'string' },
          status: { type: 'string', enum: [...TENANT_STATUSES] },
          currentStep: { oneOf: [ref('StepId'), { type: 'null' }] },
          url: nullableString,
          ssoProtocol: nullableString,
          ssoIdpEntityId: nullableString,
          suspended: { type: 'boolean' },
          decommissioned: { type: 'boolean' },
          request: { type: 'object' },
          createdBy: { type: 'string' },
          createdAt: { type: 'string', format: 'date-time' },
          updatedAt: { type: 'string', format: 'date-time' },
          rowVersion: { type: 'integer' },
        },
      },
      Funding: {
        type: 'object',
        properties: {
          grantedEur: { type: 'integer' },
          paidEur: { type: 'integer' },
          updatedBy: { type: 'string' },
          updatedAt: { type: 'string' },
          rowVersion: { type: 'integer' },
        },
      },
      Training: {
        type: 'object',
        properties: {
          sessionsHeld: { type: 'integer' },
          staffTrained: { type: 'integer' },
          updatedBy: { type: 'string' },
          updatedAt: { type: 'string' },
          rowVersion: { type: 'integer' },
        },
      },
      Event: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          tenantId: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
          actor: { type: 'string' },
          type: { type: 'string' },
          stepId: { oneOf: [ref('StepId'), { type: 'null' }] },
          comment: nullableString,
          before: {},
          after: {},
        },
      },
      TenantListItem: {
        allOf: [
          ref('Tenant'),
          {
            type: 'object',
            properties: { steps: { type: 'array', items: ref('Step') } },
          },
        ],
      },
      TenantDetails: {
        allOf: [
          ref('Tenant'),
          {
            type: 'object',
            properties: {
              steps: { type: 'array', items: ref('Step') },
              funding: ref('Funding'),
              training: ref('Training'),
            },
          },
        ],
      },
      TenantWithEvents: {
        allOf: [
          ref('TenantDetails'),
          {
            type: 'object',
            properties: { events: { type: 'array', items: ref('Event') } },
          },
        ],
      },
      Versioned: {
        type: 'object',
        properties: {
          rowVersion: {
            type: 'integer',
            minimum: 1,
            maximum: MAX_ROW_VERSION,
            description: 'The rowVersion of the row as the caller saw it',
          },
        },
      },
    },
  },
  paths: {
    '/health': {
      get: {
        operationId: 'Health',
        summary: 'The plugin and its database answer',
        security: [{}],
        responses: { '200': { description: 'Healthy' } },
      },
    },
    '/requests': {
      post: {
        operationId: 'CreateRequest',
        summary:
          'Request a hosted instance (creates the tenant at step "request")',
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: line(255, 8),
          },
          {
            name: 'dryRun',
            in: 'query',
            required: false,
            description:
              '`true`: run every check of the request (permission, rules, catalog) and write nothing; answers 200 with the tenant name and whether it exists already (a scaffolder dry-run)',
            schema: { type: 'string', enum: ['true', 'false'] },
          },
        ],
        requestBody: { required: true, ...json(ref('CreateRequest')) },
        responses: {
          '201': {
            description: 'Created',
            ...json({
              type: 'object',
              properties: {
                tenant: ref('TenantDetails'),
                created: { type: 'boolean' },
              },
            }),
          },
          '200': {
            description:
              'The idempotency key was used before for the same request: the same tenant; or, with dryRun=true, the checks passed',
            ...json({
              type: 'object',
              properties: {
                tenant: ref('TenantDetails'),
                created: { type: 'boolean' },
                dryRun: { type: 'boolean' },
                name: { type: 'string' },
                establishment: { type: 'string' },
                exists: { type: 'boolean' },
              },
            }),
          },
          ...writeResponses,
        },
      },
    },
    '/tenants': {
      get: {
        operationId: 'ListTenants',
        summary: 'Tenants the caller may read, one page',
        parameters: [
          arrayQuery('establishment', 'Establishment group name (etab-<uai>)', {
            type: 'string',
            maxLength: 255,
            pattern: ENTITY_REF_PATTERN,
          }),
          arrayQuery('application', 'Application name', {
            type: 'string',
            maxLength: 255,
            pattern: ENTITY_REF_PATTERN,
          }),
          arrayQuery('environment', 'Environment', ref('Environment')),
          arrayQuery('status', 'Tenant status', {
            type: 'string',
            enum: [...TENANT_STATUSES],
          }),
          {
            name: 'currentStep',
            in: 'query',
            required: false,
            schema: ref('StepId'),
          },
          {
            name: 'blocked',
            in: 'query',
            required: false,
            description:
              'true: only tenants with a blocked step; false: only without',
            schema: { type: 'string', enum: ['true', 'false'] },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            description: 'Page size, 1 to 500 (50 by default)',
            schema: { type: 'string', pattern: '^[0-9]{1,3}$' },
          },
          {
            name: 'cursor',
            in: 'query',
            required: false,
            description:
              'The nextCursor of the previous page (same filters and order)',
            schema: {
              type: 'string',
              maxLength: 2048,
              pattern: CURSOR_PATTERN,
            },
          },
          {
            name: 'orderBy',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['name', 'createdAt', 'updatedAt'],
            },
          },
          {
            name: 'order',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['asc', 'desc'] },
          },
          {
            name: 'include',
            in: 'query',
            required: false,
            description:
              '`steps`: each tenant with its onboarding steps (one query for the page)',
            schema: { type: 'string', enum: ['steps'] },
          },
        ],
        responses: {
          '200': {
            description: 'A page of tenants',
            ...json({
              type: 'object',
              required: ['items'],
              properties: {
                items: { type: 'array', items: ref('TenantListItem') },
                nextCursor: { type: 'string' },
              },
            }),
          },
          ...errorResponses,
        },
      },
    },
    '/tenants/{name}': {
      get: {
        operationId: 'GetTenant',
        summary:
          'One tenant with its steps, events (comments included), funding and training',
        parameters: [tenantName],
        responses: {
          '200': {
            description: 'The tenant',
            ...json(ref('TenantWithEvents')),
          },
          ...errorResponses,
        },
      },
    },
    '/tenants/{name}/steps/{stepId}': {
      post: {
        operationId: 'ApplyStepAction',
        summary: 'Start, complete, block, unblock, skip or reopen a step',
        parameters: [
          tenantName,
          { name: 'stepId', in: 'path', required: true, schema: ref('StepId') },
        ],
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            additionalProperties: false,
            required: ['action', 'rowVersion'],
            properties: {
              action: { type: 'string', enum: [...ONBOARDING_ACTIONS] },
              reason: {
                ...text(ONBOARDING_REASON_MAX_LENGTH),
                description: 'Required to block or skip',
              },
              rowVersion: {
                type: 'integer',
                minimum: 1,
                maximum: MAX_ROW_VERSION,
                description: 'rowVersion of the step',
              },
            },
          }),
        },
        responses: {
          '200': {
            description: 'The tenant after the change',
            ...json(ref('TenantDetails')),
          },
          ...writeResponses,
        },
      },
    },
    '/tenants/{name}/decision': {
      post: {
        operationId: 'DecideRequest',
        summary: 'Approve or reject the request (the qualification step)',
        parameters: [tenantName],
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            additionalProperties: false,
            required: ['decision', 'rowVersion'],
            properties: {
              decision: { type: 'string', enum: ['approve', 'reject'] },
              reason: {
                ...text(ONBOARDING_REASON_MAX_LENGTH),
                description: 'Required to reject',
              },
              rowVersion: {
                type: 'integer',
                minimum: 1,
                maximum: MAX_ROW_VERSION,
                description: 'rowVersion of the qualification step',
              },
            },
          }),
        },
        responses: {
          '200': {
            description: 'The tenant after the decision',
            ...json(ref('TenantDetails')),
          },
          ...writeResponses,
        },
      },
    },
    '/tenants/{name}/version': {
      post: {
        operationId: 'ChangeVersion',
        summary: 'Move a tenant to another version of its application',
        parameters: [tenantName],
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            additionalProperties: false,
            required: ['version', 'rowVersion'],
            properties: {
              version: line(64, 1),
              rowVersion: {
                type: 'integer',
                minimum: 1,
                maximum: MAX_ROW_VERSION,
                description: 'rowVersion of the tenant',
              },
            },
          }),
        },
        responses: {
          '200': {
            description: 'The tenant after the change',
            ...json(ref('TenantDetails')),
          },
          ...writeResponses,
        },
      },
    },
    '/tenants/{name}/decommission': {
      post: {
        operationId: 'Decommission',
        summary: 'Close a hosted instance (final)',
        parameters: [tenantName],
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            additionalProperties: false,
            required: ['reason', 'rowVersion'],
            properties: {
              reason: text(ONBOARDING_REASON_MAX_LENGTH, 1),
              rowVersion: {
                type: 'integer',
                minimum: 1,
                maximum: MAX_ROW_VERSION,
                description: 'rowVersion of the tenant',
              },
            },
          }),
        },
        responses: {
          '200': {
            description: 'The tenant, decommissioned',
            ...json(ref('TenantDetails')),
          },
          ...writeResponses,
        },
      },
    },
    '/tenants/{name}/comments': {
      post: {
        operationId: 'AddComment',
        summary: 'Comment on a tenant (optionally on one step)',
        parameters: [tenantName],
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            additionalProperties: false,
            required: ['comment'],
            properties: {
              comment: text(ONBOARDING_REASON_MAX_LENGTH, 1),
              stepId: ref('StepId'),
            },
          }),
        },
        responses: {
          '201': { description: 'The comment event', ...json(ref('Event')) },
          ...errorResponses,
        },
      },
    },
    '/tenants/{name}/funding': {
      put: {
        operationId: 'RecordFunding',
        summary:
          'Record the incentive funding granted and paid (EUR); paidEur may not exceed grantedEur',
        parameters: [tenantName],
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            additionalProperties: false,
            required: ['grantedEur', 'paidEur', 'rowVersion'],
            properties: {
              grantedEur: { type: 'integer', minimum: 0, maximum: 100000000 },
              paidEur: { type: 'integer', minimum: 0, maximum: 100000000 },
              rowVersion: {
                type: 'integer',
                minimum: 1,
                maximum: MAX_ROW_VERSION,
              },
            },
          }),
        },
        responses: {
          '200': { description: 'The funding', ...json(ref('Funding')) },
          ...writeResponses,
        },
      },
    },
    '/tenants/{name}/training': {
      put: {
        operationId: 'RecordTraining',
        summary: 'Record training sessions held and staff trained',
        parameters: [tenantName],
        requestBody: {
          required: true,
          ...json({
            type: 'object',
            additionalProperties: false,
            required: ['sessionsHeld', 'staffTrained', 'rowVersion'],
            properties: {
              sessionsHeld: { type: 'integer', minimum: 0, maximum: 100000 },
              staffTrained: { type: 'integer', minimum: 0, maximum: 10000000 },
              rowVersion: {
                type: 'integer',
                minimum: 1,
                maximum: MAX_ROW_VERSION,
              },
            },
          }),
        },
        responses: {
          '200': {
            description: 'The training figures',
            ...json(ref('Training')),
          },
          ...writeResponses,
        },
      },
    },
    '/reports/adoption-summary': {
      get: {
        operationId: 'AdoptionSummary',
        summary: 'Adoption counts per application, for every signed-in user',
        responses: {
          '200': {
            description:
              'Per application: establishments live, in progress, not started, total',
            ...json({
              type: 'object',
              properties: {
                applications: { type: 'array', items: { type: 'object' } },
              },
            }),
          },
          ...errorResponses,
        },
      },
    },
    '/reports/adoption': reportPath(
      'Adoption report',
      {
        type: 'object',
        description:
          'Per application: establishments live, in progress, not started; the establishments x applications matrix; funding and training totals',
      },
      [
        {
          name: 'view',
          in: 'query',
          required: false,
          description:
            'With format=csv: the matrix (establishments, the default), the per-application counts (applications) or the totals',
          schema: { type: 'string', enum: [...ADOPTION_CSV_VIEWS] },
        },
      ],
    ),
    '/reports/funnel': reportPath('Funnel report', {
      type: 'object',
      description:
        'Per step: tenants that reached it, done, skipped, in progress, blocked, waiting',
    }),
    '/reports/durations': reportPath('Durations report', {
      type: 'object',
      description: 'Per step: median and p90 days from start to completion',
    }),
    '/reports/blocked': reportPath('Blocked report', {
      type: 'object',
      description: 'Blocked steps with their reason and age',
    }),
  },
} as const;
