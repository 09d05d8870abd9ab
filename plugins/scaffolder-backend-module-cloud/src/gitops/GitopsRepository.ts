import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import git, { Errors, TreeEntry } from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import fs from 'node:fs';
import path from 'node:path';
import type { FolderFile } from '../lib/paths';
import { GitAuth, gitAuthFor } from './credentials';

/*
 * The GitOps repository: one folder per tenant, `tenants/<name>/`, holding
 * its deployment descriptors. A commit replaces (or removes) whole tenant
 * folders and touches nothing else. Commits are written object by object
 * (blobs, trees, commit) with isomorphic-git, never through a working tree:
 * nothing is checked out on the portal's disk, so no path of the
 * repository can reach the file system.
 *
 * The repository is either a local bare repository (the default, under the
 * portal's data folder, created on first use) or any git remote over
 * HTTP(S), cloned without checkout into a temporary folder, committed to
 * and pushed, with credentials from the `integrations` configuration.
 */

/** Folder of the repository holding one folder per tenant. */
export const TENANTS_FOLDER = 'tenants';

const README = `# GitOps repository of the Portail Amue Cloud

One folder per hosted instance (tenant), \`tenants/<application>-<uai>-<environment>/\`,
written by the portal's self-service templates (actions \`cloud:gitops:render\` and
\`cloud:gitops:commit\`): \`namespace.yaml\` (Kubernetes namespace and quota) and
\`values.yaml\` (Helm values of the application's release). Do not edit by hand.
`;

/** `cloud.gitops` configuration, with defaults. */
export interface GitopsConfig {
  /** Local path of a bare repository, or an http(s) URL of a git remote. */
  repository: string;
  branch: string;
  /** URL of a commit, `{commit}` replaced by its hash. */
  commitUrl?: string;
  /** DNS domain of the instances. */
  baseDomain: string;
  author: { name: string; email: string };
}

/**
 * The default local repository: `gitops.git` beside the SQLite folder of the
 * portal's data folder (`backend.database.connection.directory`, e.g.
 * `data/sqlite` → `data/gitops.git`); otherwise `data/gitops.git` under the
 * backend's working directory (`/app/data` in the container image).
 */
export function defaultLocalRepository(config: Config): string {
  let sqliteDirectory: string | undefined;
  try {
    sqliteDirectory = config.getOptionalString(
      'backend.database.connection.directory',
    );
  } catch {
    // A connection string: no data folder in the database configuration.
  }
  return sqliteDirectory
    ? path.join(path.dirname(path.resolve(sqliteDirectory)), 'gitops.git')
    : path.resolve('data', 'gitops.git');
}

/** Reads `cloud.gitops` (and `scaffolder.defaultAuthor` for the author). */
export function readGitopsConfig(config: Config): GitopsConfig {
  const gitops = config.getOptionalConfig('cloud.gitops');
  const author = config.getOptionalConfig('scaffolder.defaultAuthor');
  return {
    repository:
      gitops?.getOptionalString('repository') ?? defaultLocalRepository(config),
    branch: gitops?.getOptionalString('branch') ?? 'main',
    commitUrl: gitops?.getOptionalString('commitUrl'),
    baseDomain: gitops?.getOptionalString('baseDomain') ?? 'cloud.amue.fr',
    author: {
      name:
        gitops?.getOptionalString('author.name') ??
        author?.getOptionalString('name') ??
        'Portail Amue Cloud',
      email:
        gitops?.getOptionalString('author.email') ??
        author?.getOptionalString('email') ??
        'portail-cloud@amue.fr',
    },
  };
}

/** True when the repository setting is a remote URL rather than a path. */
export function isRemote(repository: string): boolean {
  return /^https?:\/\//i.test(repository);
}

/** A tenant folder to write (its files) or to remove (no files). */
export interface TenantFolderChange {
  tenant: string;
  files?: FolderFile[];
}

/** The result of a commit. */
export interface GitopsCommit {
  /** The new commit, or the head when nothing changed. */
  commitHash: string;
  /** False when the tenant folders were already as given (no commit made). */
  changed: boolean;
}

/** Options of {@link GitopsRepository.commit}. */
export interface CommitOptions {
  message: string;
  author?: { name: string; email: string };
  /** A temporary folder for the clone of a remote repository. */
  createTemporaryDirectory: () => Promise<string>;
}

/** Serialises the commits to one repository within this process. */
const queues = new Map<string, Promise<unknown>>();

function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  queues.set(key, next);
  next
    .finally(() => {
      if (queues.get(key) === next) {
        queues.delete(key);
      }
    })
    .catch(() => undefined);
  return next;
}

/** Git's order of tree entries: folders compare as `name/`. */
function sortEntries(entries: TreeEntry[]): TreeEntry[] {
  const key = (e: TreeEntry) => (e.type === 'tree' ? `${e.path}/` : e.path);
  return entries.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === kb) {
      return 0;
    }
    return ka < kb ? -1 : 1;
  });
}

/** Writes the files as blobs and trees; returns the tree's oid. */
async function writeFolder(
  gitdir: string,
  files: FolderFile[],
): Promise<string> {
  const here: TreeEntry[] = [];
  const folders = new Map<string, FolderFile[]>();
  for (const file of files) {
    const [first, ...rest] = file.path.split('/');
    if (!first || first === '.' || first === '..' || first === '.git') {
      throw new InputError(
        `"${file.path}" is not a valid path in a tenant folder`,
      );
    }
    if (rest.length) {
      const list = folders.get(first) ?? [];
      list.push({ ...file, path: rest.join('/') });
      folders.set(first, list);
    } else {
      const oid = await git.writeBlob({
        fs,
        gitdir,
        blob: new Uint8Array(file.content),
      });
      here.push({
        mode: file.executable ? '100755' : '100644',
        path: first,
        oid,
        type: 'blob',
      });
    }
  }
  for (const [name, list] of folders) {
    here.push({
      mode: '040000',
      path: name,
      oid: await writeFolder(gitdir, list),
      type: 'tree',
    });
  }
  return git.writeTree({ fs, gitdir, tree: sortEntries(here) });
}

async function headOf(
  gitdir: string,
  branch: string,
): Promise<string | undefined> {
  try {
    return await git.resolveRef({ fs, gitdir, ref: `refs/heads/${branch}` });
  } catch (error) {
    if (error instanceof Errors.NotFoundError) {
      return undefined;
    }
    throw error;
  }
}

async function treeEntries(
  gitdir: string,
  oid: string | undefined,
): Promise<TreeEntry[]> {
  if (!oid) {
    return [];
  }
  return (await git.readTree({ fs, gitdir, oid })).tree;
}

/**
 * Replaces or removes the tenant folders on the branch's head and commits
 * when that changes the tree.
 */
async function commitChanges(
  gitdir: string,
  branch: string,
  changes: TenantFolderChange[],
  message: string,
  author: { name: string; email: string },
): Promise<GitopsCommit> {
  const head = await headOf(gitdir, branch);
  const headTree = head
    ? (await git.readCommit({ fs, gitdir, oid: head })).commit.tree
    : undefined;
  const root = await treeEntries(gitdir, headTree);
  const tenantsEntry = root.find(
    e => e.path === TENANTS_FOLDER && e.type === 'tree',
  );
  let tenants = await treeEntries(gitdir, tenantsEntry?.oid);
  for (const change of changes) {
    tenants = tenants.filter(e => e.path !== change.tenant);
    if (change.files) {
      tenants.push({
        mode: '040000',
        path: change.tenant,
        oid: await writeFolder(gitdir, change.files),
        type: 'tree',
      });
    }
  }
  const newRoot = root.filter(e => e.path !== TENANTS_FOLDER);
  if (tenants.length) {
    newRoot.push({
      mode: '040000',
      path: TENANTS_FOLDER,
      oid: await git.writeTree({ fs, gitdir, tree: sortEntries(tenants) }),
      type: 'tree',
    });
  }
  if (!head && !newRoot.some(e => e.path === 'README.md')) {
    newRoot.push({
      mode: '100644',
      path: 'README.md',
      oid: await git.writeBlob({
        fs,
        gitdir,
        blob: new TextEncoder().encode(README),
      }),
      type: 'blob',
    });
  }
  const tree = await git.writeTree({ fs, gitdir, tree: sortEntries(newRoot) });
  if (head && tree === headTree) {
    return { commitHash: head, changed: false };
  }
  const signature = {
    ...author,
    timestamp: Math.floor(Date.now() / 1000),
    timezoneOffset: 0,
  };
  const commitHash = await git.commit({
    fs,
    gitdir,
    message,
    author: signature,
    committer: signature,
    tree,
    parent: head ? [head] : [],
    ref: `refs/heads/${branch}`,
  });
  return { commitHash, changed: true };
}

/**
 * The GitOps repository of the configuration.
 */
export class GitopsRepository {
  static fromConfig(config: Config): GitopsRepository {
    return new GitopsRepository(
      readGitopsConfig(config),
      ScmIntegrations.fromConfig(config),
    );
  }

  constructor(
    readonly config: GitopsConfig,
    private readonly integrations: ScmIntegrationRegistry,
  ) {}

  /** The URL of a commit when `cloud.gitops.commitUrl` is set. */
  commitUrl(commitHash: string): string | undefined {
    return this.config.commitUrl?.replace(/\{commit\}/g, commitHash);
  }

  /** A description of the repository for logs (no credentials). */
  describe(): string {
    if (isRemote(this.config.repository)) {
      const url = new URL(this.config.repository);
      url.username = '';
      url.password = '';
      return `${url.toString()} (${this.config.branch})`;
    }
    return `local repository (${this.config.branch})`;
  }

  /** Writes or removes the tenant folders in one commit. */
  async commit(
    changes: TenantFolderChange[],
    options: CommitOptions,
  ): Promise<GitopsCommit> {
    const author = options.author ?? this.config.author;
    const { repository } = this.config;
    return serialised(repository, () =>
      isRemote(repository)
        ? this.commitRemote(changes, options.message, author, options)
        : this.commitLocal(changes, options.message, author),
    );
  }

  private async commitLocal(
    changes: TenantFolderChange[],
    message: string,
    author: { name: string; email: string },
  ): Promise<GitopsCommit> {
    const gitdir = path.resolve(this.config.repository);
    await this.ensureLocalRepository(gitdir);
    return commitChanges(gitdir, this.config.branch, changes, message, author);
  }

  /** Creates the bare repository on first use. */
  private async ensureLocalRepository(gitdir: string): Promise<void> {
    if (fs.existsSync(path.join(gitdir, 'HEAD'))) {
      return;
    }
    if (fs.existsSync(gitdir) && fs.readdirSync(gitdir).length > 0) {
      throw new InputError(
        `cloud.gitops.repository is neither a git repository nor an empty folder`,
      );
    }
    await fs.promises.mkdir(gitdir, { recursive: true });
    await git.init({
      fs,
      gitdir,
      bare: true,
      defaultBranch: this.config.branch,
    });
  }

  private async commitRemote(
    changes: TenantFolderChange[],
    message: string,
    author: { name: string; email: string },
    options: CommitOptions,
  ): Promise<GitopsCommit> {
    const url = this.config.repository;
    const { branch } = this.config;
    const auth = await gitAuthFor(url, this.integrations);
    const onAuth = () => (auth ?? {}) as GitAuth;
    const maxAttempts = 3;
    for (let attempt = 1; ; attempt++) {
      const dir = path.join(
        await options.createTemporaryDirectory(),
        `gitops-${attempt}`,
      );
      const gitdir = path.join(dir, '.git');
      try {
        await git.clone({
          fs,
          http,
          dir,
          url,
          ref: branch,
          singleBranch: true,
          noCheckout: true,
          noTags: true,
          depth: 1,
          onAuth,
        });
      } catch (error) {
        // An empty remote has no branch yet: start its history.
        if (!(error instanceof Errors.NotFoundError)) {
          throw error;
        }
        await fs.promises.rm(dir, { recursive: true, force: true });
        await git.init({ fs, dir, defaultBranch: branch });
        await git.addRemote({ fs, dir, remote: 'origin', url });
      }
      const result = await commitChanges(
        gitdir,
        branch,
        changes,
        message,
        author,
      );
      if (!result.changed) {
        return result;
      }
      try {
        await git.push({
          fs,
          http,
          dir,
          remote: 'origin',
          ref: branch,
          remoteRef: branch,
          onAuth,
        });
        return result;
      } catch (error) {
        // Someone pushed meanwhile: start again from the new head.
        if (
          error instanceof Errors.PushRejectedError &&
          attempt < maxAttempts
        ) {
          continue;
        }
        throw error;
      }
    }
  }
}
