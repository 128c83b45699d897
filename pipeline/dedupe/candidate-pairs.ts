import { lengthBound } from './edit-similarity.ts';
import { GrowableFloat64 } from './growable-float64.ts';

/** Pairs are packed as later * PAIR_BASE + earlier in one exact float64. */
export const PAIR_BASE = 2 ** 26;
export const MAX_INDEXED_PROMPTS = PAIR_BASE;

export interface CandidateSearch {
  /** Band keys, `bands` per prompt, prompt-major. */
  bandKeys: Uint32Array;
  bands: number;
  /** Normalised length of each prompt, for the length filter. */
  lengths: Int32Array;
  /** Prompts taking part (exact duplicates already removed do not). */
  active: Uint8Array;
  /** Prompts below this index are earlier data: pairs among them are never needed. */
  firstNew: number;
  threshold: number;
}

export interface CandidateResult {
  /** Sorted, unique packed pairs (later * PAIR_BASE + earlier). */
  pairs: Float64Array;
  largestBucket: number;
}

/**
 * Candidate pairs from LSH banding: prompts sharing any band key. Each band is sorted
 * as packed (key, index) floats so buckets are runs, with no per-bucket objects. Pairs
 * whose lengths alone rule out the threshold are never emitted.
 */
export function findCandidatePairs(search: CandidateSearch): CandidateResult {
  const { bandKeys, bands, lengths, active, firstNew, threshold } = search;
  const count = lengths.length;
  if (count > MAX_INDEXED_PROMPTS) throw new RangeError(`at most ${MAX_INDEXED_PROMPTS} prompts can be indexed at once`);
  const indexBits = Math.max(1, Math.ceil(Math.log2(count + 1)));
  const keyShift = Math.max(0, indexBits - 20);
  const indexScale = 2 ** indexBits;
  const activeCount = active.reduce((sum, flag) => sum + flag, 0);
  const packed = new Float64Array(activeCount);
  const pairs = new GrowableFloat64(count * 2);
  let members = new Int32Array(64);
  let largestBucket = 0;

  const emit = (a: number, b: number): void => {
    if (a < firstNew && b < firstNew) return;
    if (lengthBound(lengths[a], lengths[b]) < threshold) return;
    pairs.push(a > b ? a * PAIR_BASE + b : b * PAIR_BASE + a);
  };

  for (let band = 0; band < bands; band++) {
    let filled = 0;
    for (let i = 0; i < count; i++) {
      if (active[i]) packed[filled++] = (bandKeys[i * bands + band] >>> keyShift) * indexScale + i;
    }
    packed.sort();
    let start = 0;
    while (start < filled) {
      const key = Math.floor(packed[start] / indexScale);
      let end = start + 1;
      while (end < filled && Math.floor(packed[end] / indexScale) === key) end++;
      const size = end - start;
      if (size > 1) {
        if (members.length < size) members = new Int32Array(size * 2);
        for (let k = 0; k < size; k++) members[k] = packed[start + k] % indexScale;
        largestBucket = Math.max(largestBucket, size);
        emitBucket({ members, size, bandKeys, bands, band, lengths, threshold, emit });
      }
      start = end;
    }
  }
  const view = pairs.view().sort();
  let unique = 0;
  for (let k = 0; k < view.length; k++) {
    if (k === 0 || view[k] !== view[k - 1]) view[unique++] = view[k];
  }
  return { pairs: view.slice(0, unique), largestBucket };
}

function emitBucket(options: {
  members: Int32Array;
  size: number;
  bandKeys: Uint32Array;
  bands: number;
  band: number;
  lengths: Int32Array;
  threshold: number;
  emit: (a: number, b: number) => void;
}): void {
  const { members, size, bandKeys, bands, band, lengths, threshold, emit } = options;
  const bucket = Array.from(members.subarray(0, size));
  // Sorted by length, each prompt only meets the neighbours its length allows.
  bucket.sort((x, y) => lengths[x] - lengths[y] || x - y);
  for (let x = 0; x < size; x++) {
    const a = bucket[x];
    const keyA = bandKeys[a * bands + band];
    for (let y = x + 1; y < size; y++) {
      const b = bucket[y];
      if (lengthBound(lengths[a], lengths[b]) < threshold) break;
      // The packed key may be truncated for very large inputs; compare the full key.
      if (bandKeys[b * bands + band] === keyA) emit(a, b);
    }
  }
}
