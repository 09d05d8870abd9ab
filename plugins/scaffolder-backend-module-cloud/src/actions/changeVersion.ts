import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { CloudService } from '@amue/plugin-cloud-node';
import {
  onboardingPath,
  tenantDescriptorSchema,
  tenantEntityRef,
} from '../lib/requestInput';
import { descriptorOf, tenantNameOf } from '../lib/tenants';
import { examples } from './changeVersion.examples';

/**
 * `cloud:tenant:change-version`: moves a tenant to another version of its
 * application through the onboarding service
 * (`POST /api/cloud/tenants/{name}/version`), as the user running the
 * template. Already at that version: nothing is sent (a retried task does
 * not fail). In dry-run the tenant is only read. Outputs the tenant's
 * descriptor at the new version, for cloud:gitops:render.
 *
 * @public
 */
export function createChangeVersionAction(options: { client: CloudService }) {
  const { client } = options;
  return createTemplateAction({
    id: 'cloud:tenant:change-version',
    description:
      'Moves a hosted instance (tenant) to another version of its application, as the user running the template; outputs its descriptor for cloud:gitops:render.',
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
        version: z => z.string().describe('The new version, e.g. 2026.2'),
      },
      output: {
        tenants: z =>
          z
            .array(tenantDescriptorSchema(z))
            .describe('The tenant at its new version'),
        tenantName: z => z.string().describe('Name of the tenant'),
        tenantRef: z => z.string().describe('Catalog entity ref of the tenant'),
        onboardingUrl: z => z.string().describe("Path of the tenant's page"),
        previousVersion: z =>
          z.string().describe('The version before the change'),
        changed: z =>
          z
            .boolean()
            .describe('False when the tenant was already at that version'),
      },
    },
    async handler(ctx) {
      const name = tenantNameOf(ctx.input.tenant);
      const version =
        typeof ctx.input.version === 'string' ? ctx.input.version.trim() : '';
      if (!version || version.length > 64) {
        throw new InputError('input.version is required (1 to 64 characters)');
      }
      const credentials = await ctx.getInitiatorCredentials();
      const tenant = await client.getTenant(name, { credentials });
      if (tenant.decommissioned) {
        throw new InputError(
          `tenant "${name}" is decommissioned: its version cannot change`,
        );
      }
      const previous = await ctx.checkpoint({
        key: `cloud-version-${name}-${version}`,
        fn: async () => {
          if (tenant.version === version) {
            return { previousVersion: tenant.version, changed: false };
          }
          if (ctx.isDryRun) {
            ctx.logger.info(
              `Dry-run: would move ${name} from ${tenant.version} to ${version}`,
            );
            return { previousVersion: tenant.version, changed: false };
          }
          await client.changeVersion(
            name,
            { version, rowVersion: tenant.rowVersion },
            { credentials },
          );
          ctx.logger.info(`Moved ${name} from ${tenant.version} to ${version}`);
          return { previousVersion: tenant.version, changed: true };
        },
      });
      ctx.output('tenants', [descriptorOf(tenant, { version })]);
      ctx.output('tenantName', name);
      ctx.output('tenantRef', tenantEntityRef(name));
      ctx.output('onboardingUrl', onboardingPath(name));
      ctx.output('previousVersion', previous.previousVersion);
      ctx.output('changed', previous.changed);
    },
  });
}
