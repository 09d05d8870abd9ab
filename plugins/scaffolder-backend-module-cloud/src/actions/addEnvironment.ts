import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { CloudService } from '@amue/plugin-cloud-node';
import { checkRequestInput, requestInputFields } from '../lib/requestInput';
import { tenantNameOf } from '../lib/tenants';
import { createTenants, createdTenantsOutput } from './createRequest';
import { examples } from './addEnvironment.examples';

/**
 * `cloud:tenant:add-environment`: requests more environments of an existing
 * tenant — same application, establishment, identity provider and contacts,
 * its version unless another is given — as new tenants of the onboarding
 * service (`POST /api/cloud/requests`), as the user running the template,
 * idempotent per task like cloud:request:create. In dry-run the existing
 * tenant is only read.
 *
 * @public
 */
export function createAddEnvironmentAction(options: { client: CloudService }) {
  const { client } = options;
  return createTemplateAction({
    id: 'cloud:tenant:add-environment',
    description:
      'Requests other environments of an existing hosted instance (same application, establishment, identity provider and contacts) as new tenants, as the user running the template.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        tenant: z =>
          z
            .string()
            .describe(
              'The existing tenant: its name or entity ref (tenant:default/<name>)',
            ),
        environments: requestInputFields.environments,
        version: z =>
          z
            .string()
            .optional()
            .describe(
              "Version of the new environments (the tenant's by default)",
            ),
        wishedGoLiveDate: requestInputFields.wishedGoLiveDate,
        expectedUsers: requestInputFields.expectedUsers,
        comment: requestInputFields.comment,
      },
      output: createdTenantsOutput,
    },
    async handler(ctx) {
      const name = tenantNameOf(ctx.input.tenant);
      const credentials = await ctx.getInitiatorCredentials();
      const tenant = await client.getTenant(name, { credentials });
      if (tenant.decommissioned) {
        throw new InputError(
          `tenant "${name}" is decommissioned: request a new instance instead`,
        );
      }
      const environments = Array.isArray(ctx.input.environments)
        ? ctx.input.environments
        : [];
      if (environments.includes(tenant.environment)) {
        throw new InputError(
          `input.environments: "${tenant.environment}" is the environment of "${name}" already`,
        );
      }
      const request = checkRequestInput({
        application: tenant.application,
        uai: tenant.uai,
        environments,
        version: ctx.input.version?.trim() || tenant.version,
        wishedGoLiveDate: ctx.input.wishedGoLiveDate,
        expectedUsers: ctx.input.expectedUsers ?? tenant.request?.expectedUsers,
        idpEntityId: tenant.ssoIdpEntityId ?? undefined,
        migration: false,
        contacts: tenant.request?.contacts,
        comment: ctx.input.comment,
      });
      await createTenants(ctx, client, request);
    },
  });
}
