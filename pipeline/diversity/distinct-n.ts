import { ngrams } from './tokens.ts';

/** Distinct-n: unique n-grams / all n-grams, pooled over the prompts (0 when there are none). */
export function distinctN(tokenised: string[][], n: number): number {
  const unique = new Set<string>();
  let total = 0;
  for (const tokens of tokenised) {
    for (const gram of ngrams(tokens, n)) {
      unique.add(gram);
      total++;
    }
  }
  return total === 0 ? 0 : unique.size / total;
}
