import { distinctN } from './distinct-n.ts';
import { selfBleu } from './self-bleu.ts';
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
export function measureDiversity(
  items: { prompt: string; category?: string }[],
  options: DiversityOptions = {},
): { overall: DiversityFigures; byCategory: Record<string, DiversityFigures> } {
  const tokenised = items.map((item) => promptTokens(item.prompt));
  const groups = new Map<string, string[][]>();
  items.forEach((item, position) => {
    if (item.category === undefined) return;
    if (!groups.has(item.category)) groups.set(item.category, []);
    groups.get(item.category)!.push(tokenised[position]);
  });
  const byCategory: Record<string, DiversityFigures> = {};
  for (const category of [...groups.keys()].sort()) byCategory[category] = figures(groups.get(category)!, options);
  return { overall: figures(tokenised, options), byCategory };
}

function figures(tokenised: string[][], options: DiversityOptions): DiversityFigures {
  const bleu = selfBleu(tokenised, { maxHypotheses: options.maxSelfBleuHypotheses, seed: options.seed });
  return {
    count: tokenised.length,
    distinct1: distinctN(tokenised, 1),
    distinct2: distinctN(tokenised, 2),
    selfBleu: bleu.value,
    selfBleuSample: bleu.sample,
    sharedOpeningShare: sharedOpeningShare(tokenised),
  };
}
