import { normalisePrompt } from '../text/normalise.ts';
import { editSimilarity, lengthBound } from './edit-similarity.ts';
import type { DedupeItem } from './find-duplicates.ts';

/**
 * The reference dedupe: the same greedy rule as findDuplicates, but every prompt is
 * compared with every kept one. Quadratic; for measuring recall on samples and for tests.
 */
export function findDuplicatesExhaustively(options: { items: DedupeItem[]; threshold: number }): {
  keptIds: string[];
  removedIds: string[];
} {
  const sorted = [...options.items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const texts = sorted.map((item) => normalisePrompt(item.prompt));
  const histograms = texts.map(histogramOf);
  const keptPositions: number[] = [];
  const removedIds: string[] = [];
  for (let position = 0; position < sorted.length; position++) {
    const text = texts[position];
    const duplicate = keptPositions.some(
      (kept) =>
        texts[kept] === text ||
        (lengthBound(texts[kept].length, text.length) >= options.threshold &&
          histogramBound(histograms[kept], histograms[position], Math.max(texts[kept].length, text.length)) >= options.threshold &&
          editSimilarity(texts[kept], text) >= options.threshold),
    );
    if (duplicate) removedIds.push(sorted[position].id);
    else keptPositions.push(position);
  }
  const keptSet = new Set(keptPositions.map((position) => sorted[position].id));
  return { keptIds: options.items.filter((item) => keptSet.has(item.id)).map((item) => item.id), removedIds };
}

const BUCKETS = 64;

/** Character counts, folded into 64 buckets by code. */
function histogramOf(text: string): Int32Array {
  const counts = new Int32Array(BUCKETS);
  for (let index = 0; index < text.length; index++) counts[text.charCodeAt(index) & (BUCKETS - 1)] += 1;
  return counts;
}

/**
 * The best similarity two strings with these character counts can reach: an edit changes the
 * counts' L1 distance by at most 2, so the edit distance is at least half of it (folding codes
 * together only lowers the bound). A cheap exact skip, independent of the pipeline's own.
 */
function histogramBound(a: Int32Array, b: Int32Array, longest: number): number {
  if (longest === 0) return 1;
  let l1 = 0;
  for (let bucket = 0; bucket < BUCKETS; bucket++) l1 += Math.abs(a[bucket] - b[bucket]);
  return 1 - Math.ceil(l1 / 2) / longest;
}
