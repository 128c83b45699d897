import { readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** Replaced datasets kept beside a dataset; beyond this many the oldest go, and the run says which. */
export const KEPT_DATASETS = 5;

/**
 * Where a rerun puts the dataset it replaces, with everything made from it since
 * (eval.json, report.html, exports/): `<dir>/<name>.previous/`.
 */
export function earlierDatasetsFolder(target: string): string {
  return `${target}.previous`;
}

/**
 * A new name in `<name>.previous/`, after the time the dataset is replaced, e.g.
 * `20261127T101500Z` (`-2`, `-3` for more in the same second), so names sort in the
 * order datasets were replaced; when each was made is in its own manifest.
 */
export async function keptPathFor(replaced: string, now = new Date()): Promise<string> {
  const folder = earlierDatasetsFolder(replaced);
  const time = stamp(now);
  const taken = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.split('-')[0] === time);
  const next = Math.max(0, ...taken.map((name) => Number(name.split('-')[1] ?? '1'))) + 1;
  return join(folder, next === 1 ? time : `${time}-${next}`);
}

/** Removes the oldest kept datasets beyond `keep`, never one in `protect`; returns the folders removed. */
export async function pruneKeptDatasets(target: string, options: { keep?: number; protect?: string[] } = {}): Promise<string[]> {
  const folder = earlierDatasetsFolder(target);
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const kept = entries.filter((entry) => entry.isDirectory()).map((entry) => join(folder, entry.name)).sort(byStamp);
  const protect = new Set(options.protect ?? []);
  const removable = kept.filter((path) => !protect.has(path));
  const removed = removable.slice(0, Math.max(0, kept.length - (options.keep ?? KEPT_DATASETS)));
  for (const path of removed) await rm(path, { recursive: true, force: true });
  return removed;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** Oldest first: by time, then by the number a same-second name got (`-2`, `-10`). */
function byStamp(a: string, b: string): number {
  const [timeA = '', numberA = '1'] = basename(a).split('-');
  const [timeB = '', numberB = '1'] = basename(b).split('-');
  return timeA < timeB ? -1 : timeA > timeB ? 1 : Number(numberA) - Number(numberB);
}
