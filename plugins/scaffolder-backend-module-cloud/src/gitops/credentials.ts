import {
  DefaultGithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';

/** What isomorphic-git's `onAuth` answers for a remote. */
export type GitAuth =
  | { username: string; password: string }
  | { headers: Record<string, string> };

/**
 * Credentials for a git remote, from the `integrations` configuration of
 * its host (GitHub, GitLab, Gitea, Bitbucket, Gerrit); undefined when no
 * integration holds credentials for it (anonymous access).
 */
export async function gitAuthFor(
  url: string,
  integrations: ScmIntegrationRegistry,
): Promise<GitAuth | undefined> {
  if (integrations.github.byUrl(url)) {
    const { token } = await DefaultGithubCredentialsProvider.fromIntegrations(
      integrations,
    ).getCredentials({ url });
    return token ? { username: 'x-access-token', password: token } : undefined;
  }
  const gitlab = integrations.gitlab.byUrl(url)?.config;
  if (gitlab) {
    return gitlab.token
      ? { username: 'oauth2', password: gitlab.token }
      : undefined;
  }
  const gitea = integrations.gitea.byUrl(url)?.config;
  if (gitea) {
    return gitea.username && gitea.password
      ? { username: gitea.username, password: gitea.password }
      : undefined;
  }
  const bitbucketServer = integrations.bitbucketServer.byUrl(url)?.config;
  if (bitbucketServer) {
    if (bitbucketServer.token) {
      return { headers: { Authorization: `Bearer ${bitbucketServer.token}` } };
    }
    return bitbucketServer.username && bitbucketServer.password
      ? {
          username: bitbucketServer.username,
          password: bitbucketServer.password,
        }
      : undefined;
  }
  const bitbucketCloud = integrations.bitbucketCloud.byUrl(url)?.config;
  if (bitbucketCloud) {
    if (bitbucketCloud.token) {
      return { username: 'x-token-auth', password: bitbucketCloud.token };
    }
    return bitbucketCloud.username && bitbucketCloud.appPassword
      ? {
          username: bitbucketCloud.username,
          password: bitbucketCloud.appPassword,
        }
      : undefined;
  }
  const gerrit = integrations.gerrit.byUrl(url)?.config;
  if (gerrit) {
    return gerrit.username && gerrit.password
      ? { username: gerrit.username, password: gerrit.password }
      : undefined;
  }
  return undefined;
}
