import { ENVIRONMENTS, checkUai } from '@amue/plugin-cloud-common';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import { TENANTS_FOLDER } from '../gitops/GitopsRepository';
import { renderTenantDescriptors } from '../gitops/descriptors';
import {
  checkTenantFolderName,
  safeChildPath,
  writeSafeFile,
} from '../lib/paths';
import {
  MAX_EXPECTED_USERS,
  TenantDescriptor,
  isEntityIdUrl,
  tenantDescriptorSchema,
} from '../lib/requestInput';
import { examples } from './renderGitops.examples';

/** Default folder of the workspace the descriptors are rendered into. */
export const DEFAULT_GITOPS_PATH = 'gitops';

/** Checks a descriptor field by field (names each invalid one). */
function checkDescriptor(d: TenantDescriptor, index: number): TenantDescriptor {
  const at = `input.tenants[${index}]`;
  const problems: string[] = [];
  try {
    checkTenantFolderName(d?.name, `${at}.name`);
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (!d?.application || !/^[a-z0-9][a-z0-9-]*$/.test(d.application)) {
    problems.push(
      `${at}.application "${d?.application}" is not an application name`,
    );
  }
  const uai = checkUai(d?.uai);
  if (!uai.valid) {
    problems.push(`${at}.uai is invalid: ${uai.reason}`);
  }
  if (!(ENVIRONMENTS as readonly string[]).includes(d?.environment)) {
    problems.push(
      `${at}.environment "${
        d?.environment
      }" is not an environment (${ENVIRONMENTS.join(', ')})`,
    );
  }
  if (
    typeof d?.version !== 'string' ||
    !/^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/.test(d.version)
  ) {
    problems.push(
      `${at}.version "${d?.version}" is not a version (letters, digits, . _ + -)`,
    );
  }
  if (d?.idpEntityId !== undefined && !isEntityIdUrl(d.idpEntityId)) {
    problems.push(
      `${at}.idpEntityId "${d.idpEntityId}" is not an entity ID (an http(s) URL or a URN)`,
    );
  }
  if (
    d?.expectedUsers !== undefined &&
    (!Number.isInteger(d.expectedUsers) ||
      d.expectedUsers < 1 ||
      d.expectedUsers > MAX_EXPECTED_USERS)
  ) {
    problems.push(
      `${at}.expectedUsers must be a whole number from 1 to ${MAX_EXPECTED_USERS}`,
    );
  }
  if (problems.length) {
    throw new InputError(problems.join('; '));
  }
  return d;
}

/**
 * `cloud:gitops:render`: renders the deployment descriptors of tenants —
 * Kubernetes namespace with its quota, Helm values (application, version,
 * environment, host names, SSO identity provider, resources sized from the
 * expected users) — into `<targetPath>/tenants/<name>/` of the workspace,
 * from the templates of this module. Writes nothing else; refuses paths
 * out of the workspace and symbolic links. Same in dry-run (the workspace
 * is the task's own).
 *
 * @public
 */
export function createRenderGitopsAction(options: { baseDomain: string }) {
  return createTemplateAction({
    id: 'cloud:gitops:render',
    description:
      "Renders tenants' deployment descriptors (namespace.yaml, values.yaml) into <targetPath>/tenants/<name>/ of the workspace.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        tenants: z =>
          z
            .array(tenantDescriptorSchema(z))
            .describe(
              'The tenants, e.g. the output `tenants` of cloud:request:create',
            ),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              `Folder of the workspace to render into (default "${DEFAULT_GITOPS_PATH}")`,
            ),
      },
      output: {
        path: z =>
          z
            .string()
            .describe('The folder rendered into, relative to the workspace'),
        files: z =>
          z
            .array(z.string())
            .describe('The files written, relative to that folder'),
      },
    },
    async handler(ctx) {
      const tenants = Array.isArray(ctx.input.tenants) ? ctx.input.tenants : [];
      if (!tenants.length) {
        throw new InputError('input.tenants must hold at least one tenant');
      }
      const checked = tenants.map((t, i) =>
        checkDescriptor(t as TenantDescriptor, i),
      );
      const targetPath = ctx.input.targetPath ?? DEFAULT_GITOPS_PATH;
      // Everything is rendered and checked before the first write.
      const rendered = checked.map(d => ({
        name: d.name,
        files: renderTenantDescriptors(d, { baseDomain: options.baseDomain }),
      }));
      await safeChildPath(ctx.workspacePath, targetPath, 'input.targetPath');
      const written: string[] = [];
      for (const { name, files } of rendered) {
        const folder = `${TENANTS_FOLDER}/${name}`;
        const tenantDir = await safeChildPath(
          ctx.workspacePath,
          `${targetPath}/${folder}`,
          'input.targetPath',
        );
        // A tenant folder holds only what is rendered now.
        await fs.rm(tenantDir, { recursive: true, force: true });
        for (const [file, content] of Object.entries(files)) {
          await writeSafeFile(
            ctx.workspacePath,
            `${targetPath}/${folder}/${file}`,
            content,
            'input.targetPath',
          );
          written.push(`${folder}/${file}`);
        }
        ctx.logger.info(`Rendered the deployment descriptors of ${name}`);
      }
      ctx.output('path', targetPath);
      ctx.output('files', written);
    },
  });
}
