import type { LshParameters } from './lsh-parameters.ts';
import { shingleHashes, SHINGLED_CHARACTERS } from './shingles.ts';
import type { WorkSlicer } from './work-slicer.ts';

/** Shingle hashes are counted in 2^22 buckets: 16 MB, whatever the corpus size. */
export const SHINGLE_BUCKET_BITS = 22;

export function shingleBucket(hash: number): number {
  return hash >>> (32 - SHINGLE_BUCKET_BITS);
}

/**
 * Shingles too common to say anything about duplication (template openers, stock
 * closing lines, frequent words): bucket -> occurrence count. Leaving them out of the
 * sketch is what keeps prompts that merely share a template out of each other's LSH
 * buckets; near duplicates still share their rarer wording.
 */
export type CommonShingles = Map<number, number>;

/** Counts the shingles of `texts` (those flagged in `include`, when given). */
export async function findCommonShingles(options: {
  texts: readonly string[];
  include?: Uint8Array;
  parameters: LshParameters;
  slicer: WorkSlicer;
}): Promise<CommonShingles> {
  const { texts, include, parameters, slicer } = options;
  const counts = new Uint32Array(2 ** SHINGLE_BUCKET_BITS);
  const hashes = new Uint32Array(SHINGLED_CHARACTERS + 1);
  let total = 0;
  for (let position = 0; position < texts.length; position++) {
    if (include && !include[position]) continue;
    total++;
    const shingles = shingleHashes(texts[position], parameters.shingleSize, hashes);
    for (let k = 0; k < shingles; k++) counts[shingleBucket(hashes[k])]++;
    if (slicer.due(1 + (texts[position].length >> 5))) await slicer.pause();
  }
  const cap = Math.max(parameters.commonMinimumCount, parameters.commonShare * total);
  const common: CommonShingles = new Map();
  for (let bucket = 0; bucket < counts.length; bucket++) if (counts[bucket] > cap) common.set(bucket, counts[bucket]);
  return common;
}
