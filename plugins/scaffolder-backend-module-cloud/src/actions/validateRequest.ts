import {
  establishmentGroupName,
  isApplicationEntity,
} from '@amue/plugin-cloud-common';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { CloudService } from '@amue/plugin-cloud-node';
import { checkRequestInput, requestInputFields } from '../lib/requestInput';
import { requestBodyOf } from './createRequest';
import { examples } from './validateRequest.examples';

/**
 * `cloud:request:validate`: checks a request for hosted instances before
 * anything is created — each field's form, then against the catalog as the
 * user sees it: the application is offered as a service in those
 * environments and that version, the establishment exists — and finally
 * in the onboarding service (`POST /requests?dryRun=true`), which applies
 * the user's permission: a member of another establishment is refused
 * exactly as the real request would be. Fails with one message naming
 * every invalid field. Side-effect free (dry-run too).
 *
 * @public
 */
export function createValidateRequestAction(options: {
  catalog: CatalogService;
  client: CloudService;
}) {
  const { catalog, client } = options;
  return createTemplateAction({
    id: 'cloud:request:validate',
    description:
      'Checks a request for hosted instances (application, establishment, environments, version, go-live date, users, identity provider, contacts) against its rules and the catalog, and outputs it normalised.',
    examples,
    supportsDryRun: true,
    schema: {
      input: requestInputFields,
      output: {
        application: z => z.string().describe('Application name'),
        uai: z => z.string().describe('UAI code, uppercase'),
        establishment: z =>
          z.string().describe('Establishment group, etab-<uai>'),
        environments: z =>
          z.array(z.string()).describe('The environments requested'),
        version: z => z.string().describe('The version requested'),
      },
    },
    async handler(ctx) {
      const request = checkRequestInput(ctx.input);
      const credentials = await ctx.getInitiatorCredentials();
      const problems: string[] = [];

      const entity = await catalog.getEntityByRef(
        {
          kind: 'Application',
          namespace: 'default',
          name: request.application,
        },
        { credentials },
      );
      if (!entity || !isApplicationEntity(entity)) {
        problems.push(
          `input.application "${request.application}" is not an application of the catalog`,
        );
      } else {
        const saas = entity.spec.saas?.status;
        if (saas !== 'available' && saas !== 'pilot') {
          problems.push(
            `input.application "${request.application}" is not offered as a service (status "${saas}")`,
          );
        }
        for (const environment of request.environments) {
          if (!entity.spec.environments.includes(environment)) {
            problems.push(
              `input.environments: "${environment}" is not offered for "${
                request.application
              }" (offered: ${entity.spec.environments.join(', ')})`,
            );
          }
        }
        const version = entity.spec.versions.find(
          v => v.version === request.version,
        );
        if (!version || version.status === 'end-of-life') {
          const available = entity.spec.versions
            .filter(v => v.status === 'supported')
            .map(v => v.version);
          problems.push(
            `input.version "${request.version}" is not a ${
              version ? 'supported' : 'known'
            } version of "${request.application}" (supported: ${available.join(
              ', ',
            )})`,
          );
        } else if (version.status === 'deprecated') {
          ctx.logger.warn(
            `Version ${request.version} of ${request.application} is deprecated`,
          );
        }
      }

      const establishment = establishmentGroupName(request.uai);
      const group = await catalog.getEntityByRef(
        { kind: 'Group', namespace: 'default', name: establishment },
        { credentials },
      );
      if (!group) {
        problems.push(
          `input.uai "${request.uai}" is not an establishment of the catalog`,
        );
      }
      if (problems.length) {
        throw new InputError(problems.join('; '));
      }
      for (const environment of request.environments) {
        await client.checkRequest(
          requestBodyOf(request, environment, `validate:${environment}`),
          { credentials },
        );
      }

      ctx.logger.info(
        `Request of ${request.application} ${
          request.version
        } for ${establishment} (${request.environments.join(', ')}) is valid`,
      );
      ctx.output('application', request.application);
      ctx.output('uai', request.uai);
      ctx.output('establishment', establishment);
      ctx.output('environments', request.environments);
      ctx.output('version', request.version);
    },
  });
}
