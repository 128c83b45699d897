import { createFeatureVector, extractFeatures, responseWords, type FeatureConfig, type FeatureSpace, type FeatureVector } from '../../pipeline/refusal/features.ts';
import type { LabelledRow } from '../../pipeline/refusal/labelled-rows.ts';
import { mixHash } from '../../pipeline/refusal/hashing.ts';
import { HEAD_COUNT } from '../../pipeline/refusal/model.ts';

/**
 * Feature vectors of many rows packed into flat arrays (CSR layout) for fast epochs. Indices are
 * dense ids of the buckets the rows use, the most used first, so the weights training touches
 * fill a small, mostly cached block; `buckets[id]` is the hash bucket of id.
 */
export interface FeaturizedSet {
  offsets: Int32Array;
  indices: Int32Array;
  buckets: Int32Array;
  values: Float32Array;
  /** targets[row * HEAD_COUNT + head]: 1, 0, or NaN when the head does not learn from the row. */
  targets: Float32Array;
  weights: Float32Array;
  size: number;
}

/**
 * Head targets: refusal = full or partial; partial vs full only for refusals with a known class.
 * The trust head learns from leave-one-model-out mistakes, not from gold labels (trust-head.ts).
 */
export function headTargets(row: LabelledRow): number[] {
  const refusal = row.gold.label === 'refusal' ? 1 : 0;
  const label3 = row.gold.label3;
  const partial = refusal === 1 && label3 !== undefined ? (label3 === 'partial_refusal' ? 1 : 0) : Number.NaN;
  return [refusal, partial, Number.NaN];
}

const scratch = createFeatureVector();
/** Each space's feature vectors by row: a fold's heads, scores and trust head all read the same rows. */
const vectorsBySpace = new WeakMap<FeatureSpace, WeakMap<LabelledRow, FeatureVector>>();

/** The row's feature vector in `space`, extracted once per space and row; do not write to it. */
// Cached vectors are views into large blocks: one allocation per block, not two per row.
const BLOCK = 1 << 20;
let indexBlock = new Int32Array(0);
let valueBlock = new Float32Array(0);
let blockUsed = 0;

function store(vector: FeatureVector): FeatureVector {
  const { length } = vector;
  if (blockUsed + length > indexBlock.length) {
    indexBlock = new Int32Array(Math.max(BLOCK, length));
    valueBlock = new Float32Array(Math.max(BLOCK, length));
    blockUsed = 0;
  }
  const indices = indexBlock.subarray(blockUsed, blockUsed + length);
  const values = valueBlock.subarray(blockUsed, blockUsed + length);
  indices.set(vector.indices.subarray(0, length));
  values.set(vector.values.subarray(0, length));
  blockUsed += length;
  return { indices, values, length };
}

export function rowFeatures(space: FeatureSpace, row: LabelledRow): FeatureVector {
  let vectors = vectorsBySpace.get(space);
  if (vectors === undefined) {
    vectors = new WeakMap();
    vectorsBySpace.set(space, vectors);
  }
  let vector = vectors.get(row);
  if (vector === undefined) {
    extractFeatures({ response: row.response, space, into: scratch });
    vector = store(scratch);
    vectors.set(row, vector);
  }
  return vector;
}

const wordsByRow = new WeakMap<LabelledRow, { headChars: number; words: Int32Array }>();

/** The row's distinct words (responseWords), read once: every fold's vocabulary counts them. */
export function rowWords(row: LabelledRow, config: FeatureConfig): Int32Array {
  const cached = wordsByRow.get(row);
  if (cached !== undefined && cached.headChars === config.headChars) return cached.words;
  const words = responseWords(row.response, config);
  wordsByRow.set(row, { headChars: config.headChars, words });
  return words;
}

export function featurize(options: {
  rows: readonly LabelledRow[];
  space: FeatureSpace;
  weightOf?: (row: LabelledRow) => number;
  /** Targets of each head for a row; the gold label's by default. */
  targetsOf?: (row: LabelledRow, index: number) => number[];
  /** Hash of one more feature (value 1) per row, such as the trust head's margin feature. */
  extraOf?: (index: number) => number;
}): FeaturizedSet {
  const { rows, space, weightOf = () => 1, targetsOf = headTargets, extraOf } = options;
  const mask = (1 << space.config.bits) - 1;
  const vectors = rows.map((row) => rowFeatures(space, row));
  let total = 0;
  for (const vector of vectors) total += vector.length + (extraOf ? 1 : 0);
  const idOf = new Int32Array(mask + 1).fill(-1);
  const bucketsById = new Int32Array(mask + 1);
  let used = 0;
  const offsets = new Int32Array(rows.length + 1);
  const indices = new Int32Array(total);
  const values = new Float32Array(total);
  let at = 0;
  for (let rowIndex = 0; rowIndex < rows.length; rowIndex += 1) {
    const vector = vectors[rowIndex];
    // The extra feature, if any, follows the row's own.
    const extraBucket = extraOf ? mixHash(extraOf(rowIndex)) & mask : -1;
    const length = vector.length + (extraOf ? 1 : 0);
    for (let k = 0; k < length; k += 1) {
      const bucket = k < vector.length ? vector.indices[k] : extraBucket;
      if (idOf[bucket] < 0) {
        idOf[bucket] = used;
        bucketsById[used] = bucket;
        used += 1;
      }
      indices[at] = idOf[bucket];
      values[at] = k < vector.length ? vector.values[k] : 1;
      at += 1;
    }
    offsets[rowIndex + 1] = at;
  }
  const targets = new Float32Array(rows.length * HEAD_COUNT);
  rows.forEach((row, rowIndex) => targets.set(targetsOf(row, rowIndex), rowIndex * HEAD_COUNT));
  const buckets = byUse({ indices, buckets: bucketsById.subarray(0, used) });
  return { offsets, indices, buckets, values, targets, weights: Float32Array.from(rows, weightOf), size: rows.length };
}

/** Above any dense id: there are at most 2^bits buckets, and bits stays below 24. */
const ID_SPAN = 2 ** 24;

/**
 * Renumbers the dense ids, in place, so the most used buckets come first: words are Zipfian, so
 * the weights most steps touch then share a few cached lines instead of being spread over
 * megabytes. Each weight still sees the same operations in the same order, wherever it sits,
 * so training gives the same weights; only fewer cache misses. Returns the renumbered buckets.
 */
function byUse(options: { indices: Int32Array; buckets: Int32Array }): Int32Array {
  const { indices, buckets } = options;
  if (buckets.length > ID_SPAN) throw new Error(`featurize: ${buckets.length} buckets, more than ${ID_SPAN} ids can number`);
  const uses = new Int32Array(buckets.length);
  for (let k = 0; k < indices.length; k += 1) uses[indices[k]] += 1;
  // Most used first; ties keep the order of first use, so the layout is the same every run.
  // Sorted as numbers (fewer uses above, id below: exact in a double), which is native and fast.
  const most = indices.length + 1;
  const keys = Float64Array.from(uses, (count, id) => (most - count) * ID_SPAN + id).sort();
  const order = Int32Array.from(keys, (key) => key % ID_SPAN);
  const newId = new Int32Array(buckets.length);
  for (let rank = 0; rank < order.length; rank += 1) newId[order[rank]] = rank;
  for (let k = 0; k < indices.length; k += 1) indices[k] = newId[indices[k]];
  return Int32Array.from(order, (id) => buckets[id]);
}
