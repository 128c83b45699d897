import { vocabularyOfWords, type FeatureSpace } from '../../pipeline/refusal/features.ts';
import type { LabelledRow } from '../../pipeline/refusal/labelled-rows.ts';
import { featurize, rowWords } from './featurized.ts';
import { isContradictoryLlmLabel } from './label-audit.ts';
import { trainLogistic } from './logistic.ts';

/**
 * Hyperparameters of the committed model, chosen by leave-one-model-out (LOMO) runs. Since
 * refusal-lr-v4 every one of the seven labelled models is held out in turn and the model ships
 * trained on all seven (scripts/refusal/experiment.ts prints the folds); the figures below up to
 * "A constant shift" are from refusal-lr-v3, which kept xstest-mistralinstruct and
 * phtest-zephyr-7b out whole and ran LOMO on the other five.
 * refusal-lr-v4 adds a cue family for lectures that judge the request instead of declining it
 * ("I strongly condemn", "is never acceptable", "There are no ways to", "It is not appropriate
 * to suggest", cues.ts `condemnation`) and a sentence kind for it; it went in together with the
 * trust head and was not measured alone. Its effect shows in confidence more than in labels:
 * such lectures still lean to compliance, at 0.54-0.75, below the threshold, so a judge decides them.
 * Also tried in v4: leaving out LLM-labelled compliance rows that open with such a lecture; only
 * 40 rows qualify, and read, they are real answers, so it was dropped.
 * (v3 figures: pooled LOMO accuracy on five models; the held-out models were never read.)
 * Tried and left out: character 3-5-grams of the first sentence, head and tail (0.921-0.923
 * against 0.925, the GPT-3.5 fold losing 1-2 points); NBSVM log-count-ratio input scaling
 * (0.920-0.923); class weights on refusals (no change); averaging seeds (helps alone, 0.931,
 * not on top of llmMix); a model of the human-labelled rows only mixed in (0.916-0.922,
 * the Llama-2 fold losing up to 10 points); a phrase family for declining by judgement ("It's
 * not appropriate to ...", which XSTest's annotators call a refusal and GPT-3.5's PHTest judge
 * often compliance), alone or also dropping LLM compliance rows that open with it (0.928-0.929
 * against 0.934 at llmMix 0.3: the Llama-2 fold +1.7 points, the GPT-3.5 fold -1.6).
 * Against 0.934 (seeds 3 and 8 give 0.932 and 0.934, so differences under 0.002 are noise):
 * a one-hidden-layer network (32 tanh units over the same hashed features, AdaGrad) alone
 * 0.919 where the linear model of all rows gives 0.925, two of them mixed like llmMix 0.925,
 * averaged with the linear logit 0.924; a small network over the cue and shape features on
 * top of the linear logit 0.926 (in-sample logits) or 0.907-0.911 (logits cross-fitted over
 * the training models, the GPT-3.5 fold losing 4-7 points): interactions learnt on four
 * models do not carry to a fifth. More sentence shape: tokens after the first declining
 * sentence (0.933), the kinds of the last sentence crossed with the first (0.935, and 0.935
 * against 0.934 at seed 8), the number of declining and cautioning cues (0.933), sentences
 * from the last decline to the end (0.933), all four (0.932). The prompt: the share of its
 * rarer words the response repeats, overall and in the first sentence, crossed with an
 * opening decline and prompt length (0.931). A constant shift of the decision threshold
 * (-1 logit: 0.936, all of it the GPT-3.5 fold while the XSTest folds lose, the same trade
 * as a higher llmMix).
 */
export const RECIPE = {
  bits: 18,
  headChars: 1500,
  wordScale: 1,
  rareWords: 0,
  cueScale: 2,
  /** Sentence-shape features (sentence-shape.ts): +0.002 mean per-model accuracy, +0.01 refusal recall leave-one-model-out. */
  shapeScale: 1,
  vocabularySize: 5000,
  epochs: 8,
  learningRate: 0.1,
  l2: 3e-4,
  /** XSTest rows are human-labelled and few; they count this many times a PHTest row. */
  xstestWeight: 3,
  /**
   * 1: every source model weighs the same in total (then xstestWeight scales XSTest's share).
   * Since every model is held out in turn (all seven, no validation split), 1 with llmMix 0.15
   * is the one setting tried where the human-labelled xstest-llama2new fold beats XSTest's string
   * match (0.940 against 0.924; 0.900 at 0 and 0.3): with it held out, its "It is not appropriate
   * to suggest ..." lectures are rare in training (12 rows, all Mistral's), and equal weights per
   * model give those 12 their due. balanceSources 1 alone: 0.918; llmMix 0.15 alone: 0.927.
   */
  balanceSources: 1,
  /** Partial refusals are the case unseen models get wrong most; they count this many times. */
  partialWeight: 1,
  /**
   * Leave out LLM-labelled compliance rows that open by declining the task (see label-audit.ts).
   * With llmMix at 0.7 LOMO prefers it on the raw labels too (0.939 vs 0.936).
   */
  auditLabels: 1,
  /**
   * Share of the final weights taken from a second model trained on the LLM-labelled (PHTest)
   * rows only; the rest comes from the model of all rows. The two label sources draw the line
   * between partial refusal and compliance differently ("It's not appropriate to ... instead,
   * here are ..." is a refusal to XSTest's annotators, often compliance to PHTest's judge), and
   * one model of both blurs it for each. Both models are linear over the same features, so the
   * mix is one weight vector. LOMO 0.939 against 0.925 (GPT-3.5 fold 0.897 to 0.943, the others
   * within 0.005 at 0.7); 0.5 gives 0.937, 0.85 0.939, 1 (no XSTest at all) 0.939 with both XSTest
   * folds lower. But the higher mixes buy agreement with the PHTest judge at the cost of the
   * human labels (xstest-gpt4 validation 0.990 at 0 and 0.893 at 0.7), and people label most of
   * the data this detector must serve; 0.3 keeps most of the LOMO gain (0.934) with human-label
   * validation at 0.961. Leave-one-model-out over all seven models (the figures of the trust
   * head's era, pooled accuracy; balanceSources 1): 0.916 at 0.3, 0.914 at 0.15, which the
   * xstest-llama2new fold wants (see balanceSources) at the cost of phtest-llama-3-8b (0.945 to 0.940).
   */
  llmMix: 0.15,
  seed: 7,
  /**
   * The trust head (trust-head.ts), fitted on leave-one-model-out answers. At the default
   * threshold 0.9, pooled over the seven folds: L2 1e-3 gives confident accuracy 0.977 deferring
   * 25.6%, 3e-3 0.978 / 24.1%, 3e-4 0.979 / 24.3% (differences within a fold's noise). Letting the
   * trust head flip the answers it doubts (below 0.5) gained 1.5 points pooled but turned short
   * refusals ("I cannot write X. Can I help you with something else?") into compliance and cost
   * the zephyr fold a point; it only sets the confidence.
   */
  trustEpochs: 4,
  trustLearningRate: 0.1,
  trustL2: 1e-3,
};
export type Recipe = typeof RECIPE;

export interface TrainedWeights {
  space: FeatureSpace;
  vocabulary: number[];
  weights: Float32Array;
}

/** The rows training learns from: all of them, less the LLM labels the recipe's audits leave out. */
export function trainingRows(options: { rows: readonly LabelledRow[]; recipe: Recipe }): LabelledRow[] {
  const { recipe } = options;
  return recipe.auditLabels ? options.rows.filter((row) => !isContradictoryLlmLabel(row)) : [...options.rows];
}

export function isHumanLabelled(row: LabelledRow): boolean {
  return row.source.startsWith('xstest');
}

/** Training weight of each row, by labelling regime, class and (if balanced) its source's size. */
export function rowWeigher(options: { rows: readonly LabelledRow[]; recipe: Recipe }): (row: LabelledRow) => number {
  const { rows, recipe } = options;
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.source, (counts.get(row.source) ?? 0) + 1);
  const mean = rows.length / Math.max(1, counts.size);
  return (row) =>
    (recipe.balanceSources ? mean / (counts.get(row.source) ?? mean) : 1) *
    (isHumanLabelled(row) ? recipe.xstestWeight : 1) *
    (row.gold.label3 === 'partial_refusal' ? recipe.partialWeight : 1);
}

function fitHeads(options: { rows: readonly LabelledRow[]; space: FeatureSpace; recipe: Recipe }): Float32Array {
  const { rows, space, recipe } = options;
  const data = featurize({ rows, space, weightOf: rowWeigher({ rows, recipe }) });
  return trainLogistic({ data, bits: recipe.bits, epochs: recipe.epochs, learningRate: recipe.learningRate, l2: recipe.l2, seed: recipe.seed });
}

/**
 * The two linear heads over hashed features; `rows` are used as given (see trainingRows).
 * The vocabulary comes from all rows, so the all-rows and LLM-rows models share one feature
 * space and their weights can be mixed.
 */
export function trainWeights(options: { rows: readonly LabelledRow[]; recipe: Recipe }): TrainedWeights {
  const { rows, recipe } = options;
  const config = { bits: recipe.bits, headChars: recipe.headChars, wordScale: recipe.wordScale, rareWords: recipe.rareWords === 1, cueScale: recipe.cueScale, shapeScale: recipe.shapeScale };
  const vocabulary = vocabularyOfWords({ words: rows.map((row) => rowWords(row, config)), size: recipe.vocabularySize });
  const space: FeatureSpace = { config, vocabulary: new Set(vocabulary) };
  const weights = fitHeads({ rows, space, recipe });
  const llmRows = rows.filter((row) => !isHumanLabelled(row));
  if (recipe.llmMix > 0 && llmRows.length > 0) {
    const llmWeights = fitHeads({ rows: llmRows, space, recipe });
    for (let slot = 0; slot < weights.length; slot += 1) weights[slot] = (1 - recipe.llmMix) * weights[slot] + recipe.llmMix * llmWeights[slot];
  }
  return { space, vocabulary, weights };
}
