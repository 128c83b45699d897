import { normalisePrompt } from '../text/normalise.ts';
import { findCandidatePairs, PAIR_BASE } from './candidate-pairs.ts';
import { DuplicateIdError } from './duplicate-id-error.ts';
import { boundedEditDistance } from './bounded-edit-distance.ts';
import { editDistanceWithin } from './edit-distance-within.ts';
import type { EarlierIndex } from './earlier-index.ts';
import { DEFAULT_LSH_PARAMETERS, type LshParameters } from './lsh-parameters.ts';
import { createSketcher } from './minhash.ts';
import { fillHistogram, histogramDistanceBound, HISTOGRAM_BINS } from './character-histograms.ts';
import { findCommonShingles, type CommonShingles } from './common-shingles.ts';
import { sortInSlices } from './sort-in-slices.ts';
import { WorkSlicer } from './work-slicer.ts';

/**
 * Longer pairs are compared in a band around the diagonal, in slices and within a budget
 * (see bounded-edit-distance.ts); shorter ones by diagonal transition up to the distance
 * that could still matter (edit-distance-within.ts), well under a millisecond a pair.
 */
export const LONG_PROMPT_CHARACTERS = 4096;

export interface DedupeItem {
  id: string;
  prompt: string;
}

export interface Removal {
  removed_id: string;
  kept_id: string;
  /** Verified edit similarity to the kept prompt (1 for exact duplicates). */
  similarity: number;
  kind: 'exact' | 'near';
  /** Source name of the earlier data the kept prompt belongs to; null when it is in this set. */
  against: string | null;
}

export interface DedupeStats {
  candidatePairs: number;
  /** Meetings of pairs in a bucket ruled out by the character-histogram bound, without computing a distance (a pair that meets in several bands may count more than once). */
  pairsBounded: number;
  pairsVerified: number;
  /** Pairs of very long prompts whose distance could not be settled within the per-pair budget: both were kept. */
  pairsUndecided: number;
  largestBucket: number;
}

export interface DedupeResult {
  /** Survivors' ids, in input order. */
  keptIds: string[];
  /** One per removed prompt, ordered by removed id. */
  removals: Removal[];
  stats: DedupeStats;
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Removes exact and near duplicates. Prompts are visited in ascending id order (code-unit
 * order) and one is removed when it equals or is within `threshold` edit similarity of an
 * earlier-data prompt or of a prompt already kept, so the same set of prompts keeps the
 * same survivors whatever order it comes in. Candidates come from MinHash LSH; every
 * near removal is backed by a computed edit similarity, never by the sketch alone. The
 * work pauses for the event loop every few milliseconds and stops when `signal` aborts.
 */
export async function findDuplicates(options: {
  items: DedupeItem[];
  threshold: number;
  against?: EarlierIndex;
  parameters?: LshParameters;
  /** Stops the work (it rejects with the signal's reason) within a few milliseconds of an abort. */
  signal?: AbortSignal;
}): Promise<DedupeResult> {
  const { items, threshold, against } = options;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  const slicer = new WorkSlicer({ signal: options.signal });
  const parameters = against?.parameters ?? options.parameters ?? DEFAULT_LSH_PARAMETERS;
  const bands = parameters.bands;
  let sketchCommon: CommonShingles;

  const order = await sortInSlices({
    positions: Int32Array.from({ length: items.length }, (_, position) => position),
    compare: (a, b) => compareIds(items[a].id, items[b].id),
    slicer,
  });
  for (let k = 1; k < order.length; k++) {
    if (items[order[k]].id === items[order[k - 1]].id) throw new DuplicateIdError(items[order[k]].id);
  }

  const firstNew = against?.size ?? 0;
  const total = firstNew + order.length;
  const texts: string[] = new Array(total);
  const lengths = new Int32Array(total);
  const active = new Uint8Array(total);
  for (let position = 0; position < firstNew; position++) {
    texts[position] = against!.normalised[position];
    lengths[position] = texts[position].length;
    active[position] = 1;
  }
  const idAt = (position: number): string =>
    position < firstNew ? against!.ids[position] : items[order[position - firstNew]].id;
  const sourceAt = (position: number): string | null => (position < firstNew ? against!.sourceName(position) : null);

  // Removal target per prompt; -1 while kept. Exact twins point at their representative.
  const removedBy = new Int32Array(total).fill(-1);
  const similarityOf = new Float64Array(total);
  const exactWithin = new Map<string, number>();
  for (let k = 0; k < order.length; k++) {
    const position = firstNew + k;
    const prompt = items[order[k]].prompt;
    if (slicer.due(1 + (prompt.length >> 6))) await slicer.pause();
    const text = normalisePrompt(prompt);
    texts[position] = text;
    lengths[position] = text.length;
    const earlier = against ? against.findExact(text) : -1;
    if (earlier >= 0) {
      removedBy[position] = earlier;
      similarityOf[position] = 1;
      continue;
    }
    const representative = exactWithin.get(text);
    if (representative !== undefined) {
      removedBy[position] = representative;
      similarityOf[position] = 1;
      continue;
    }
    exactWithin.set(text, position);
    active[position] = 1;
  }
  exactWithin.clear();

  // A large index keeps its statistics (and its stored band keys); a small one is
  // re-sketched with statistics from everything, so a big new set stays fast.
  if (!against || against.size < order.length) {
    const common = await findCommonShingles({ texts, include: active, parameters, slicer });
    await against?.resketch(common, slicer);
    sketchCommon = common;
  } else {
    sketchCommon = against.common;
  }
  const bandKeys = new Uint32Array(total * bands);
  if (against) bandKeys.set(against.bandKeys);
  const sketcher = createSketcher({ parameters, common: sketchCommon });
  const histograms = new Uint8Array(total * HISTOGRAM_BINS);
  for (let position = 0; position < total; position++) {
    if (!active[position]) continue;
    if (position >= firstNew) sketcher.bandKeys({ normalised: texts[position], out: bandKeys, offset: position * bands });
    fillHistogram({ text: texts[position], out: histograms, offset: position * HISTOGRAM_BINS });
    if (slicer.due(8 + (lengths[position] >> 2))) await slicer.pause();
  }
  const { pairs, largestBucket, pairsBounded } = await findCandidatePairs({ bandKeys, bands, lengths, histograms, active, firstNew, threshold, slicer });

  let pairsVerified = 0;
  let pairsUndecided = 0;
  let cursor = 0;
  while (cursor < pairs.length) {
    const later = Math.floor(pairs[cursor] / PAIR_BASE);
    let bestEarlier = -1;
    let bestEarlierSimilarity = -1;
    let bestKept = -1;
    let bestKeptSimilarity = -1;
    for (; cursor < pairs.length && Math.floor(pairs[cursor] / PAIR_BASE) === later; cursor++) {
      const other = pairs[cursor] % PAIR_BASE;
      if (!active[later] || removedBy[other] >= 0) continue;
      // Earlier data comes first in the pairs and wins over this set: once it matched, kept prompts cannot change the outcome.
      if (other >= firstNew && bestEarlier >= 0) continue;
      pairsVerified++;
      const longest = Math.max(lengths[later], lengths[other]);
      let similarity: number;
      if (longest <= LONG_PROMPT_CHARACTERS) {
        // Only a distance that reaches the threshold and beats the best match so far matters, so the
        // distance is computed only that far (+1 absorbs rounding); the similarity of one that gets
        // there is computed exactly as editSimilarity does, so the outcome is the full distance's.
        const best = other < firstNew ? bestEarlierSimilarity : bestKeptSimilarity;
        const distance = editDistanceWithin(texts[later], texts[other], Math.floor((1 - Math.max(threshold, best)) * longest) + 1);
        similarity = longest === 0 ? 1 : 1 - distance / longest;
        if (slicer.due(1 + (longest >> 4))) await slicer.pause();
      } else {
        const distance = await boundedEditDistance({ a: texts[later], b: texts[other], maxDistance: Math.floor((1 - threshold) * longest) + 1, slicer });
        if (distance.kind === 'undecided') pairsUndecided++;
        if (distance.kind !== 'within') continue;
        similarity = 1 - distance.distance / longest;
      }
      if (similarity < threshold) continue;
      if (other < firstNew) {
        if (similarity > bestEarlierSimilarity) [bestEarlier, bestEarlierSimilarity] = [other, similarity];
      } else if (similarity > bestKeptSimilarity) {
        [bestKept, bestKeptSimilarity] = [other, similarity];
      }
    }
    // Earlier data wins over this set: a prompt seen before is attributed to where it was seen.
    if (bestEarlier >= 0) [removedBy[later], similarityOf[later]] = [bestEarlier, bestEarlierSimilarity];
    else if (bestKept >= 0) [removedBy[later], similarityOf[later]] = [bestKept, bestKeptSimilarity];
  }

  const removals: Removal[] = [];
  const kept = new Uint8Array(order.length);
  for (let position = firstNew; position < total; position++) {
    if (slicer.due()) await slicer.pause();
    let target = removedBy[position];
    if (target < 0) {
      kept[order[position - firstNew]] = 1;
      continue;
    }
    let similarity = similarityOf[position];
    let kind: Removal['kind'] = similarity === 1 && texts[target] === texts[position] ? 'exact' : 'near';
    // A twin whose representative was itself removed follows it to the prompt that stayed.
    if (target >= firstNew && removedBy[target] >= 0) {
      similarity = similarityOf[target];
      kind = texts[removedBy[target]] === texts[position] ? 'exact' : 'near';
      target = removedBy[target];
    }
    removals.push({ removed_id: idAt(position), kept_id: idAt(target), similarity, kind, against: sourceAt(target) });
  }
  return {
    keptIds: items.filter((_, position) => kept[position]).map((item) => item.id),
    removals,
    stats: { candidatePairs: pairs.length, pairsBounded, pairsVerified, pairsUndecided, largestBucket },
  };
}
