import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join, basename } from 'node:path';
import { isRunningHere, thisHost } from './process-identity.ts';

/**
 * A file's text: one string, or its pieces in order. Pieces are written as they come, so a
 * large file is never held whole in one string, and the event loop runs between them.
 */
export type FileContent = string | Iterable<string> | AsyncIterable<string>;

export interface WriteFolderOptions {
  /**
   * Keeps the folder being replaced instead of deleting it: given its path, returns a
   * path on the same file system, not yet taken, to move it to.
   */
  keepReplaced?: (replaced: string) => Promise<string>;
  /** Stops the write between pieces (Ctrl-C, SIGTERM): the temp folder is removed and the folder in place left as it was. */
  signal?: AbortSignal;
}

export interface WriteFolderResult {
  /** Where replaced folders were moved (with `keepReplaced`); empty when nothing was replaced. */
  kept: string[];
}

// The rename of the new folder fails this way when another writer put its folder in place first.
const TAKEN = new Set(['ENOTEMPTY', 'EEXIST']);
const MAX_SWAPS = 20;
// Leftovers of another machine (a shared output folder) cannot be checked for a live writer; past this age they are taken as dead.
const FOREIGN_LEFTOVER_AGE_MS = 24 * 3600_000;

/**
 * Writes a folder of files so that readers see the old folder or the new one, never
 * a half-written mix: everything goes to a hidden sibling first, then one rename
 * swaps it in. Each writer's hidden folders carry its pid and host, so writers of the
 * same folder at once never clear each other's; the last to swap in wins and both
 * succeed. An interrupted write leaves a hidden sibling, which a later write clears
 * once its writer is no longer running.
 */
export async function writeFolderAtomically(target: string, files: Record<string, FileContent>, options: WriteFolderOptions = {}): Promise<WriteFolderResult> {
  const parent = dirname(target);
  const name = basename(target);
  const tag = writerTag();
  const staging = join(parent, `.${name}.partial-${tag}`);
  await mkdir(parent, { recursive: true });
  await removeLeftovers(parent, name);
  await mkdir(staging);
  try {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(staging, path)), { recursive: true });
      await writeContent(join(staging, path), content, options.signal);
    }
    // Past this point the swap runs to the end, so the folder is never left moved aside.
    options.signal?.throwIfAborted();
    return await swapIn({ staging, target, retired: join(parent, `.${name}.old-${tag}`), keepReplaced: options.keepReplaced });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function writeContent(path: string, content: FileContent, signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  if (typeof content === 'string') return writeFile(path, content);
  const file = await open(path, 'wx');
  try {
    for await (const piece of content) {
      signal?.throwIfAborted();
      // Each piece is encoded and written on its own: a few milliseconds of work, then the event loop runs during the write.
      const bytes = Buffer.from(piece, 'utf8');
      for (let offset = 0; offset < bytes.length; ) offset += (await file.write(bytes, offset)).bytesWritten;
    }
  } finally {
    await file.close();
  }
}

async function swapIn(options: { staging: string; target: string; retired: string; keepReplaced?: (replaced: string) => Promise<string> }): Promise<WriteFolderResult> {
  const { staging, target, retired, keepReplaced } = options;
  const kept: string[] = [];
  for (let swap = 1; ; swap += 1) {
    const moved = await moveAside(target, keepReplaced ?? (async () => retired));
    try {
      await rename(staging, target);
    } catch (error) {
      if (moved && !keepReplaced) await rm(moved, { recursive: true, force: true });
      if (moved && keepReplaced) kept.push(moved);
      if (TAKEN.has((error as NodeJS.ErrnoException).code ?? '') && swap < MAX_SWAPS) continue;
      throw error;
    }
    if (moved && !keepReplaced) await rm(moved, { recursive: true, force: true });
    if (moved && keepReplaced) kept.push(moved);
    return { kept };
  }
}

/** Moves the current folder out of the way; null when there is none. */
async function moveAside(target: string, destinationFor: (replaced: string) => Promise<string>): Promise<string | null> {
  for (let tries = 1; ; tries += 1) {
    if (!(await stat(target).then(() => true, () => false))) return null;
    const destination = await destinationFor(target);
    await mkdir(dirname(destination), { recursive: true });
    try {
      await rename(target, destination);
      return destination;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'ENOENT') return null;
      // Another writer took that destination name in between: ask for another.
      if (TAKEN.has(code) && tries < MAX_SWAPS) continue;
      throw error;
    }
  }
}

/** pid, a random part and the host: unique per write, and telling whose it is. */
function writerTag(): string {
  return `${process.pid}-${randomBytes(4).toString('hex')}@${thisHost()}`;
}

/** Clears what interrupted earlier writes of the same folder left behind, never a live writer's folders. */
async function removeLeftovers(parent: string, name: string): Promise<void> {
  const prefixes = [`.${name}.partial-`, `.${name}.old-`];
  const entries = await readdir(parent);
  await Promise.all(
    entries.map(async (entry) => {
      const prefix = prefixes.find((candidate) => entry.startsWith(candidate));
      if (!prefix) return;
      const path = join(parent, entry);
      if (await isAbandoned(path, entry.slice(prefix.length))) await rm(path, { recursive: true, force: true });
    }),
  );
}

async function isAbandoned(path: string, tag: string): Promise<boolean> {
  const match = /^(\d+)-[0-9a-f]+@(.+)$/.exec(tag);
  // A name without a writer's pid and host comes from an older version of this writer.
  if (!match) return true;
  if (match[2] === thisHost()) return !isRunningHere(Number(match[1]));
  const modified = await stat(path).then((info) => info.mtimeMs, () => null);
  return modified !== null && Date.now() - modified > FOREIGN_LEFTOVER_AGE_MS;
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
