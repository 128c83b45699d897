import { ITEMS_PER_STEP, runToEnd, runYielding, type Steps } from './cooperative.ts';
import { distinctNSteps } from './distinct-n.ts';
import { selfBleuSteps } from './self-bleu.ts';
import { sharedOpeningShare } from './shared-opening.ts';
import { promptTokens } from './tokens.ts';

export interface DiversityFigures {
  count: number;
  /** Unique word unigrams / all unigrams (higher is more diverse). */
  distinct1: number;
  /** Unique word bigrams / all bigrams (higher is more diverse). */
  distinct2: number;
  /** Mean BLEU-4 of a prompt against all others (lower is more diverse). */
  selfBleu: number;
  /** How many prompts were scored as hypotheses for selfBleu. */
  selfBleuSample: number;
  /** Share of prompts whose first five words open another prompt too. */
  sharedOpeningShare: number;
}

export interface DiversityOptions {
  /** Most hypotheses scored for Self-BLEU per group (seeded sample beyond it). */
  maxSelfBleuHypotheses?: number;
  seed?: number;
}

/** Diversity of a prompt set, overall and per category, all on normalised word tokens. */
export function measureDiversity(items: DiversityItem[], options: DiversityOptions = {}): Diversity {
  return runToEnd(measureDiversitySteps(items, options));
}

/** The same figures, letting the event loop in between slices of work and stopping when `signal` fires: for large datasets. */
export function measureDiversityYielding(items: DiversityItem[], options: DiversityOptions & { signal?: AbortSignal } = {}): Promise<Diversity> {
  return runYielding(measureDiversitySteps(items, options), options.signal);
}

type DiversityItem = { prompt: string; category?: string };
type Diversity = { overall: DiversityFigures; byCategory: Record<string, DiversityFigures> };

function* measureDiversitySteps(items: DiversityItem[], options: DiversityOptions): Steps<Diversity> {
  const tokenised: string[][] = [];
  for (const item of items) {
    tokenised.push(promptTokens(item.prompt));
    if (tokenised.length % ITEMS_PER_STEP === 0) yield;
  }
  const groups = new Map<string, string[][]>();
  items.forEach((item, position) => {
    if (item.category === undefined) return;
    if (!groups.has(item.category)) groups.set(item.category, []);
    groups.get(item.category)!.push(tokenised[position]);
  });
  const byCategory: Record<string, DiversityFigures> = {};
  for (const category of [...groups.keys()].sort()) byCategory[category] = yield* figures(groups.get(category)!, options);
  return { overall: yield* figures(tokenised, options), byCategory };
}

function* figures(tokenised: string[][], options: DiversityOptions): Steps<DiversityFigures> {
  const bleu = yield* selfBleuSteps(tokenised, { maxHypotheses: options.maxSelfBleuHypotheses, seed: options.seed });
  return {
    count: tokenised.length,
    distinct1: yield* distinctNSteps(tokenised, 1),
    distinct2: yield* distinctNSteps(tokenised, 2),
    selfBleu: bleu.value,
    selfBleuSample: bleu.sample,
    sharedOpeningShare: sharedOpeningShare(tokenised),
  };
}
