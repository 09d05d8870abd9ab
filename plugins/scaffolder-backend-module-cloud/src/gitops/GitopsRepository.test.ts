import { mockServices } from '@backstage/backend-test-utils';
import path from 'node:path';
import { readGitopsConfig } from './GitopsRepository';

describe('readGitopsConfig', () => {
  const read = (data: object) =>
    readGitopsConfig(mockServices.rootConfig({ data }));

  it('puts the repository beside the SQLite folder of the data folder by default', () => {
    const config = read({
      backend: {
        database: {
          client: 'better-sqlite3',
          connection: { directory: '/srv/portal/data/sqlite' },
        },
      },
    });
    expect(config.repository).toBe('/srv/portal/data/gitops.git');
    expect(config.branch).toBe('main');
    expect(config.baseDomain).toBe('cloud.amue.fr');
  });

  it('uses data/ of the working directory with PostgreSQL', () => {
    expect(
      read({
        backend: { database: { client: 'pg', connection: 'postgres://x' } },
      }).repository,
    ).toBe(path.resolve('data', 'gitops.git'));
  });

  it('reads the repository, branch, commit URL and author from cloud.gitops', () => {
    const config = read({
      scaffolder: { defaultAuthor: { name: 'Portail', email: 'p@amue.fr' } },
      cloud: {
        gitops: {
          repository: 'https://git.example.org/cloud/gitops.git',
          branch: 'production',
          commitUrl: 'https://git.example.org/cloud/gitops/-/commit/{commit}',
        },
      },
    });
    expect(config).toEqual({
      repository: 'https://git.example.org/cloud/gitops.git',
      branch: 'production',
      commitUrl: 'https://git.example.org/cloud/gitops/-/commit/{commit}',
      baseDomain: 'cloud.amue.fr',
      author: { name: 'Portail', email: 'p@amue.fr' },
    });
  });
});
