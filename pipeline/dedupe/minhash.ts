import { shingleBucket, type CommonShingles } from './common-shingles.ts';
import type { LshParameters } from './lsh-parameters.ts';
import { mix32, seededRandom } from '../text/hashing.ts';
import { shingleHashes, SHINGLED_CHARACTERS } from './shingles.ts';

export { mix32, seededRandom } from '../text/hashing.ts';

export interface Sketcher {
  readonly parameters: LshParameters;
  /** Writes the prompt's band keys into `out` at `offset` (parameters.bands values). */
  bandKeys(options: { normalised: string; out: Uint32Array; offset: number }): void;
}

/**
 * MinHash over the prompt's informative shingles (common ones left out; if too few
 * remain, the least common of the rest fill up to `minimumShingles`), folded into band
 * keys. Each permutation is x -> a*x + b (mod 2^32) over an already mixed shingle hash.
 */
export function createSketcher(options: { parameters: LshParameters; common: CommonShingles }): Sketcher {
  const { parameters, common } = options;
  const hashCount = parameters.bands * parameters.rowsPerBand;
  const random = seededRandom(parameters.seed);
  const multipliers = new Uint32Array(hashCount);
  const offsets = new Uint32Array(hashCount);
  for (let i = 0; i < hashCount; i++) {
    multipliers[i] = ((random() * 4294967296) | 1) >>> 0;
    offsets[i] = (random() * 4294967296) >>> 0;
  }
  const minima = new Uint32Array(hashCount);
  // Everything a sketch needs is allocated once per sketcher and reused: a sketch per
  // prompt that allocated (an object per common shingle, a closure per prompt) made
  // gigabytes of short-lived garbage on a million prompts, and the peak RSS with it.
  const chosen = new Uint32Array(SHINGLED_CHARACTERS + 1);
  let size = 0;
  const need = parameters.minimumShingles;
  // The least common of the common shingles seen so far: at most `need`, ascending by (count, hash), distinct.
  const fallbackHashes = new Uint32Array(need);
  const fallbackCounts = new Float64Array(need);
  let fallbackSize = 0;
  const keepFallback = (hash: number, count: number): void => {
    if (fallbackSize === need && (count > fallbackCounts[need - 1] || (count === fallbackCounts[need - 1] && hash >= fallbackHashes[need - 1]))) return;
    let at = fallbackSize;
    while (at > 0 && (fallbackCounts[at - 1] > count || (fallbackCounts[at - 1] === count && fallbackHashes[at - 1] > hash))) at--;
    if (at > 0 && fallbackCounts[at - 1] === count && fallbackHashes[at - 1] === hash) return;
    const last = Math.min(fallbackSize, need - 1);
    for (let k = last; k > at; k--) {
      fallbackHashes[k] = fallbackHashes[k - 1];
      fallbackCounts[k] = fallbackCounts[k - 1];
    }
    fallbackHashes[at] = hash;
    fallbackCounts[at] = count;
    if (fallbackSize < need) fallbackSize++;
  };
  const hashes = new Uint32Array(SHINGLED_CHARACTERS + 1);

  return {
    parameters,
    bandKeys({ normalised, out, offset }) {
      size = 0;
      fallbackSize = 0;
      const shingles = shingleHashes(normalised, parameters.shingleSize, hashes);
      for (let k = 0; k < shingles; k++) {
        const count = common.get(shingleBucket(hashes[k]));
        if (count === undefined) chosen[size++] = hashes[k];
        else keepFallback(hashes[k], count);
      }
      // Too few informative shingles: the least common of the others make up the number.
      for (let k = 0; k < fallbackSize && size < need; k++) chosen[size++] = fallbackHashes[k];
      minima.fill(0xffffffff);
      for (let s = 0; s < size; s++) {
        const shingle = chosen[s];
        for (let i = 0; i < hashCount; i++) {
          const value = (Math.imul(shingle, multipliers[i]) + offsets[i]) >>> 0;
          if (value < minima[i]) minima[i] = value;
        }
      }
      for (let band = 0; band < parameters.bands; band++) {
        let key = mix32(band + 0x9e3779b9);
        for (let row = 0; row < parameters.rowsPerBand; row++) {
          key = mix32(Math.imul(key ^ minima[band * parameters.rowsPerBand + row], 0x9e3779b1) + row);
        }
        out[offset + band] = key;
      }
    },
  };
}
