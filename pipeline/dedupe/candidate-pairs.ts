import { histogramDistanceBound } from './character-histograms.ts';
import { lengthBound } from './edit-similarity.ts';
import { GrowableFloat64 } from './growable-float64.ts';
import type { WorkSlicer } from './work-slicer.ts';

/** Pairs are packed as later * PAIR_BASE + earlier in one exact float64. */
export const PAIR_BASE = 2 ** 26;
export const MAX_INDEXED_PROMPTS = PAIR_BASE;

export interface CandidateSearch {
  /** Band keys, `bands` per prompt, prompt-major. */
  bandKeys: Uint32Array;
  bands: number;
  /** Normalised length of each prompt, for the length filter. */
  lengths: Int32Array;
  /** Character histograms of each prompt (see character-histograms.ts), for the second filter. */
  histograms: Uint8Array;
  /** Prompts taking part (exact duplicates already removed do not). */
  active: Uint8Array;
  /** Prompts below this index are earlier data: pairs among them are never needed. */
  firstNew: number;
  threshold: number;
  slicer: WorkSlicer;
}

export interface CandidateResult {
  /** Unique packed pairs (later * PAIR_BASE + earlier), ascending. */
  pairs: Float64Array;
  largestBucket: number;
  /** Meetings of pairs in a bucket that the character histograms ruled out (a pair may be counted in more than one band). */
  pairsBounded: number;
}

/**
 * Candidate pairs from LSH banding: prompts sharing any band key. Each band is sorted
 * as packed (key, index) floats so buckets are runs, with no per-bucket objects. Pairs
 * whose lengths or character histograms alone rule out the threshold are never stored:
 * in a large corpus of shared templates they are most of the bucket pairs, and storing
 * them first was most of the dedupe's peak memory. A pair is stored in the first band it
 * meets in only: near-identical prompts share many bands, and the more a fixed phrase bank
 * writes, the larger their buckets, so meeting them again in every band they share grew
 * faster than the prompts (on 100,000 simulated rewrites, 5.4 million meetings of 2.5 million
 * pairs). Every test is about the pair, not the band, so the pairs found are the same.
 */
export async function findCandidatePairs(search: CandidateSearch): Promise<CandidateResult> {
  const { bandKeys, bands, lengths, histograms, active, firstNew, threshold, slicer } = search;
  const count = lengths.length;
  if (count > MAX_INDEXED_PROMPTS) throw new RangeError(`at most ${MAX_INDEXED_PROMPTS} prompts can be indexed at once`);
  const indexBits = Math.max(1, Math.ceil(Math.log2(count + 1)));
  const keyShift = Math.max(0, indexBits - 20);
  const indexScale = 2 ** indexBits;
  const truncated = keyShift > 0;
  const activeCount = active.reduce((sum, flag) => sum + flag, 0);
  const packed = new Float64Array(activeCount);
  const pairs = new GrowableFloat64(Math.max(1024, count));
  const scratch = new BucketScratch(bands);
  let largestBucket = 0;
  let pairsBounded = 0;

  for (let band = 0; band < bands; band++) {
    let filled = 0;
    for (let i = 0; i < count; i++) {
      if (active[i]) packed[filled++] = (bandKeys[i * bands + band] >>> keyShift) * indexScale + i;
    }
    packed.sort();
    if (slicer.due(filled >> 4)) await slicer.pause();
    let start = 0;
    while (start < filled) {
      const key = Math.floor(packed[start] / indexScale);
      let end = start + 1;
      while (end < filled && Math.floor(packed[end] / indexScale) === key) end++;
      const size = end - start;
      if (size > 1) {
        largestBucket = Math.max(largestBucket, size);
        // Sorted by length, each prompt only meets the neighbours its length allows.
        const bucket = scratch.gather({ packed, start, size, indexScale, search });
        const { members, firstKeys } = bucket;
        for (let x = 0; x < size; x++) {
          const a = members[x];
          const lengthA = bucket.lengths[x];
          for (let y = x + 1; y < size; y++) {
            const lengthB = bucket.lengths[y];
            if (lengthBound(lengthA, lengthB) < threshold) break;
            const b = members[y];
            // The packed key may be truncated for very large inputs; compare the full key.
            if ((truncated && bandKeys[b * bands + band] !== bandKeys[a * bands + band]) || (a < firstNew && b < firstNew)) continue;
            // Every test of a pair is about the pair, not the band, so a pair is decided in the first band
            // it meets in. Near-identical prompts share most bands, the first among them.
            if (band > 0 && firstKeys[x] === firstKeys[y]) continue;
            if (1 - histogramDistanceBound(histograms, a, b) / Math.max(lengthA, lengthB) < threshold) {
              pairsBounded++;
              continue;
            }
            if (sharesEarlierBand({ bandKeys, bands, a, b, band })) continue;
            pairs.push(a > b ? a * PAIR_BASE + b : b * PAIR_BASE + a);
          }
          if (slicer.due(1 + ((size - x) >> 3))) await slicer.pause();
        }
      }
      start = end;
      if (slicer.due()) await slicer.pause();
    }
  }
  return { pairs: await sortedUnique({ pairs: pairs.view(), count, slicer }), largestBucket, pairsBounded };
}

/**
 * One bucket's members ordered by (length, index), with their lengths and first band keys copied
 * next to each other: the pairs of a bucket number its size squared, and its members lie anywhere
 * in the run's arrays.
 */
/** Larger buckets are sorted natively: insertion costs the square of the size whatever the lengths allow. */
const INSERTION_SORTED_BUCKET = 256;

class BucketScratch {
  members = new Int32Array(64);
  lengths = new Int32Array(64);
  firstKeys = new Uint32Array(64);

  constructor(private readonly bands: number) {}

  gather(options: { packed: Float64Array; start: number; size: number; indexScale: number; search: CandidateSearch }): this {
    const { packed, start, size, indexScale, search } = options;
    if (this.members.length < size) {
      this.members = new Int32Array(size * 2);
      this.lengths = new Int32Array(size * 2);
      this.firstKeys = new Uint32Array(size * 2);
    }
    const { members, lengths } = this;
    if (size > INSERTION_SORTED_BUCKET) {
      for (let k = 0; k < size; k++) members[k] = packed[start + k] % indexScale;
      members.subarray(0, size).sort((x, y) => search.lengths[x] - search.lengths[y] || x - y);
      for (let k = 0; k < size; k++) lengths[k] = search.lengths[members[k]];
      for (let k = 0; k < size; k++) this.firstKeys[k] = search.bandKeys[members[k] * this.bands];
      return this;
    }
    // By insertion, in place: most buckets hold a handful of prompts, and a native sort with a
    // comparator (and the view it needs) per bucket cost more than the bucket's own pairs.
    for (let k = 0; k < size; k++) {
      const packedValue = packed[start + k];
      // The index is what the key leaves (exact in float64), without a float remainder.
      const index = packedValue - Math.floor(packedValue / indexScale) * indexScale;
      const length = search.lengths[index];
      let at = k;
      while (at > 0 && (lengths[at - 1] > length || (lengths[at - 1] === length && members[at - 1] > index))) {
        members[at] = members[at - 1];
        lengths[at] = lengths[at - 1];
        at--;
      }
      members[at] = index;
      lengths[at] = length;
    }
    for (let k = 0; k < size; k++) this.firstKeys[k] = search.bandKeys[members[k] * this.bands];
    return this;
  }
}

/** Whether a and b share a band before `band` (the first is checked before this is asked). */
function sharesEarlierBand(options: { bandKeys: Uint32Array; bands: number; a: number; b: number; band: number }): boolean {
  const { bandKeys, bands, band } = options;
  const a = options.a * bands;
  const b = options.b * bands;
  for (let earlier = 1; earlier < band; earlier++) if (bandKeys[a + earlier] === bandKeys[b + earlier]) return true;
  return false;
}

/**
 * The pairs in ascending order without repeats (a pair sharing several bands is found in
 * each): a counting sort by the later prompt, then each prompt's few partners sorted, all
 * in slices, where one native sort of millions of pairs would hold the event loop.
 */
async function sortedUnique(options: { pairs: Float64Array; count: number; slicer: WorkSlicer }): Promise<Float64Array> {
  const { pairs, count, slicer } = options;
  const starts = new Int32Array(count + 1);
  for (let k = 0; k < pairs.length; k++) {
    starts[Math.floor(pairs[k] / PAIR_BASE) + 1]++;
    if (slicer.due()) await slicer.pause();
  }
  for (let position = 0; position < count; position++) starts[position + 1] += starts[position];
  const sorted = new Float64Array(pairs.length);
  const next = starts.slice(0, count);
  for (let k = 0; k < pairs.length; k++) {
    sorted[next[Math.floor(pairs[k] / PAIR_BASE)]++] = pairs[k];
    if (slicer.due()) await slicer.pause();
  }
  let unique = 0;
  for (let position = 0; position < count; position++) {
    const from = starts[position];
    const to = starts[position + 1];
    if (to - from > 1) sorted.subarray(from, to).sort();
    for (let k = from; k < to; k++) if (k === from || sorted[k] !== sorted[k - 1]) sorted[unique++] = sorted[k];
    if (slicer.due(1 + to - from)) await slicer.pause();
  }
  return sorted.slice(0, unique);
}
