import {
  ENVIRONMENTS,
  ONBOARDING_STEP_IDS,
  SSO_PROTOCOLS,
  TENANT_STATUSES,
} from '@amue/plugin-cloud-common';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { TenantService } from './types';

/**
 * Registers the onboarding service's main reads and the request creation
 * in the actions registry, so that MCP clients (and other plugins) use them
 * with the caller's credentials: the same permission checks as the REST
 * API apply.
 *
 * @internal
 */
export function registerTenantActions(
  actionsRegistry: ActionsRegistryService,
  tenants: TenantService,
): void {
  actionsRegistry.register({
    name: 'list-tenants',
    title: 'List hosted instances (tenants)',
    description:
      'Lists the hosted instances (tenants) of Amue applications the caller may see, with their status and current onboarding step. Filters combine with "and"; each filter value list means "any of". Returns one page; pass nextCursor back to get the next one.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          establishment: z
            .array(z.string())
            .optional()
            .describe('Establishment group names, e.g. etab-0333298f'),
          application: z
            .array(z.string())
            .optional()
            .describe('Application names, e.g. sifac'),
          environment: z.array(z.enum(ENVIRONMENTS)).optional(),
          status: z.array(z.enum(TENANT_STATUSES)).optional(),
          currentStep: z.enum(ONBOARDING_STEP_IDS).optional(),
          blocked: z
            .boolean()
            .optional()
            .describe('true: only tenants with a blocked step'),
          limit: z.number().int().min(1).max(500).optional(),
          cursor: z.string().optional(),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              name: z.string(),
              application: z.string(),
              establishment: z.string(),
              environment: z.string(),
              version: z.string(),
              status: z.string(),
              currentStep: z.string().nullable(),
              updatedAt: z.string(),
            }),
          ),
          nextCursor: z.string().optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const { limit, cursor, ...filters } = input;
      const page = await tenants.listTenants({
        credentials,
        filters,
        limit,
        cursor,
      });
      return {
        output: {
          items: page.items.map(t => ({
            name: t.name,
            application: t.application,
            establishment: t.establishment,
            environment: t.environment,
            version: t.version,
            status: t.status,
            currentStep: t.currentStep,
            updatedAt: t.updatedAt,
          })),
          ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'get-tenant',
    title: 'Get a hosted instance and its onboarding',
    description:
      'Returns one hosted instance (tenant) by name (<application>-<uai>-<environment>) with its nine onboarding steps (status, side, reason), funding, training figures and event history.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          name: z
            .string()
            .describe('Tenant name, e.g. sifac-0123456a-production'),
        }),
      output: z =>
        z.object({
          tenant: z.record(z.string(), z.unknown()),
        }),
    },
    action: async ({ input, credentials }) => {
      const tenant = await tenants.getTenant(input.name, { credentials });
      return { output: { tenant: JSON.parse(JSON.stringify(tenant)) } };
    },
  });

  actionsRegistry.register({
    name: 'create-request',
    title: 'Request a hosted instance',
    description:
      "Requests a hosted instance of an Amue application for an establishment (the caller's own, unless the caller is Amue). The same idempotencyKey twice returns the tenant of the first request instead of creating a second one.",
    attributes: { destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          application: z.string().describe('Application name, e.g. sifac'),
          uai: z
            .string()
            .describe('UAI code of the establishment, e.g. 0333298F'),
          environment: z.enum(ENVIRONMENTS),
          version: z
            .string()
            .describe('A supported version of the application'),
          migration: z
            .boolean()
            .describe(
              'true: data migrated from an on-premise installation; false: new installation',
            ),
          wishedGoLiveDate: z.string().optional().describe('YYYY-MM-DD'),
          expectedUsers: z.number().int().min(1).optional(),
          sso: z
            .object({
              protocol: z.enum(SSO_PROTOCOLS),
              idpEntityId: z.string().url(),
            })
            .optional(),
          comment: z.string().max(2000).optional(),
          idempotencyKey: z.string().min(8).max(255).optional(),
        }),
      output: z =>
        z.object({
          name: z.string(),
          status: z.string(),
          created: z.boolean(),
        }),
    },
    action: async ({ input, credentials }) => {
      const result = await tenants.createRequest(
        {
          application: input.application,
          uai: input.uai,
          environment: input.environment,
          version: input.version,
          ssoProtocol: input.sso?.protocol,
          ssoIdpEntityId: input.sso?.idpEntityId,
          request: {
            migration: input.migration,
            ...(input.wishedGoLiveDate
              ? { wishedGoLiveDate: input.wishedGoLiveDate }
              : {}),
            ...(input.expectedUsers
              ? { expectedUsers: input.expectedUsers }
              : {}),
            ...(input.comment ? { comment: input.comment } : {}),
          },
        },
        { credentials, idempotencyKey: input.idempotencyKey },
      );
      return {
        output: {
          name: result.tenant.name,
          status: result.tenant.status,
          created: result.created,
        },
      };
    },
  });
}
