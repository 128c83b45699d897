import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { requireFile } from '../loading/require-file.ts';
import { EarlierIndex } from './earlier-index.ts';
import { findDuplicates, type Removal } from './find-duplicates.ts';
import { fingerprintFile, readEarlierFile } from './read-earlier-file.ts';
import { readPromptRows } from './read-prompt-rows.ts';

export interface DedupeFilesOptions {
  input: string;
  output: string;
  threshold: number;
  against: string[];
  report?: string;
  /** Index of earlier data; loaded when it exists, saved when it changed. */
  index: string;
  /** Add the survivors to the index (as source = output file name) for the next version. */
  remember: boolean;
}

export interface DedupeFilesSummary {
  total: number;
  kept: number;
  exact: number;
  near: number;
  againstEarlier: number;
  earlierPrompts: number;
  indexSaved: boolean;
}

/** The dedupe command's work: read, dedupe against the index, write survivors and report. */
export async function dedupeFiles(options: DedupeFilesOptions): Promise<DedupeFilesSummary> {
  for (const file of [options.input, ...options.against]) await requireFile(file);
  const { items, lines } = await readPromptRows(options.input);
  const ownSource = path.basename(options.output);
  let index = existsSync(options.index) ? await EarlierIndex.load(options.index) : null;
  let indexChanged = false;
  // The dataset's own earlier run is replaced, never deduped against.
  if (index?.findSource(ownSource)) {
    index.removeSource(ownSource);
    indexChanged = true;
  }
  for (const file of options.against) {
    const source = path.basename(file);
    const fingerprint = await fingerprintFile(file);
    if (index?.findSource(source)?.fingerprint === fingerprint) continue;
    const earlierItems = await readEarlierFile(file);
    if (!index) index = EarlierIndex.build({ items: earlierItems, source, fingerprint });
    else {
      index.removeSource(source);
      index.add({ items: earlierItems, source, fingerprint });
    }
    indexChanged = true;
  }
  const earlierPrompts = index?.size ?? 0;
  const sizeBefore = index?.size ?? 0;
  const commonBefore = index?.common;
  const result = findDuplicates({ items, threshold: options.threshold, against: index && index.size > 0 ? index : undefined });
  if (index && index.common !== commonBefore) indexChanged = true;

  const keptLines = new Set<number>();
  const keptIds = new Set(result.keptIds);
  items.forEach((item, position) => {
    if (keptIds.has(item.id)) keptLines.add(lines[position]);
  });
  await copyLines({ input: options.input, output: options.output, keep: keptLines });
  if (options.report) await writeReport(options.report, result.removals);

  if (options.remember) {
    const survivors = items.filter((item) => keptIds.has(item.id));
    if (!index) index = EarlierIndex.build({ items: survivors, source: ownSource });
    else index.add({ items: survivors, source: ownSource });
    indexChanged = true;
  }
  const indexSaved = Boolean(index && indexChanged && (index.size > 0 || sizeBefore > 0));
  if (index && indexSaved) await index.save(options.index);
  return {
    total: items.length,
    kept: result.keptIds.length,
    exact: result.removals.filter((removal) => removal.kind === 'exact' && removal.against === null).length,
    near: result.removals.filter((removal) => removal.kind === 'near' && removal.against === null).length,
    againstEarlier: result.removals.filter((removal) => removal.against !== null).length,
    earlierPrompts,
    indexSaved,
  };
}

async function copyLines(options: { input: string; output: string; keep: Set<number> }): Promise<void> {
  const out = createWriteStream(options.output, { encoding: 'utf8' });
  let lineNumber = 0;
  for await (const line of createInterface({ input: createReadStream(options.input, { encoding: 'utf8' }), crlfDelay: Infinity })) {
    lineNumber++;
    if (options.keep.has(lineNumber) && !out.write(line + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function writeReport(file: string, removals: Removal[]): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  for (const removal of removals) {
    if (!out.write(JSON.stringify(removal) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
