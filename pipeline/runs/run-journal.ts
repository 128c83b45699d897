import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageMeter, type RoleUsage } from '../models/usage-meter.ts';
import { versionChanges, type AnswerVersions } from './answer-versions.ts';

interface JournalHeader {
  journal: 'scarecrow-run';
  fingerprint: string;
  /** The versions it was made under, so a journal set aside can say what changed; absent in journals of older versions. */
  versions?: AnswerVersions;
}

/** An earlier run's journal that does not match this run, so none of it is reused. */
export interface IgnoredJournal {
  /** Results it held. */
  results: number;
  /** What differs in the versions it was made under (`judge template judge-v1 -> judge-v2`); empty when only the config or seeds differ, or it does not say. */
  changes: string[];
}

/** A stage result and what its model calls used, so a rerun that reuses it still counts what it cost. */
interface ResultLine {
  id: string;
  value: unknown;
  usage?: Record<string, RoleUsage>;
}

/** Calls paid for whose result was not kept (the work failed or was stopped); a rerun makes them again. */
interface LostLine {
  lost: Record<string, RoleUsage>;
}

interface Entry {
  value: unknown;
  usage: Record<string, RoleUsage>;
}

/**
 * What an in-process run has already paid for. Each stage result is appended, with its
 * usage, as soon as it exists, so a run stopped by Ctrl-C, a crash or a dead endpoint
 * can be started again with the same config and only make the calls still missing.
 * A journal written under another fingerprint (config, seeds, or the versions that make
 * the answers) is ignored and replaced; a finished run deletes its journal.
 */
export class RunJournal {
  private readonly stream: WriteStream;
  private readonly resumed = new UsageMeter();
  private reusedCount = 0;
  private readonly earlierCount: number;
  private closing: Promise<void> | null = null;

  private constructor(
    readonly file: string,
    private readonly entries: Map<string, Entry>,
    private readonly earlierLost: UsageMeter,
    private readonly meter: UsageMeter,
    private readonly stopped: AbortSignal | undefined,
    stream: WriteStream,
    /** The journal found and set aside because it belongs to another config, seeds or version; null when there was none. */
    readonly ignored: IgnoredJournal | null,
  ) {
    this.stream = stream;
    this.earlierCount = entries.size;
  }

  /**
   * `meter` counts this run's usage: the calls made now, and those behind every result reused. `stopped` is the run's
   * stop signal. `versions` are recorded with the fingerprint, so a later run of another version can say what changed.
   */
  static async open(options: { file: string; fingerprint: string; versions?: AnswerVersions; meter: UsageMeter; stopped?: AbortSignal }): Promise<RunJournal> {
    const found = await readJournal(options.file, options.fingerprint);
    const earlier = found && 'entries' in found ? found : null;
    const ignored = found && 'header' in found ? { results: found.results, changes: found.header?.versions && options.versions ? versionChanges(found.header.versions, options.versions) : [] } : null;
    await mkdir(dirname(options.file), { recursive: true });
    const stream = createWriteStream(options.file, { flags: earlier ? 'a' : 'w' });
    if (!earlier) stream.write(JSON.stringify({ journal: 'scarecrow-run', fingerprint: options.fingerprint, versions: options.versions } satisfies JournalHeader) + '\n');
    return new RunJournal(options.file, earlier?.entries ?? new Map(), earlier?.lost ?? new UsageMeter(), options.meter, options.stopped, stream, ignored);
  }

  /** Results found from an earlier, unfinished run of the same config. */
  get available(): number {
    return this.earlierCount;
  }

  /** Results reused so far instead of calling a model again. */
  get reused(): number {
    return this.reusedCount;
  }

  /** Results in the journal now, earlier ones and this run's: what a rerun would reuse. */
  get kept(): number {
    return this.entries.size;
  }

  /** Usage behind the results reused, paid for by earlier runs (and counted in the meter). */
  resumedUsage(): Record<string, RoleUsage> {
    return this.resumed.snapshot();
  }

  /** Calls earlier, stopped runs paid for whose results were not kept (not counted in the meter). */
  lostUsage(): Record<string, RoleUsage> {
    return this.earlierLost.snapshot();
  }

  /** The recorded result of this stage for this item, or `work`'s, recorded. Failures are not recorded, so a rerun tries them again. */
  async remember<T>(stage: string, key: string, work: () => Promise<T>): Promise<T> {
    const id = `${stage}\u241f${key}`;
    const entry = this.entries.get(id);
    if (entry) {
      this.reusedCount += 1;
      this.meter.merge(entry.usage);
      this.resumed.merge(entry.usage);
      return entry.value as T;
    }
    const measured = await this.meter.measure(work, { stopped: this.stopped });
    if (!measured.ok) {
      if (Object.keys(measured.usage).length > 0) this.stream.write(JSON.stringify({ lost: measured.usage } satisfies LostLine) + '\n');
      throw measured.error;
    }
    this.entries.set(id, { value: measured.value, usage: measured.usage });
    this.stream.write(JSON.stringify({ id, value: measured.value, usage: measured.usage } satisfies ResultLine) + '\n');
    return measured.value;
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

type FoundJournal = { entries: Map<string, Entry>; lost: UsageMeter } | { header: JournalHeader | null; results: number };

/** The journal's entries when it matches `fingerprint`; what it was, when it does not; null when there is none. */
async function readJournal(file: string, fingerprint: string): Promise<FoundJournal | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  let header: JournalHeader | null = null;
  try {
    header = JSON.parse(lines[0] ?? '') as JournalHeader;
  } catch {
    // Not a journal this version can read: set aside like one of another version.
  }
  if (header?.journal !== 'scarecrow-run' || header.fingerprint !== fingerprint) {
    const results = lines.slice(1).filter((line) => line.startsWith('{"id":')).length;
    return { header: header?.journal === 'scarecrow-run' ? header : null, results };
  }
  const entries = new Map<string, Entry>();
  const lost = new UsageMeter();
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    try {
      const parsed = JSON.parse(line) as ResultLine | LostLine;
      if ('lost' in parsed) lost.merge(parsed.lost);
      else entries.set(parsed.id, { value: parsed.value, usage: parsed.usage ?? {} });
    } catch {
      // The last line of a run killed mid-write; that result is simply made again.
    }
  }
  return { entries, lost };
}
