import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../../pipeline/dataset/write-atomically.ts';

/** The file in `<output>/<name>/` that names the newest version folder. */
export const LATEST_POINTER = 'LATEST';

const VERSION_PATTERN = /^v\d{8}T\d{6}Z$/;

/** A version is named for the time its refresh was scheduled to fire, so a retried refresh writes the same version. */
export function versionName(fireTimeMs: number): string {
  return `v${new Date(fireTimeMs).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')}`;
}

/** Version folders under a dataset's root, oldest first. */
export async function listVersions(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory() && VERSION_PATTERN.test(entry.name)).map((entry) => entry.name).sort();
}

export async function readLatest(root: string): Promise<string | null> {
  try {
    const name = (await readFile(join(root, LATEST_POINTER), 'utf8')).trim();
    return VERSION_PATTERN.test(name) ? name : null;
  } catch {
    return null;
  }
}

/** Points LATEST at a version, atomically, once that version's folder is complete. */
export async function writeLatest(root: string, version: string): Promise<void> {
  await writeFileAtomically(join(root, LATEST_POINTER), `${version}\n`);
}
