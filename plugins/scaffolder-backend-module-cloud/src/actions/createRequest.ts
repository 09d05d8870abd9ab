import { tenantName } from '@amue/plugin-cloud-common';
import {
  ActionContext,
  createTemplateAction,
} from '@backstage/plugin-scaffolder-node';
import type { CloudService } from '@amue/plugin-cloud-node';
import {
  CheckedRequest,
  checkRequestInput,
  descriptorsOf,
  onboardingPath,
  requestInputFields,
  tenantDescriptorSchema,
  tenantEntityRef,
  Z,
} from '../lib/requestInput';
import { examples } from './createRequest.examples';

/**
 * The idempotency key of one tenant of a task's step: the same task run
 * again (a retry, a recovered task) sends the same key, so the onboarding
 * service returns the tenant it created the first time.
 */
export function idempotencyKeyOf(
  taskId: string,
  stepId: string | undefined,
  environment: string,
): string {
  return `scaffolder:${taskId}:${stepId ?? 'request'}:${environment}`;
}

/** The body of `POST /requests` for one environment of a request. */
export function requestBodyOf(
  request: CheckedRequest,
  environment: CheckedRequest['environments'][number],
  idempotencyKey: string,
) {
  return {
    application: request.application,
    uai: request.uai,
    environment,
    version: request.version,
    ...(request.idpEntityId
      ? { sso: { protocol: 'saml' as const, idpEntityId: request.idpEntityId } }
      : {}),
    request: {
      migration: request.migration,
      ...(request.wishedGoLiveDate
        ? { wishedGoLiveDate: request.wishedGoLiveDate }
        : {}),
      ...(request.expectedUsers !== undefined
        ? { expectedUsers: request.expectedUsers }
        : {}),
      ...(request.contacts?.length ? { contacts: request.contacts } : {}),
      ...(request.comment ? { comment: request.comment } : {}),
    },
    idempotencyKey,
  };
}

/** Output fields shared by the actions that create tenants. */
export const createdTenantsOutput = {
  tenants: (z: Z) =>
    z
      .array(tenantDescriptorSchema(z))
      .describe('The tenants, as cloud:gitops:render reads them'),
  tenantNames: (z: Z) => z.array(z.string()).describe('Names of the tenants'),
  tenantName: (z: Z) => z.string().describe('Name of the first tenant'),
  tenantRef: (z: Z) =>
    z.string().describe('Catalog entity ref of the first tenant'),
  onboardingUrl: (z: Z) =>
    z.string().describe("Path of the first tenant's onboarding page"),
  created: (z: Z) =>
    z
      .boolean()
      .describe(
        'True when a tenant was created by this run (false on a retry or in dry-run)',
      ),
};

/**
 * Creates one tenant per environment of a checked request in the cloud
 * backend, as the initiator, one checkpoint and one idempotency key each.
 * Shared by `cloud:request:create` and `cloud:tenant:add-environment`.
 */
export async function createTenants(
  ctx: ActionContext<any, any>,
  client: CloudService,
  request: CheckedRequest,
): Promise<void> {
  const descriptors = descriptorsOf(request);
  let created = false;
  if (ctx.isDryRun) {
    // The same checks as a real run, in the cloud backend (the initiator's
    // permission for that establishment included), nothing written.
    const credentials = await ctx.getInitiatorCredentials();
    for (const environment of request.environments) {
      const check = await client.checkRequest(
        requestBodyOf(request, environment, `dry-run:${environment}`),
        { credentials },
      );
      if (check.exists) {
        ctx.logger.warn(
          `Tenant ${check.name} exists already: only a retry of the task that created it would succeed`,
        );
      }
    }
    ctx.logger.info(
      `Dry-run: would request ${descriptors.map(d => d.name).join(', ')}`,
    );
  } else {
    const credentials = await ctx.getInitiatorCredentials();
    for (const environment of request.environments) {
      const key = idempotencyKeyOf(ctx.task.id, ctx.step?.id, environment);
      const result = await ctx.checkpoint({
        key: `cloud-request-${environment}`,
        fn: async () => {
          const response = await client.createRequest(
            requestBodyOf(request, environment, key),
            { credentials },
          );
          return { name: response.tenant.name, created: response.created };
        },
      });
      const expected = tenantName(
        request.application,
        request.uai,
        environment,
      );
      if (result.name !== expected) {
        throw new Error(
          `the onboarding service answered tenant "${result.name}" for "${expected}"`,
        );
      }
      created ||= result.created;
      ctx.logger.info(
        result.created
          ? `Requested ${result.name}: waiting for Amue's qualification`
          : `${result.name} was already requested by this task`,
      );
    }
  }
  const names = descriptors.map(d => d.name);
  ctx.output('tenants', descriptors);
  ctx.output('tenantNames', names);
  ctx.output('tenantName', names[0]);
  ctx.output('tenantRef', tenantEntityRef(names[0]));
  ctx.output('onboardingUrl', onboardingPath(names[0]));
  ctx.output('created', created);
}

/**
 * `cloud:request:create`: creates the request for hosted instances in the
 * onboarding service (the cloud backend) as the user who runs the
 * template, so that the user's permissions apply — one tenant per
 * environment, at step 1 (qualification by Amue). The idempotency key of
 * each tenant derives from the task and step, so a retried task never
 * creates a second tenant. The cloud backend's entity provider puts the
 * tenants in the catalog. In dry-run nothing is sent.
 *
 * @public
 */
export function createCreateRequestAction(options: { client: CloudService }) {
  return createTemplateAction({
    id: 'cloud:request:create',
    description:
      'Requests hosted instances (one tenant per environment) of an application for an establishment in the onboarding service, as the user running the template. Idempotent per task and step. Outputs the tenants, their catalog refs and onboarding pages.',
    examples,
    supportsDryRun: true,
    schema: {
      input: requestInputFields,
      output: createdTenantsOutput,
    },
    async handler(ctx) {
      const request = checkRequestInput(ctx.input);
      await createTenants(ctx, options.client, request);
    },
  });
}
