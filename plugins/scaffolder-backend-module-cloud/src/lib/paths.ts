import {
  isChildPath,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';

/*
 * Paths of the GitOps actions, confined to the task's workspace: no `..`
 * out of it (resolveSafeChildPath), and no symbolic link anywhere on the
 * way, which could lead a write or a read outside of it.
 */

/** A tenant name, the only folder name the actions write in the repository. */
const TENANT_NAME = /^[a-z0-9](?:[a-z0-9-]{0,251}[a-z0-9])?$/;

/** Most files of one tenant folder the commit action reads. */
export const MAX_FILES_PER_TENANT = 100;
/** Largest file of a tenant folder the commit action reads, in bytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Checks a tenant name before it becomes a folder name. */
export function checkTenantFolderName(name: string, field: string): string {
  if (typeof name !== 'string' || !TENANT_NAME.test(name)) {
    throw new InputError(
      `${field} "${name}" is not a tenant name (lowercase letters, digits and dashes)`,
    );
  }
  return name;
}

async function lstatOrUndefined(target: string) {
  try {
    return await fs.lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

/**
 * The absolute path of `relative` inside `base`. Rejects a path that leaves
 * `base` and any existing symbolic link from `base` (excluded) to the
 * target (included); parts that do not exist yet are fine.
 */
export async function safeChildPath(
  base: string,
  relative: string,
  field: string,
): Promise<string> {
  const outside = () =>
    new NotAllowedError(
      `${field} "${relative}" points outside of the workspace`,
    );
  // The workspace exists in a task; create it when a caller's does not.
  await fs.mkdir(base, { recursive: true });
  const target = path.resolve(base, relative);
  const lexical = path.relative(base, target);
  if (
    lexical === '..' ||
    lexical.startsWith(`..${path.sep}`) ||
    path.isAbsolute(lexical)
  ) {
    throw outside();
  }
  const parts = lexical.split(path.sep).filter(Boolean);
  let current = base;
  for (const part of parts) {
    current = path.join(current, part);
    const stat = await lstatOrUndefined(current);
    if (!stat) {
      break;
    }
    if (stat.isSymbolicLink()) {
      throw new NotAllowedError(
        `${field} "${relative}" goes through a symbolic link (${path.relative(
          base,
          current,
        )}), which is not allowed`,
      );
    }
  }
  // Backstage's own check (it also follows the links that exist).
  try {
    resolveSafeChildPath(base, relative);
  } catch {
    throw outside();
  }
  const realBase = await fs.realpath(base);
  // The workspace itself may sit behind a link (e.g. /tmp on some systems):
  // compare real paths for what exists.
  const existing = await deepestExisting(target);
  const realExisting = await fs.realpath(existing);
  if (realExisting !== realBase && !isChildPath(realBase, realExisting)) {
    throw outside();
  }
  return target;
}

async function deepestExisting(target: string): Promise<string> {
  let current = target;
  for (;;) {
    if (await lstatOrUndefined(current)) {
      return current;
    }
    const parent = path.dirname(current);
    if (parent === current) {
      return current;
    }
    current = parent;
  }
}

/** A file of a folder, its path relative to the folder with `/`. */
export interface FolderFile {
  path: string;
  content: Buffer;
  executable: boolean;
}

/**
 * The regular files of a folder, recursively, sorted by path. Rejects
 * symbolic links, special files, a `.git` entry, more than
 * {@link MAX_FILES_PER_TENANT} files and files above
 * {@link MAX_FILE_BYTES}.
 */
export async function readFolderFiles(
  folder: string,
  field: string,
): Promise<FolderFile[]> {
  const files: FolderFile[] = [];
  async function walk(dir: string, prefix: string) {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      const absolute = path.join(dir, entry.name);
      if (entry.name === '.git') {
        throw new NotAllowedError(
          `${field} contains a .git entry (${relative}), which is not allowed`,
        );
      }
      const stat = await fs.lstat(absolute);
      if (stat.isSymbolicLink()) {
        throw new NotAllowedError(
          `${field} contains a symbolic link (${relative}), which is not allowed`,
        );
      }
      if (stat.isDirectory()) {
        await walk(absolute, relative);
      } else if (stat.isFile()) {
        if (stat.size > MAX_FILE_BYTES) {
          throw new InputError(
            `${field}: ${relative} is larger than ${MAX_FILE_BYTES} bytes`,
          );
        }
        files.push({
          path: relative,
          content: await fs.readFile(absolute),
          executable: (stat.mode & 0o111) !== 0,
        });
        if (files.length > MAX_FILES_PER_TENANT) {
          throw new InputError(
            `${field} holds more than ${MAX_FILES_PER_TENANT} files`,
          );
        }
      } else {
        throw new NotAllowedError(
          `${field}: ${relative} is not a regular file`,
        );
      }
    }
  }
  await walk(folder, '');
  return files;
}

/**
 * Writes a file inside `base` at `relative`, creating the folders; refuses
 * traversal and symbolic links on the way or at the file itself.
 */
export async function writeSafeFile(
  base: string,
  relative: string,
  content: string,
  field: string,
): Promise<string> {
  const target = await safeChildPath(base, relative, field);
  await fs.mkdir(path.dirname(target), { recursive: true });
  // mkdir may have met a link created meanwhile: check again.
  await safeChildPath(base, relative, field);
  await fs.writeFile(target, content, { encoding: 'utf8', flag: 'w' });
  return target;
}
