import type { LshParameters } from './lsh-parameters.ts';
import { forEachShingle } from './shingles.ts';

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

export function findCommonShingles(options: { texts: Iterable<string>; parameters: LshParameters }): CommonShingles {
  const counts = new Uint32Array(2 ** SHINGLE_BUCKET_BITS);
  let total = 0;
  for (const text of options.texts) {
    total++;
    forEachShingle(text, options.parameters.shingleSize, (hash) => {
      counts[shingleBucket(hash)]++;
    });
  }
  const cap = Math.max(options.parameters.commonMinimumCount, options.parameters.commonShare * total);
  const common: CommonShingles = new Map();
  for (let bucket = 0; bucket < counts.length; bucket++) if (counts[bucket] > cap) common.set(bucket, counts[bucket]);
  return common;
}
