import levenshtein from 'fast-levenshtein';

/**
 * Normalised edit similarity of two already-normalised prompts:
 * 1 - levenshtein(a, b) / max(|a|, |b|). The collator is left off on purpose: it is
 * the bit-parallel fast path, and normalised prompts are already case-folded.
 */
export function editSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - levenshtein.get(a, b) / longest;
}

/**
 * The best similarity two strings of these lengths can reach (the distance is at least
 * the length difference). Checking it first skips pairs that cannot match, for free.
 */
export function lengthBound(lengthA: number, lengthB: number): number {
  const longest = Math.max(lengthA, lengthB);
  if (longest === 0) return 1;
  return Math.min(lengthA, lengthB) / longest;
}
