import { combineHash, hashString, mixHash } from './hashing.ts';

const MARGIN = hashString('trust-margin');
/** Edges of the refusal logit's size, in logit units: where the answer head stops being sure. */
const MARGIN_EDGES = [0.5, 1, 1.5, 2, 3, 4, 5, 6, 8];

/**
 * The trust head's view of the refusal head: how far the refusal logit is from 0, bucketed,
 * and on which side. A linear trust head cannot read the size of a logit it does not see;
 * one feature per bucket and side lets it learn that, say, a mild compliance is less often
 * right on an unseen model than an equally mild refusal.
 */
export function marginHash(refusalLogit: number): number {
  const size = Math.abs(refusalLogit);
  let bucket = 0;
  while (bucket < MARGIN_EDGES.length && size >= MARGIN_EDGES[bucket]) bucket += 1;
  return combineHash(MARGIN, bucket * 2 + (refusalLogit >= 0 ? 1 : 0));
}

/** The bucket a feature hash lands in, as the feature extractor computes it. */
export function featureSlot(hash: number, bits: number): number {
  return mixHash(hash) & ((1 << bits) - 1);
}

/**
 * Scale and shift of the trust logit, fitted on trust logits of models neither head was
 * trained on: the trust head's own fit is sure of itself on the rows it learnt from, so the
 * probability is read through this.
 */
export interface TrustCalibration {
  scale: number;
  shift: number;
}

export function calibratedTrust(trustLogit: number, calibration: TrustCalibration): number {
  return 1 / (1 + Math.exp(-(calibration.scale * trustLogit + calibration.shift)));
}
