import { shingleBucket, type CommonShingles } from './common-shingles.ts';
import type { LshParameters } from './lsh-parameters.ts';
import { mix32, seededRandom } from '../text/hashing.ts';
import { forEachShingle } from './shingles.ts';

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
  let chosen = new Uint32Array(256);
  let fallback: { hash: number; count: number }[] = [];

  return {
    parameters,
    bandKeys({ normalised, out, offset }) {
      let size = 0;
      fallback = [];
      if (chosen.length < normalised.length + 1) chosen = new Uint32Array(normalised.length * 2 + 1);
      forEachShingle(normalised, parameters.shingleSize, (hash) => {
        const count = common.get(shingleBucket(hash));
        if (count === undefined) chosen[size++] = hash;
        else fallback.push({ hash, count });
      });
      if (size < parameters.minimumShingles && fallback.length > 0) {
        fallback.sort((a, b) => a.count - b.count || a.hash - b.hash);
        let previous = -1;
        for (const { hash } of fallback) {
          if (size >= parameters.minimumShingles) break;
          if (hash !== previous) chosen[size++] = hash;
          previous = hash;
        }
      }
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
