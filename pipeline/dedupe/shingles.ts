import { mix32 } from '../text/hashing.ts';

/**
 * Only this many leading characters of a prompt are shingled. A sketch of them finds the
 * same near duplicates (a prompt's duplicates share its opening too, and the length
 * filter keeps prompts of other sizes apart), and one 10 MB prompt costs no more than
 * any other to sketch.
 */
export const SHINGLED_CHARACTERS = 16_384;

/**
 * Writes the 32-bit hash of every character shingle of `text` (of its first
 * SHINGLED_CHARACTERS characters) into `out` and returns how many there are. Computed
 * from char codes in place, with no substring, callback or boxed number per shingle, so
 * sketching a million prompts makes no garbage. Texts shorter than a shingle are one
 * shingle; `out` needs room for SHINGLED_CHARACTERS hashes.
 */
export function shingleHashes(text: string, size: number, out: Uint32Array): number {
  const length = Math.min(text.length, SHINGLED_CHARACTERS);
  const last = Math.max(0, length - size);
  for (let start = 0; start <= last; start++) {
    let h = 0x811c9dc5;
    const end = Math.min(length, start + size);
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    out[start] = mix32(h);
  }
  return last + 1;
}
