import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { setTimeout as sleep } from 'node:timers/promises';
import { tenantEntityRef } from '../lib/requestInput';
import { tenantNameOf } from '../lib/tenants';
import { examples } from './awaitCatalog.examples';

/** Default and largest wait, in seconds. */
export const DEFAULT_WAIT_SECONDS = 30;
export const MAX_WAIT_SECONDS = 120;

/**
 * `cloud:tenant:await-catalog`: the "register" step of the request
 * templates. Tenants are not registered by the template: the cloud
 * backend's entity provider puts them in the catalog as soon as they are
 * created. This step waits (a little) until the user can see them there, so
 * that the links the template outputs lead somewhere, and outputs their
 * entity refs. Never fails for a slow catalog: it logs and goes on. Skipped
 * in dry-run (nothing was created).
 *
 * @public
 */
export function createAwaitCatalogAction(options: {
  catalog: CatalogService;
  pollIntervalMs?: number;
}) {
  const { catalog, pollIntervalMs = 1000 } = options;
  return createTemplateAction({
    id: 'cloud:tenant:await-catalog',
    description:
      'Waits until tenants created by the onboarding service appear in the catalog (its entity provider registers them) and outputs their entity refs.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        tenants: z => z.array(z.string()).describe('Names of the tenants'),
        timeoutSeconds: z =>
          z
            .number()
            .optional()
            .describe(
              `How long to wait at most (${DEFAULT_WAIT_SECONDS} s by default, ${MAX_WAIT_SECONDS} at most)`,
            ),
      },
      output: {
        entityRefs: z =>
          z.array(z.string()).describe('Entity refs of the tenants'),
        inCatalog: z =>
          z
            .boolean()
            .describe('True when every tenant was seen in the catalog'),
      },
    },
    async handler(ctx) {
      if (!Array.isArray(ctx.input.tenants) || !ctx.input.tenants.length) {
        throw new InputError('input.tenants must name at least one tenant');
      }
      const names = ctx.input.tenants.map((t, i) =>
        tenantNameOf(t, `input.tenants[${i}]`),
      );
      const refs = names.map(tenantEntityRef);
      ctx.output('entityRefs', refs);
      if (ctx.isDryRun) {
        ctx.output('inCatalog', false);
        return;
      }
      const timeout = Math.min(
        Math.max(ctx.input.timeoutSeconds ?? DEFAULT_WAIT_SECONDS, 0),
        MAX_WAIT_SECONDS,
      );
      const deadline = Date.now() + timeout * 1000;
      const credentials = await ctx.getInitiatorCredentials();
      let missing = [...refs];
      for (;;) {
        const { items } = await catalog.getEntitiesByRefs(
          { entityRefs: missing, fields: ['kind', 'metadata.name'] },
          { credentials },
        );
        missing = missing.filter((_, i) => !items[i]);
        if (!missing.length || Date.now() >= deadline || ctx.signal?.aborted) {
          break;
        }
        await sleep(pollIntervalMs);
      }
      if (missing.length) {
        ctx.logger.warn(
          `Not in the catalog yet after ${timeout} s: ${missing.join(
            ', ',
          )}; the catalog will show them shortly`,
        );
      } else {
        ctx.logger.info(`In the catalog: ${refs.join(', ')}`);
      }
      ctx.output('inCatalog', missing.length === 0);
    },
  });
}
