import { Config } from '@backstage/config';
import { GitopsConfig, isRemote } from './GitopsRepository';

/**
 * Whether the GitOps repository must be a git remote: `cloud.gitops.requireRemote`
 * when set, otherwise true whenever `auth.environment` is `production`.
 *
 * The default local bare repository lives on the disk of one backend
 * process: with several replicas each would commit to its own copy, and a
 * container's disk does not survive a restart. Production therefore needs
 * a remote (`cloud.gitops.repository` set to an http(s) URL).
 */
export function isRemoteRequired(config: Config): boolean {
  return (
    config.getOptionalBoolean('cloud.gitops.requireRemote') ??
    config.getOptionalString('auth.environment') === 'production'
  );
}

/**
 * Throws, with a message saying what to set, when a remote is required and
 * `cloud.gitops.repository` is not one. Called at startup: the backend
 * refuses to start rather than commit to a repository nobody reads.
 */
export function assertGitopsRemote(config: Config, gitops: GitopsConfig): void {
  if (!isRemoteRequired(config) || isRemote(gitops.repository)) {
    return;
  }
  const configured = config.getOptionalString('cloud.gitops.repository');
  throw new Error(
    `cloud.gitops.repository must be the http(s) URL of a git remote in production ` +
      `(${
        configured
          ? `it is "${configured}", a local path`
          : 'it is not set: set the GITOPS_REPOSITORY environment variable'
      }); ` +
      `a local repository would be a different one on each backend replica and lost with the container. ` +
      `Set cloud.gitops.requireRemote: false only for a single-process test installation.`,
  );
}
