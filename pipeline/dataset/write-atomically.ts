import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join, basename } from 'node:path';

/**
 * Writes a folder of files so that readers see the old folder or the new one, never
 * a half-written mix: everything goes to a hidden sibling first, then one rename
 * swaps it in. An interrupted write leaves only the hidden sibling, which the next
 * write of the same folder clears.
 */
export async function writeFolderAtomically(target: string, files: Record<string, string>): Promise<void> {
  const parent = dirname(target);
  const name = basename(target);
  const suffix = randomBytes(4).toString('hex');
  const staging = join(parent, `.${name}.partial-${suffix}`);
  const retired = join(parent, `.${name}.old-${suffix}`);
  await mkdir(parent, { recursive: true });
  await removeLeftovers(parent, name);
  await mkdir(staging);
  try {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(staging, path)), { recursive: true });
      await writeFile(join(staging, path), content);
    }
    const hadOld = await rename(target, retired).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await rename(staging, target);
    if (hadOld) await rm(retired, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Clears what an interrupted earlier write of the same folder left behind. */
async function removeLeftovers(parent: string, name: string): Promise<void> {
  const leftovers = (await readdir(parent)).filter((entry) => entry.startsWith(`.${name}.partial-`) || entry.startsWith(`.${name}.old-`));
  await Promise.all(leftovers.map((entry) => rm(join(parent, entry), { recursive: true, force: true })));
}

/** Writes one file via a temp file and a rename. */
export async function writeFileAtomically(target: string, content: string): Promise<void> {
  const temporary = `${target}.partial-${randomBytes(4).toString('hex')}`;
  await mkdir(dirname(target), { recursive: true });
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export function toJsonl(rows: readonly unknown[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length > 0 ? '\n' : '');
}
