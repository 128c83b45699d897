import { fnv1a, mix32 } from '../text/hashing.ts';

/** log2 of the hash buckets a prompt's features fall into: enough that a run's word pairs rarely collide. */
export const PREDICTOR_BITS = 18;

/** A prompt's hashed features: bucket ids, each with the same value (1/sqrt of their count), sorted. */
export interface PromptFeatures {
  indices: Int32Array;
  value: number;
}

const WORD = fnv1a('prompt-word');
const PAIR = fnv1a('prompt-pair');
const GRAM = fnv1a('prompt-char-4');
const BIAS = fnv1a('prompt-bias');
const START = fnv1a('prompt-start');

const combine = (left: number, right: number) => mix32(Math.imul(left, 0x9e3779b1) ^ right);

/** Lower-cased words (letters and digits, inner apostrophes kept), in any script. */
export function promptWords(prompt: string): string[] {
  return prompt.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];
}

/**
 * Hashed words, word pairs, four-character pieces of each word (so "bombing" shares most of
 * "bomb"'s) and the opening word of a prompt, plus a bias bucket, each counted once. The prompt
 * is all the predictor sees: the point is to guess a refusal before asking. The hashing is the
 * shared 32-bit one, so the same prompt has the same features everywhere.
 */
export function promptFeatures(prompt: string, bits = PREDICTOR_BITS): PromptFeatures {
  const mask = (1 << bits) - 1;
  const words = promptWords(prompt);
  const hashes = words.map(fnv1a);
  const buckets = new Set<number>([mix32(BIAS) & mask]);
  if (hashes.length > 0) buckets.add(combine(START, hashes[0]!) & mask);
  for (let index = 0; index < hashes.length; index += 1) {
    buckets.add(combine(WORD, hashes[index]!) & mask);
    if (index > 0) buckets.add(combine(PAIR, combine(hashes[index - 1]!, hashes[index]!)) & mask);
    const marked = `<${words[index]}>`;
    for (let start = 0; start + 4 <= marked.length; start += 1) buckets.add(combine(GRAM, fnv1a(marked.slice(start, start + 4))) & mask);
  }
  const indices = Int32Array.from(buckets).sort();
  return { indices, value: 1 / Math.sqrt(indices.length) };
}
