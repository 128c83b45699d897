import { fnv1a } from '../text/hashing.ts';

/** One seed in this many is held out: every rewrite and child of a seed falls on one side, so paraphrases cannot leak into the test. */
export const HELD_OUT_FOLDS = 5;

/** Whether a seed's prompts are the held-out test set; by a hash of its id, so the split is the same in every run. */
export function isHeldOut(seedId: string): boolean {
  return fnv1a(`predictor-split/${seedId}`) % HELD_OUT_FOLDS === 0;
}
