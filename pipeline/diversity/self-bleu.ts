import { seededRandom } from '../text/hashing.ts';
import { ITEMS_PER_STEP, runToEnd, type Steps } from './cooperative.ts';
import { ngrams } from './tokens.ts';

const ORDERS = 4;
/** NLTK's smoothing method 1: a precision with no matches counts as epsilon / total. */
const EPSILON = 0.1;

interface TopCounts {
  best: number;
  bestOwner: number;
  second: number;
}

/**
 * Self-BLEU: BLEU-4 (uniform weights, smoothing method 1, brevity penalty against the
 * closest reference length) of each prompt with all the other prompts as references,
 * averaged. With many prompts, a seeded sample of hypotheses is scored (always against
 * all references); `sample` says how many.
 */
export function selfBleu(tokenised: string[][], options: SelfBleuOptions = {}): { value: number; sample: number } {
  return runToEnd(selfBleuSteps(tokenised, options));
}

export interface SelfBleuOptions {
  maxHypotheses?: number;
  seed?: number;
}

/** selfBleu as steps (see cooperative.ts), pausable between slices of prompts and hypotheses. */
export function* selfBleuSteps(tokenised: string[][], options: SelfBleuOptions = {}): Steps<{ value: number; sample: number }> {
  const count = tokenised.length;
  if (count < 2) return { value: 0, sample: 0 };
  // Clipping uses the largest count among *other* prompts: keep the top two per n-gram.
  const tops: Map<string, TopCounts>[] = [];
  for (let n = 1; n <= ORDERS; n++) {
    const table = new Map<string, TopCounts>();
    for (let owner = 0; owner < count; owner++) {
      for (const [gram, value] of countGrams(tokenised[owner]!, n)) {
        const top = table.get(gram);
        if (!top) table.set(gram, { best: value, bestOwner: owner, second: 0 });
        else if (value > top.best) [top.second, top.best, top.bestOwner] = [top.best, value, owner];
        else if (value > top.second) top.second = value;
      }
      if (owner % ITEMS_PER_STEP === 0) yield;
    }
    tops.push(table);
  }
  const lengths = tokenised.map((tokens) => tokens.length).sort((a, b) => a - b);
  const hypotheses = sampleIndices({ count, max: options.maxHypotheses ?? 1000, seed: options.seed ?? 1 });
  let sum = 0;
  for (const index of hypotheses) {
    yield;
    const tokens = tokenised[index];
    let logPrecision = 0;
    for (let n = 1; n <= ORDERS; n++) {
      const grams = countGrams(tokens, n);
      let matched = 0;
      let total = 0;
      for (const [gram, value] of grams) {
        const top = tops[n - 1].get(gram)!;
        const reference = top.bestOwner === index ? top.second : top.best;
        matched += Math.min(value, reference);
        total += value;
      }
      const precision = matched === 0 ? EPSILON / Math.max(1, total) : matched / total;
      logPrecision += Math.log(precision) / ORDERS;
    }
    const referenceLength = closestOtherLength(lengths, tokens.length);
    const brevity = tokens.length === 0 ? 0 : tokens.length > referenceLength ? 1 : Math.exp(1 - referenceLength / tokens.length);
    sum += brevity * Math.exp(logPrecision);
  }
  return { value: sum / hypotheses.length, sample: hypotheses.length };
}

function countGrams(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const gram of ngrams(tokens, n)) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return counts;
}

/** Closest length among the others (ties go to the shorter, as in NLTK); `lengths` is sorted and includes self. */
function closestOtherLength(lengths: number[], own: number): number {
  let best = -1;
  let skippedSelf = false;
  for (const length of lengths) {
    if (length === own && !skippedSelf) {
      skippedSelf = true;
      continue;
    }
    if (best < 0 || Math.abs(length - own) < Math.abs(best - own)) best = length;
  }
  return best;
}

function sampleIndices(options: { count: number; max: number; seed: number }): number[] {
  const all = Array.from({ length: options.count }, (_, index) => index);
  if (options.count <= options.max) return all;
  const random = seededRandom(options.seed);
  for (let i = 0; i < options.max; i++) {
    const j = i + Math.floor(random() * (options.count - i));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, options.max).sort((a, b) => a - b);
}
