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
  const keptPositions: number[] = [];
  const removedIds: string[] = [];
  for (let position = 0; position < sorted.length; position++) {
    const text = texts[position];
    const duplicate = keptPositions.some(
      (kept) =>
        texts[kept] === text ||
        (lengthBound(texts[kept].length, text.length) >= options.threshold &&
          editSimilarity(texts[kept], text) >= options.threshold),
    );
    if (duplicate) removedIds.push(sorted[position].id);
    else keptPositions.push(position);
  }
  const keptSet = new Set(keptPositions.map((position) => sorted[position].id));
  return { keptIds: options.items.filter((item) => keptSet.has(item.id)).map((item) => item.id), removedIds };
}
