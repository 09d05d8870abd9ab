import { ONBOARDING_REASON_MAX_LENGTH } from '@amue/plugin-cloud-common';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { CloudService } from '@amue/plugin-cloud-node';
import { onboardingPath, tenantEntityRef } from '../lib/requestInput';
import { tenantNameOf } from '../lib/tenants';
import { examples } from './decommission.examples';

/**
 * `cloud:tenant:decommission`: closes a hosted instance for good through
 * the onboarding service (`POST /api/cloud/tenants/{name}/decommission`),
 * as the user running the template, with a reason. The user confirms by
 * typing the tenant's name. Already decommissioned: nothing is sent. In
 * dry-run the tenant is only read.
 *
 * @public
 */
export function createDecommissionAction(options: { client: CloudService }) {
  const { client } = options;
  return createTemplateAction({
    id: 'cloud:tenant:decommission',
    description:
      'Decommissions a hosted instance (tenant), as the user running the template, after the user typed its name to confirm.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        tenant: z =>
          z
            .string()
            .describe(
              'The tenant: its name or entity ref (tenant:default/<name>)',
            ),
        reason: z => z.string().describe('Why the instance is closed'),
        confirmation: z =>
          z
            .string()
            .describe("The tenant's name, typed by the user to confirm"),
      },
      output: {
        tenantName: z => z.string().describe('Name of the tenant'),
        tenantRef: z => z.string().describe('Catalog entity ref of the tenant'),
        onboardingUrl: z => z.string().describe("Path of the tenant's page"),
        changed: z =>
          z
            .boolean()
            .describe(
              'False when the tenant was already decommissioned (or in dry-run)',
            ),
      },
    },
    async handler(ctx) {
      const name = tenantNameOf(ctx.input.tenant);
      const reason =
        typeof ctx.input.reason === 'string' ? ctx.input.reason.trim() : '';
      if (!reason || reason.length > ONBOARDING_REASON_MAX_LENGTH) {
        throw new InputError(
          `input.reason is required (1 to ${ONBOARDING_REASON_MAX_LENGTH} characters)`,
        );
      }
      if ((ctx.input.confirmation ?? '').trim() !== name) {
        throw new InputError(
          `input.confirmation must be the tenant's name "${name}" to decommission it`,
        );
      }
      const credentials = await ctx.getInitiatorCredentials();
      const tenant = await client.getTenant(name, { credentials });
      const changed = await ctx.checkpoint({
        key: `cloud-decommission-${name}`,
        fn: async () => {
          if (tenant.decommissioned) {
            ctx.logger.info(`${name} is already decommissioned`);
            return false;
          }
          if (ctx.isDryRun) {
            ctx.logger.info(`Dry-run: would decommission ${name}`);
            return false;
          }
          await client.decommission(
            name,
            { reason, rowVersion: tenant.rowVersion },
            { credentials },
          );
          ctx.logger.info(`Decommissioned ${name}`);
          return true;
        },
      });
      ctx.output('tenantName', name);
      ctx.output('tenantRef', tenantEntityRef(name));
      ctx.output('onboardingUrl', onboardingPath(name));
      ctx.output('changed', changed);
    },
  });
}
