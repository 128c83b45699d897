import { ITEMS_PER_STEP, runToEnd, type Steps } from './cooperative.ts';
import { ngrams } from './tokens.ts';

/** Distinct-n: unique n-grams / all n-grams, pooled over the prompts (0 when there are none). */
export function distinctN(tokenised: string[][], n: number): number {
  return runToEnd(distinctNSteps(tokenised, n));
}

/** distinctN as steps (see cooperative.ts). */
export function* distinctNSteps(tokenised: string[][], n: number): Steps<number> {
  const unique = new Set<string>();
  let total = 0;
  for (let index = 0; index < tokenised.length; index++) {
    for (const gram of ngrams(tokenised[index]!, n)) {
      unique.add(gram);
      total++;
    }
    if (index % ITEMS_PER_STEP === 0) yield;
  }
  return total === 0 ? 0 : unique.size / total;
}
