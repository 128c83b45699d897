import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { WorkSlicer } from './work-slicer.ts';

export interface PartialFile {
  /** Renames the finished file into place. */
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Writes lines to a hidden sibling of `file` and renames it into place once complete,
 * so a reader (or a rerun after Ctrl-C) finds the old file or the whole new one, never
 * half of it. Pauses for the event loop as it goes and stops, removing the partial
 * file, when the signal is aborted.
 */
export async function writeLinesAtomically(file: string, lines: Iterable<string> | AsyncIterable<string>, options: { signal?: AbortSignal } = {}): Promise<void> {
  const partial = await writePartialFile(file, lines, options);
  await partial.commit();
}

/** The first half of writeLinesAtomically: several files can be written this way and then renamed into place together. */
export async function writePartialFile(file: string, lines: Iterable<string> | AsyncIterable<string>, options: { signal?: AbortSignal } = {}): Promise<PartialFile> {
  const slicer = new WorkSlicer({ signal: options.signal });
  const partial = `${file}.partial-${randomBytes(4).toString('hex')}`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {});
  try {
    for await (const line of lines) {
      if (!out.write(line + '\n')) await Promise.race([once(out, 'drain'), failed]);
      if (slicer.due(1 + (line.length >> 6))) await slicer.pause();
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
    options.signal?.throwIfAborted();
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  return {
    commit: () => rename(partial, file),
    discard: () => rm(partial, { force: true }),
  };
}
