import { createFeatureVector, extractFeatures, type FeatureSpace } from '../../pipeline/refusal/features.ts';
import type { LabelledRow } from '../../pipeline/refusal/labelled-rows.ts';
import { mixHash } from '../../pipeline/refusal/hashing.ts';
import { HEAD_COUNT } from '../../pipeline/refusal/model.ts';

/** Feature vectors of many rows packed into flat arrays (CSR layout) for fast epochs. */
export interface FeaturizedSet {
  offsets: Int32Array;
  indices: Int32Array;
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
  const vector = createFeatureVector();
  const offsets = new Int32Array(rows.length + 1);
  const indexChunks: Int32Array[] = [];
  const valueChunks: Float32Array[] = [];
  let total = 0;
  rows.forEach((row, rowIndex) => {
    extractFeatures({ response: row.response, space, into: vector });
    if (extraOf) {
      vector.indices[vector.length] = mixHash(extraOf(rowIndex)) & mask;
      vector.values[vector.length] = 1;
      vector.length += 1;
    }
    indexChunks.push(vector.indices.slice(0, vector.length));
    valueChunks.push(vector.values.slice(0, vector.length));
    total += vector.length;
    offsets[rowIndex + 1] = total;
  });
  const indices = new Int32Array(total);
  const values = new Float32Array(total);
  indexChunks.forEach((chunk, rowIndex) => indices.set(chunk, offsets[rowIndex]));
  valueChunks.forEach((chunk, rowIndex) => values.set(chunk, offsets[rowIndex]));
  const targets = new Float32Array(rows.length * HEAD_COUNT);
  rows.forEach((row, rowIndex) => targets.set(targetsOf(row, rowIndex), rowIndex * HEAD_COUNT));
  return { offsets, indices, values, targets, weights: Float32Array.from(rows, weightOf), size: rows.length };
}
