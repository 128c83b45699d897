import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { requireFile } from '../input/require-file.ts';
import { EarlierIndex } from './earlier-index.ts';
import { findDuplicates, type Removal } from './find-duplicates.ts';
import { fingerprintFile, readEarlierFile } from './read-earlier-file.ts';
import { readPromptRows } from './read-prompt-rows.ts';
import { writePartialFile, type PartialFile } from './write-lines-atomically.ts';

export interface DedupeFilesOptions {
  input: string;
  output: string;
  threshold: number;
  against: string[];
  report?: string;
  /** Index file: a cache of the --against files, and where --remember adds survivors. */
  index: string;
  /**
   * Whether the user named the index. Only then is everything in it earlier data; the
   * default index next to --out lends only its copies of the --against files, so a
   * later dedupe in the same folder is never deduped against data it did not ask for.
   */
  indexNamed: boolean;
  /** Add the survivors to the index (as source = output file name) for the next version. */
  remember: boolean;
  signal?: AbortSignal;
  /** Told once the input is read, before the long part starts. */
  onRead?: (count: number) => void;
}

export interface DedupeFilesSummary {
  total: number;
  kept: number;
  exact: number;
  near: number;
  againstEarlier: number;
  earlierPrompts: number;
  /** Pairs of very long prompts too costly to compare: both were kept. */
  pairsUndecided: number;
  indexSaved: boolean;
}

/**
 * The dedupe command's work: read, dedupe against the index, write survivors and report.
 * Output, report and index are written beside their targets and renamed into place
 * together at the end, so an interrupted dedupe leaves every file as it was.
 */
export async function dedupeFiles(options: DedupeFilesOptions): Promise<DedupeFilesSummary> {
  const { signal } = options;
  for (const file of [options.input, ...options.against]) await requireFile(file);
  const { items, lines } = await untilAborted(readPromptRows(options.input), signal);
  options.onRead?.(items.length);
  const ownSource = path.basename(options.output);
  const againstSources = new Set(options.against.map((file) => path.basename(file)));
  let index = existsSync(options.index) ? await untilAborted(EarlierIndex.load(options.index), signal) : null;
  let indexChanged = false;
  // The dataset's own earlier run is replaced, never deduped against.
  if (index?.findSource(ownSource)) {
    index.removeSource(ownSource);
    indexChanged = true;
  }
  const unasked = index && !options.indexNamed ? index.setAside((source) => againstSources.has(source)) : null;
  for (const file of options.against) {
    const source = path.basename(file);
    const fingerprint = await fingerprintFile(file);
    if (index?.findSource(source)?.fingerprint === fingerprint) continue;
    const earlierItems = await untilAborted(readEarlierFile(file), signal);
    if (!index) index = await EarlierIndex.build({ items: earlierItems, source, fingerprint, signal });
    else {
      index.removeSource(source);
      await index.add({ items: earlierItems, source, fingerprint, signal });
    }
    indexChanged = true;
  }
  const earlierPrompts = index?.size ?? 0;
  const commonBefore = index?.common;
  const result = await findDuplicates({ items, threshold: options.threshold, against: index && index.size > 0 ? index : undefined, signal });
  if (index && index.common !== commonBefore) indexChanged = true;

  const keptIds = new Set(result.keptIds);
  const keptLines = new Set<number>();
  items.forEach((item, position) => {
    if (keptIds.has(item.id)) keptLines.add(lines[position]);
  });
  if (options.remember) {
    const survivors = items.filter((item) => keptIds.has(item.id));
    if (!index) index = await EarlierIndex.build({ items: survivors, source: ownSource, signal });
    else await index.add({ items: survivors, source: ownSource, signal });
    indexChanged = true;
  }
  if (index && unasked && unasked.size > 0 && indexChanged) await index.restore(unasked, { signal });
  const indexSaved = Boolean(index && indexChanged && (index.size > 0 || existsSync(options.index)));

  const partials: PartialFile[] = [];
  try {
    partials.push(await writePartialFile(options.output, keptLinesOf({ file: options.input, keep: keptLines }), { signal }));
    if (options.report) partials.push(await writePartialFile(options.report, result.removals.map((removal: Removal) => JSON.stringify(removal)), { signal }));
    if (index && indexSaved) partials.push(await index.savePartial(options.index, { signal }));
    signal?.throwIfAborted();
  } catch (error) {
    await Promise.all(partials.map((partial) => partial.discard()));
    throw error;
  }
  for (const partial of partials) await partial.commit();
  return {
    total: items.length,
    kept: result.keptIds.length,
    exact: result.removals.filter((removal) => removal.kind === 'exact' && removal.against === null).length,
    near: result.removals.filter((removal) => removal.kind === 'near' && removal.against === null).length,
    againstEarlier: result.removals.filter((removal) => removal.against !== null).length,
    earlierPrompts,
    pairsUndecided: result.stats.pairsUndecided,
    indexSaved,
  };
}

async function* keptLinesOf(options: { file: string; keep: Set<number> }): AsyncGenerator<string> {
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(options.file, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    lineNumber++;
    if (options.keep.has(lineNumber)) yield line;
  }
}

/** Settles with `work`, or rejects as soon as the signal aborts (reading a big file would otherwise run to its end first). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
