import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UserError } from '../errors/user-error.ts';

export interface OutputFolderOptions {
  /** The folder datasets go in. */
  dir: string;
  /** The dataset's own folder name inside it. */
  name: string;
  /** Where the folder was given, for the message: `--output`, or `my.json: output.dir`. */
  source: string;
}

/**
 * Checks, before any model is called and without creating anything, that the dataset
 * folder can be written: no part of the path is a regular file, and the deepest folder
 * that exists (where the rest will be created) is writable by this user. Otherwise the
 * run would pay for its model calls and then fail, or crash on an EACCES stream error.
 */
export async function checkOutputFolder(options: OutputFolderOptions): Promise<void> {
  const { dir, name, source } = options;
  const dataset = await stat(join(dir, name)).catch(() => null);
  if (dataset && !dataset.isDirectory()) {
    throw new UserError(`${source}: ${join(dir, name)} is a file, not a folder; the dataset folder cannot be written there`, { file: join(dir, name) });
  }
  for (let current = resolve(dir); ; current = dirname(current)) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
      throw new UserError(`${source}: cannot look at ${current} (${error.code})`, { file: current });
    });
    if (info && !info.isDirectory()) throw new UserError(`${source}: ${current} is a file, not a folder`, { file: current });
    if (info) {
      await access(current, constants.W_OK | constants.X_OK).catch((error: NodeJS.ErrnoException) => {
        throw new UserError(`${source}: cannot write to the folder ${current} (${error.code ?? 'no permission'})`, { file: current });
      });
      return;
    }
    if (dirname(current) === current) return;
  }
}
