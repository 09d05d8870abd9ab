import {
  GITOPS_EVENTS_TOPIC,
  GitopsCommittedEvent,
} from '@amue/plugin-cloud-common';
import { InputError, NotAllowedError } from '@backstage/errors';
import type { EventsService } from '@backstage/plugin-events-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs/promises';
import {
  GitopsRepository,
  TENANTS_FOLDER,
  TenantFolderChange,
} from '../gitops/GitopsRepository';
import {
  checkTenantFolderName,
  readFolderFiles,
  safeChildPath,
} from '../lib/paths';
import { tenantNameOf } from '../lib/tenants';
import { examples } from './commitGitops.examples';
import { DEFAULT_GITOPS_PATH } from './renderGitops';

/** Hash output in dry-run, where nothing is committed. */
export const DRY_RUN_COMMIT = 'dry-run';

/** The default commit message. */
function messageOf(
  names: string[],
  remove: boolean,
  taskId: string,
  user?: string,
) {
  const subject = `${remove ? 'Decommission' : 'Deploy'} ${names.join(', ')}`;
  const trailers = [`Scaffolder-Task: ${taskId}`];
  if (user) {
    trailers.push(`Requested-By: ${user}`);
  }
  return `${subject}\n\n${trailers.join('\n')}\n`;
}

/**
 * `cloud:gitops:commit`: commits tenants' folders from the workspace
 * (`<sourcePath>/tenants/<name>/`, as cloud:gitops:render wrote them) to
 * the GitOps repository, replacing `tenants/<name>/` there — or removes
 * those folders (`remove: true`, for a decommissioning). Only the named
 * tenant folders are read and changed; paths out of the workspace and
 * symbolic links are refused. The repository is `cloud.gitops.repository`:
 * a local bare repository created on first use, or a git remote (pushed,
 * with the credentials of the integrations config). Nothing changed, no
 * commit; a retried task reuses its commit. In dry-run, the folders are
 * checked and nothing is committed.
 *
 * Each commit is published on the events service (topic `cloud.gitops`):
 * the cloud backend records it as the revision of the tenants, which
 * Argo CD's notifications must report before the provisioning step
 * completes by itself.
 *
 * @public
 */
export function createCommitGitopsAction(options: {
  repository: GitopsRepository;
  events?: EventsService;
}) {
  const { repository, events } = options;
  return createTemplateAction({
    id: 'cloud:gitops:commit',
    description:
      "Commits tenants' deployment descriptors from the workspace to the GitOps repository (or removes their folders) and outputs the commit.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        tenants: z =>
          z
            .array(z.string())
            .describe(
              'Names (or entity refs) of the tenants whose folders to commit',
            ),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              `Folder of the workspace holding tenants/<name>/ (default "${DEFAULT_GITOPS_PATH}")`,
            ),
        remove: z =>
          z
            .boolean()
            .optional()
            .describe(
              "Remove the tenants' folders from the repository instead",
            ),
        message: z => z.string().optional().describe('Commit message'),
      },
      output: {
        commitHash: z =>
          z.string().describe('The commit (the head when nothing changed)'),
        commitUrl: z =>
          z
            .string()
            .describe(
              'Web address of the commit when cloud.gitops.commitUrl is set, otherwise empty (for `if:` in template outputs)',
            ),
        changed: z =>
          z
            .boolean()
            .describe('False when the repository already held these files'),
      },
    },
    async handler(ctx) {
      const input = ctx.input;
      if (!Array.isArray(input.tenants) || input.tenants.length === 0) {
        throw new InputError('input.tenants must name at least one tenant');
      }
      const names = input.tenants.map((t, i) =>
        checkTenantFolderName(
          tenantNameOf(t, `input.tenants[${i}]`),
          `input.tenants[${i}]`,
        ),
      );
      if (new Set(names).size !== names.length) {
        throw new InputError('input.tenants names a tenant twice');
      }
      const remove = input.remove === true;

      const changes: TenantFolderChange[] = [];
      if (remove) {
        changes.push(...names.map(tenant => ({ tenant })));
      } else {
        const sourcePath = input.sourcePath ?? DEFAULT_GITOPS_PATH;
        for (const tenant of names) {
          const field = `input.sourcePath (${TENANTS_FOLDER}/${tenant})`;
          const folder = await safeChildPath(
            ctx.workspacePath,
            `${sourcePath}/${TENANTS_FOLDER}/${tenant}`,
            'input.sourcePath',
          );
          const stat = await fs.lstat(folder).catch(() => undefined);
          if (!stat?.isDirectory()) {
            throw new InputError(
              `${field} does not exist in the workspace: render the tenant first (cloud:gitops:render)`,
            );
          }
          const files = await readFolderFiles(folder, field);
          if (!files.length) {
            throw new NotAllowedError(`${field} is empty`);
          }
          changes.push({ tenant, files });
        }
      }

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry-run: would ${remove ? 'remove' : 'commit'} ${names.join(
            ', ',
          )} in the ${repository.describe()}`,
        );
        ctx.output('commitHash', DRY_RUN_COMMIT);
        ctx.output('commitUrl', '');
        ctx.output('changed', false);
        return;
      }

      const message =
        input.message?.trim() ||
        messageOf(names, remove, ctx.task.id, ctx.user?.ref);
      const result = await ctx.checkpoint({
        key: `gitops-commit-${remove ? 'remove' : 'write'}-${names.join(',')}`,
        fn: async () => {
          const commit = await repository.commit(changes, {
            message,
            createTemporaryDirectory: () => ctx.createTemporaryDirectory(),
          });
          return { commitHash: commit.commitHash, changed: commit.changed };
        },
      });
      ctx.logger.info(
        result.changed
          ? `Committed ${result.commitHash} to the ${repository.describe()}`
          : `The ${repository.describe()} already holds these files (${
              result.commitHash
            })`,
      );
      if (events) {
        const eventPayload: GitopsCommittedEvent = {
          tenants: names,
          revision: result.commitHash,
          remove,
        };
        await events.publish({ topic: GITOPS_EVENTS_TOPIC, eventPayload });
      }
      ctx.output('commitHash', result.commitHash);
      ctx.output('commitUrl', repository.commitUrl(result.commitHash) ?? '');
      ctx.output('changed', result.changed);
    },
  });
}
