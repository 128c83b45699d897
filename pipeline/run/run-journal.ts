import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

interface JournalHeader {
  journal: 'scarecrow-run';
  fingerprint: string;
}

/**
 * What an in-process run has already paid for. Each stage result is appended as soon as
 * it exists, so a run stopped by Ctrl-C, a crash or a dead endpoint can be started again
 * with the same config and only make the calls still missing. A journal written under
 * another config is ignored and replaced; a finished run deletes its journal.
 */
export class RunJournal {
  private readonly stream: WriteStream;
  private reusedCount = 0;
  private closing: Promise<void> | null = null;

  private constructor(
    readonly file: string,
    private readonly entries: Map<string, unknown>,
    stream: WriteStream,
  ) {
    this.stream = stream;
  }

  static async open(options: { file: string; fingerprint: string }): Promise<RunJournal> {
    const entries = await readEntries(options.file, options.fingerprint);
    await mkdir(dirname(options.file), { recursive: true });
    const stream = createWriteStream(options.file, { flags: entries ? 'a' : 'w' });
    if (!entries) stream.write(JSON.stringify({ journal: 'scarecrow-run', fingerprint: options.fingerprint } satisfies JournalHeader) + '\n');
    return new RunJournal(options.file, entries ?? new Map(), stream);
  }

  /** Results found from an earlier, unfinished run of the same config. */
  get available(): number {
    return this.entries.size;
  }

  /** Results reused so far instead of calling a model again. */
  get reused(): number {
    return this.reusedCount;
  }

  /** The recorded result of this stage for this item, or `work`'s, recorded. Failures are not recorded, so a rerun tries them again. */
  async remember<T>(stage: string, key: string, work: () => Promise<T>): Promise<T> {
    const id = `${stage}\u241f${key}`;
    if (this.entries.has(id)) {
      this.reusedCount += 1;
      return this.entries.get(id) as T;
    }
    const value = await work();
    this.entries.set(id, value);
    this.stream.write(JSON.stringify({ id, value }) + '\n');
    return value;
  }

  close(): Promise<void> {
    return (this.closing ??= new Promise<void>((resolve) => this.stream.end(resolve)));
  }

  /** The run finished: nothing is left to resume. */
  async discard(): Promise<void> {
    await this.close();
    await rm(this.file, { force: true });
  }
}

async function readEntries(file: string, fingerprint: string): Promise<Map<string, unknown> | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  try {
    const header = JSON.parse(lines[0] ?? '') as JournalHeader;
    if (header.journal !== 'scarecrow-run' || header.fingerprint !== fingerprint) return null;
  } catch {
    return null;
  }
  const entries = new Map<string, unknown>();
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    try {
      const { id, value } = JSON.parse(line) as { id: string; value: unknown };
      entries.set(id, value);
    } catch {
      // The last line of a run killed mid-write; that result is simply made again.
    }
  }
  return entries;
}
