import { z } from 'zod';
import type { FeatureSpace, FeatureVector } from './features.ts';
import type { TrustCalibration } from './trust.ts';

/**
 * Three logistic heads over the same hashed features: `refusal` (refusal vs compliance,
 * the binary answer), `partial` (partial vs full, read only when the first says refusal) and
 * `trust` (whether the first head's answer is right, learnt from its mistakes on models it
 * never saw; see trust.ts).
 */
export const MODEL_HEADS = ['refusal', 'partial', 'trust'] as const;
export const HEAD_COUNT = MODEL_HEADS.length;

export const RefusalArtifact = z.object({
  version: z.string().describe('Model version, recorded in dataset manifests'),
  heads: z.array(z.string()).describe('Logistic heads, in weight order'),
  features: z.object({
    bits: z.number().int().min(8).max(24).describe('log2 of the hash buckets'),
    headChars: z.number().int().positive().max(4096).describe('Characters of the response read'),
    wordScale: z.number().positive().describe('Scale of word features against cue and shape features'),
    rareWords: z.boolean().describe('Whether words outside the vocabulary get their own features'),
    cueScale: z.number().positive().describe('Value of a cue-phrase feature'),
    shapeScale: z.number().min(0).describe('Value of a sentence-shape feature; 0 leaves them out'),
  }),
  vocabulary: z.string().describe('Base64 little-endian int32 token hashes of the frequent words'),
  trustCalibration: z
    .object({ scale: z.number().positive(), shift: z.number() })
    .describe('Turns the trust logit into the probability that the answer is right, fitted on models the heads never saw'),
  weightScales: z.array(z.number().positive()).describe('Per head, multiplier turning stored int8 weights into floats'),
  weights: z.string().describe('Base64 int8, bucket-major: weights[bucket * heads + head]'),
  training: z.record(z.string(), z.unknown()).describe('How the weights were made: data, split, hyperparameters, seed, figures'),
});
export type RefusalArtifact = z.infer<typeof RefusalArtifact>;

export interface RefusalModel {
  version: string;
  space: FeatureSpace;
  weights: Float32Array;
  trustCalibration: TrustCalibration;
}

export function modelFromArtifact(artifact: RefusalArtifact): RefusalModel {
  const bytes = Buffer.from(artifact.weights, 'base64');
  const expected = (1 << artifact.features.bits) * HEAD_COUNT;
  if (bytes.length !== expected || artifact.weightScales.length !== HEAD_COUNT) {
    throw new Error(`refusal artifact ${artifact.version}: expected ${expected} weights in ${HEAD_COUNT} heads`);
  }
  const stored = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const weights = new Float32Array(expected);
  for (let index = 0; index < expected; index += 1) weights[index] = stored[index] * artifact.weightScales[index % HEAD_COUNT];
  const vocabularyBytes = Buffer.from(artifact.vocabulary, 'base64');
  const vocabulary = new Set<number>();
  for (let offset = 0; offset + 4 <= vocabularyBytes.length; offset += 4) vocabulary.add(vocabularyBytes.readInt32LE(offset));
  return { version: artifact.version, space: { config: artifact.features, vocabulary }, weights, trustCalibration: artifact.trustCalibration };
}

export function encodeVocabulary(hashes: readonly number[]): string {
  const bytes = Buffer.alloc(hashes.length * 4);
  hashes.forEach((hash, index) => bytes.writeInt32LE(hash | 0, index * 4));
  return bytes.toString('base64');
}

/** Rounds float weights to int8 per head; returns the stored form and the weights as they will load. */
export function quantizeWeights(weights: Float32Array): { weights: string; weightScales: number[]; rounded: Float32Array } {
  const weightScales = MODEL_HEADS.map((_, head) => {
    let largest = 1e-9;
    for (let index = head; index < weights.length; index += HEAD_COUNT) largest = Math.max(largest, Math.abs(weights[index]));
    return Number((largest / 127).toPrecision(8));
  });
  const bytes = new Int8Array(weights.length);
  const rounded = new Float32Array(weights.length);
  for (let index = 0; index < weights.length; index += 1) {
    const scale = weightScales[index % HEAD_COUNT];
    const stored = Math.max(-127, Math.min(127, Math.round(weights[index] / scale)));
    bytes[index] = stored;
    rounded[index] = stored * scale;
  }
  return { weights: Buffer.from(bytes.buffer).toString('base64'), weightScales, rounded };
}

/** Raw logit of each head for one feature vector, written into `into`. */
export function headLogits(options: { weights: Float32Array; features: FeatureVector; into: Float64Array }): void {
  const { weights, features, into } = options;
  const { indices, values, length } = features;
  let refusal = 0;
  let partial = 0;
  let trust = 0;
  for (let index = 0; index < length; index += 1) {
    const base = indices[index] * HEAD_COUNT;
    const value = values[index];
    refusal += weights[base] * value;
    partial += weights[base + 1] * value;
    trust += weights[base + 2] * value;
  }
  into[0] = refusal;
  into[1] = partial;
  into[2] = trust;
}

export function sigmoid(value: number): number {
  return 1 / (1 + Math.exp(-value));
}
