import { mockServices } from '@backstage/backend-test-utils';
import { readGitopsConfig } from './GitopsRepository';
import { assertGitopsRemote, isRemoteRequired } from './requireRemote';

describe('assertGitopsRemote', () => {
  const check = (data: object) => {
    const config = mockServices.rootConfig({ data });
    return () => assertGitopsRemote(config, readGitopsConfig(config));
  };
  const pg = { database: { client: 'pg', connection: 'postgres://x' } };

  it('accepts the default local repository outside production', () => {
    expect(check({ backend: pg })).not.toThrow();
    expect(
      isRemoteRequired(mockServices.rootConfig({ data: { backend: pg } })),
    ).toBe(false);
  });

  it('refuses production without cloud.gitops.repository, naming the variable', () => {
    expect(check({ backend: pg, auth: { environment: 'production' } })).toThrow(
      /cloud\.gitops\.repository must be the http\(s\) URL of a git remote in production \(it is not set: set the GITOPS_REPOSITORY environment variable\)/,
    );
  });

  it('refuses a local path when a remote is required', () => {
    expect(
      check({
        backend: pg,
        cloud: {
          gitops: { repository: '/srv/gitops.git', requireRemote: true },
        },
      }),
    ).toThrow(/it is "\/srv\/gitops.git", a local path/);
  });

  it('accepts an https remote in production', () => {
    expect(
      check({
        backend: pg,
        auth: { environment: 'production' },
        cloud: {
          gitops: { repository: 'https://git.example.org/cloud/gitops.git' },
        },
      }),
    ).not.toThrow();
  });

  it('lets requireRemote: false override the production default', () => {
    expect(
      check({
        backend: pg,
        auth: { environment: 'production' },
        cloud: { gitops: { requireRemote: false } },
      }),
    ).not.toThrow();
  });
});
