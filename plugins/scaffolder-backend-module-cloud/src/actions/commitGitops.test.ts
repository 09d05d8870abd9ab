import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { startGitHttpServer } from '../__testUtils__/gitHttpServer';
import { GitopsRepository } from '../gitops/GitopsRepository';
import { createCommitGitopsAction, DRY_RUN_COMMIT } from './commitGitops';
import { examples } from './commitGitops.examples';
import { createRenderGitopsAction } from './renderGitops';

const PRODUCTION = 'sifac-0333298f-production';
const FORMATION = 'sifac-0333298f-formation';

function descriptor(name: string, environment: string) {
  return {
    name,
    application: 'sifac',
    uai: '0333298F',
    environment,
    version: '2026.2',
    idpEntityId: 'https://idp.u-bordeaux.fr/idp/shibboleth',
    expectedUsers: 1200,
  };
}

/** git, the real one, on a repository. */
function git(gitdir: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', gitdir, ...args], {
    encoding: 'utf8',
  });
}

describe('cloud:gitops:commit', () => {
  const mockDir = createMockDirectory();
  const workspace = () => path.join(mockDir.path, 'workspace');
  const outside = () => path.join(mockDir.path, 'outside');
  const repoPath = () => path.join(mockDir.path, 'data', 'gitops.git');
  const render = createRenderGitopsAction({ baseDomain: 'cloud.amue.fr' });

  function repository(extra: object = {}) {
    return GitopsRepository.fromConfig(
      mockServices.rootConfig({
        data: { cloud: { gitops: { repository: repoPath(), ...extra } } },
      }),
    );
  }

  function context(input: object, extra: object = {}) {
    return {
      ...createMockActionContext({
        input: input as any,
        workspacePath: workspace(),
        task: { id: 'task-42' },
        user: { ref: 'user:default/claire.dubois' },
      }),
      ...extra,
    };
  }

  async function renderTenants(...tenants: Array<[string, string]>) {
    await render.handler(
      context({ tenants: tenants.map(([n, e]) => descriptor(n, e)) }),
    );
  }

  beforeEach(() => {
    mockDir.setContent({ workspace: {}, outside: { 'secret.txt': 'secret' } });
  });

  it('creates the bare repository on first use and commits the tenant folder', async () => {
    await renderTenants([PRODUCTION, 'production']);
    const action = createCommitGitopsAction({ repository: repository() });
    const input = yaml.parse(examples[0].example).steps[0].input;
    expect(fs.existsSync(repoPath())).toBe(false);
    const ctx = context(input);
    await action.handler(ctx);

    const head = git(repoPath(), 'rev-parse', 'main').trim();
    expect(ctx.output).toHaveBeenCalledWith('commitHash', head);
    expect(ctx.output).toHaveBeenCalledWith('changed', true);
    expect(git(repoPath(), 'rev-parse', '--is-bare-repository').trim()).toBe(
      'true',
    );
    const log = git(
      repoPath(),
      'log',
      '--name-only',
      '--format=%s%n%b%an <%ae>',
    );
    expect(log).toContain(`Deploy ${PRODUCTION}`);
    expect(log).toContain('Scaffolder-Task: task-42');
    expect(log).toContain('Requested-By: user:default/claire.dubois');
    expect(log).toContain('Portail Amue Cloud <portail-cloud@amue.fr>');
    expect(log).toContain(`tenants/${PRODUCTION}/namespace.yaml`);
    expect(log).toContain(`tenants/${PRODUCTION}/values.yaml`);
    expect(log).toContain('README.md');
    // The committed file is the rendered one, byte for byte.
    expect(
      git(repoPath(), 'show', `main:tenants/${PRODUCTION}/values.yaml`),
    ).toBe(
      fs.readFileSync(
        path.join(workspace(), `gitops/tenants/${PRODUCTION}/values.yaml`),
        'utf8',
      ),
    );
    expect(git(repoPath(), 'fsck', '--strict')).toBe('');
  });

  it('publishes each commit for the cloud backend (topic cloud.gitops), not a dry-run', async () => {
    await renderTenants([PRODUCTION, 'production'], [FORMATION, 'formation']);
    const events = mockServices.events.mock();
    const action = createCommitGitopsAction({
      repository: repository(),
      events,
    });
    await action.handler(
      context({ tenants: [PRODUCTION], dryRun: true }, { isDryRun: true }),
    );
    expect(events.publish).not.toHaveBeenCalled();
    await action.handler(context({ tenants: [PRODUCTION, FORMATION] }));
    const head = git(repoPath(), 'rev-parse', 'main').trim();
    await action.handler(context({ tenants: [FORMATION], remove: true }));
    const removal = git(repoPath(), 'rev-parse', 'main').trim();
    expect(events.publish.mock.calls).toEqual([
      [
        {
          topic: 'cloud.gitops',
          eventPayload: {
            tenants: [PRODUCTION, FORMATION],
            revision: head,
            remove: false,
          },
        },
      ],
      [
        {
          topic: 'cloud.gitops',
          eventPayload: {
            tenants: [FORMATION],
            revision: removal,
            remove: true,
          },
        },
      ],
    ]);
    expect(head).toMatch(/^[0-9a-f]{40}$/);
  });

  it('makes no second commit for the same files (a retried task)', async () => {
    await renderTenants([PRODUCTION, 'production']);
    const action = createCommitGitopsAction({ repository: repository() });
    const first = context({ tenants: [PRODUCTION] });
    await action.handler(first);
    const retry = context({ tenants: [`tenant:default/${PRODUCTION}`] });
    await action.handler(retry);
    const head = git(repoPath(), 'rev-parse', 'main').trim();
    expect(retry.output).toHaveBeenCalledWith('commitHash', head);
    expect(retry.output).toHaveBeenCalledWith('changed', false);
    expect(git(repoPath(), 'rev-list', '--count', 'main').trim()).toBe('1');
  });

  it('changes only the named tenant folders, and removes one on decommissioning', async () => {
    await renderTenants([PRODUCTION, 'production'], [FORMATION, 'formation']);
    const action = createCommitGitopsAction({ repository: repository() });
    await action.handler(context({ tenants: [PRODUCTION] }));
    // Only the named folder is read: the other stays out until named.
    expect(
      git(repoPath(), 'ls-tree', '--name-only', 'main:tenants').trim(),
    ).toBe(PRODUCTION);
    await action.handler(context({ tenants: [FORMATION] }));
    expect(
      git(repoPath(), 'ls-tree', '--name-only', 'main:tenants')
        .trim()
        .split('\n'),
    ).toEqual([FORMATION, PRODUCTION]);
    const removal = context(yaml.parse(examples[1].example).steps[0].input);
    await action.handler(removal);
    expect(
      git(repoPath(), 'ls-tree', '--name-only', 'main:tenants').trim(),
    ).toBe(PRODUCTION);
    expect(git(repoPath(), 'log', '-1', '--format=%s').trim()).toBe(
      `Decommission ${FORMATION}`,
    );
    expect(git(repoPath(), 'rev-list', '--count', 'main').trim()).toBe('3');
  });

  it('serialises concurrent commits to the repository', async () => {
    await renderTenants([PRODUCTION, 'production'], [FORMATION, 'formation']);
    const action = createCommitGitopsAction({ repository: repository() });
    await Promise.all([
      action.handler(context({ tenants: [PRODUCTION] })),
      action.handler(context({ tenants: [FORMATION] })),
    ]);
    expect(git(repoPath(), 'rev-list', '--count', 'main').trim()).toBe('2');
    expect(
      git(repoPath(), 'ls-tree', '--name-only', 'main:tenants')
        .trim()
        .split('\n'),
    ).toHaveLength(2);
  });

  it('outputs the web address of the commit when configured', async () => {
    await renderTenants([PRODUCTION, 'production']);
    const action = createCommitGitopsAction({
      repository: repository({
        commitUrl: 'https://git.example.org/gitops/-/commit/{commit}',
      }),
    });
    const ctx = context({ tenants: [PRODUCTION] });
    await action.handler(ctx);
    const head = git(repoPath(), 'rev-parse', 'main').trim();
    expect(ctx.output).toHaveBeenCalledWith(
      'commitUrl',
      `https://git.example.org/gitops/-/commit/${head}`,
    );
  });

  it('commits nothing in dry-run', async () => {
    await renderTenants([PRODUCTION, 'production']);
    const action = createCommitGitopsAction({ repository: repository() });
    const ctx = context({ tenants: [PRODUCTION] }, { isDryRun: true });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('commitHash', DRY_RUN_COMMIT);
    expect(fs.existsSync(repoPath())).toBe(false);
  });

  it.each([
    [{ tenants: [] }, 'input.tenants must name at least one tenant'],
    [
      { tenants: ['../../outside'] },
      'input.tenants[0] "../../outside" is not a tenant name',
    ],
    [{ tenants: ['tenant:default/..'] }, 'is not a tenant name'],
    [
      { tenants: [PRODUCTION, PRODUCTION] },
      'input.tenants names a tenant twice',
    ],
    [
      { tenants: [FORMATION] },
      `input.sourcePath (tenants/${FORMATION}) does not exist in the workspace`,
    ],
    [
      { tenants: [PRODUCTION], sourcePath: '../outside' },
      'input.sourcePath "../outside/tenants/',
    ],
    [
      { tenants: [PRODUCTION], sourcePath: '/etc' },
      'points outside of the workspace',
    ],
  ])('rejects %j and commits nothing', async (input, message) => {
    await renderTenants([PRODUCTION, 'production']);
    const action = createCommitGitopsAction({ repository: repository() });
    const ctx = context(input);
    await expect(action.handler(ctx)).rejects.toThrow(message);
    expect(ctx.output).not.toHaveBeenCalled();
    expect(fs.existsSync(repoPath())).toBe(false);
  });

  it('refuses a tenant folder that is a symbolic link out of the workspace', async () => {
    fs.mkdirSync(path.join(workspace(), 'gitops/tenants'), { recursive: true });
    fs.symlinkSync(
      outside(),
      path.join(workspace(), `gitops/tenants/${PRODUCTION}`),
    );
    const action = createCommitGitopsAction({ repository: repository() });
    const ctx = context({ tenants: [PRODUCTION] });
    await expect(action.handler(ctx)).rejects.toThrow(
      `goes through a symbolic link (gitops/tenants/${PRODUCTION})`,
    );
    expect(fs.existsSync(repoPath())).toBe(false);
  });

  it('refuses a symbolic link inside the tenant folder', async () => {
    await renderTenants([PRODUCTION, 'production']);
    fs.symlinkSync(
      path.join(outside(), 'secret.txt'),
      path.join(workspace(), `gitops/tenants/${PRODUCTION}/extra.yaml`),
    );
    const action = createCommitGitopsAction({ repository: repository() });
    const ctx = context({ tenants: [PRODUCTION] });
    await expect(action.handler(ctx)).rejects.toThrow(
      `input.sourcePath (tenants/${PRODUCTION}) contains a symbolic link (extra.yaml), which is not allowed`,
    );
    expect(fs.existsSync(repoPath())).toBe(false);
  });

  it('refuses a source path that reaches out through a link', async () => {
    await renderTenants([PRODUCTION, 'production']);
    fs.symlinkSync(outside(), path.join(workspace(), 'elsewhere'));
    const action = createCommitGitopsAction({ repository: repository() });
    const ctx = context({ tenants: [PRODUCTION], sourcePath: 'elsewhere' });
    await expect(action.handler(ctx)).rejects.toThrow(
      'goes through a symbolic link (elsewhere)',
    );
  });

  describe('with a git remote', () => {
    const serverRoot = () => path.join(mockDir.path, 'server');
    let server: Awaited<ReturnType<typeof startGitHttpServer>>;

    beforeEach(async () => {
      mockDir.addContent({ server: {} });
      execFileSync('git', [
        'init',
        '--bare',
        '--initial-branch=main',
        path.join(serverRoot(), 'gitops.git'),
      ]);
      server = await startGitHttpServer({
        projectRoot: serverRoot(),
        username: 'oauth2',
        password: 'gitlab-token',
      });
    });
    afterEach(() => server.close());

    function remoteRepository(token?: string) {
      return GitopsRepository.fromConfig(
        mockServices.rootConfig({
          data: {
            integrations: {
              gitlab: [
                {
                  host: server.host,
                  apiBaseUrl: `http://${server.host}/api/v4`,
                  ...(token ? { token } : {}),
                },
              ],
            },
            cloud: { gitops: { repository: server.url('gitops.git') } },
          },
        }),
      );
    }

    function remoteContext(input: object) {
      return {
        ...context(input),
        createTemporaryDirectory: async () =>
          fs.mkdtempSync(path.join(mockDir.path, 'tmp-')),
      };
    }

    it('pushes with the credentials of the integrations config', async () => {
      await renderTenants([PRODUCTION, 'production'], [FORMATION, 'formation']);
      const action = createCommitGitopsAction({
        repository: remoteRepository('gitlab-token'),
      });
      const first = remoteContext({ tenants: [PRODUCTION] });
      await action.handler(first);
      const remote = path.join(serverRoot(), 'gitops.git');
      const head = git(remote, 'rev-parse', 'main').trim();
      expect(first.output).toHaveBeenCalledWith('commitHash', head);

      // A second task clones the pushed history and adds to it.
      await action.handler(remoteContext({ tenants: [FORMATION] }));
      expect(git(remote, 'rev-list', '--count', 'main').trim()).toBe('2');
      expect(git(remote, 'log', '--name-only', '--format=%s')).toContain(
        `tenants/${FORMATION}/values.yaml`,
      );
      expect(
        git(remote, 'ls-tree', '--name-only', 'main:tenants')
          .trim()
          .split('\n'),
      ).toEqual([FORMATION, PRODUCTION]);
      const basic = `Basic ${Buffer.from('oauth2:gitlab-token').toString(
        'base64',
      )}`;
      expect(server.authorizations).toContain(basic);
    });

    it('fails without credentials and pushes nothing', async () => {
      await renderTenants([PRODUCTION, 'production']);
      const action = createCommitGitopsAction({
        repository: remoteRepository(),
      });
      await expect(
        action.handler(remoteContext({ tenants: [PRODUCTION] })),
      ).rejects.toThrow(/401/);
      expect(() =>
        git(
          path.join(serverRoot(), 'gitops.git'),
          'rev-parse',
          '--verify',
          '-q',
          'main',
        ),
      ).toThrow();
    });
  });
});
