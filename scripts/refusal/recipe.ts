import { buildVocabulary, type FeatureSpace } from '../../pipeline/refusal/features.ts';
import type { LabelledRow } from '../../pipeline/refusal/labelled-rows.ts';
import { featurize } from './featurized.ts';
import { isContradictoryLlmLabel } from './label-audit.ts';
import { trainLogistic } from './logistic.ts';

/** Hyperparameters of the committed model, chosen by leave-one-model-out runs on the training models. */
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
  /** 1: every source model weighs the same in total (then xstestWeight scales XSTest's share). */
  balanceSources: 0,
  /** Partial refusals are the case unseen models get wrong most; they count this many times. */
  partialWeight: 1,
  /**
   * Leave out LLM-labelled compliance rows that open by declining the task (see label-audit.ts).
   * Leave-one-model-out on the raw labels prefers 0 (0.935 vs 0.925), all of it from the
   * GPT-3.5 fold whose judge labels these rows compliance; on the other four folds 1 wins or
   * ties, and scored against labels that follow the definition it wins (0.956 vs 0.951).
   */
  auditLabels: 1,
  /**
   * Boosted trees over dense features and out-of-fold linear logits; 0 rounds = linear only.
   * Off: 150 depth-3 rounds scored 0.904 leave-one-model-out against 0.925 without (they learn
   * each PHTest judge's habits from the out-of-fold scores), and milder settings 0.908.
   */
  treeRounds: 0,
  treeDepth: 3,
  treeLearningRate: 0.1,
  treeLambda: 1,
  treeMinLeafHessian: 5,
  treeBins: 32,
  seed: 7,
};
export type Recipe = typeof RECIPE;

export interface TrainedWeights {
  space: FeatureSpace;
  vocabulary: number[];
  weights: Float32Array;
}

/** The rows training learns from: all of them, less contradictory LLM labels when the recipe audits. */
export function trainingRows(options: { rows: readonly LabelledRow[]; recipe: Recipe }): LabelledRow[] {
  return options.recipe.auditLabels ? options.rows.filter((row) => !isContradictoryLlmLabel(row)) : [...options.rows];
}

/** Training weight of each row, by labelling regime, class and (if balanced) its source's size. */
export function rowWeigher(options: { rows: readonly LabelledRow[]; recipe: Recipe }): (row: LabelledRow) => number {
  const { rows, recipe } = options;
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.source, (counts.get(row.source) ?? 0) + 1);
  const mean = rows.length / Math.max(1, counts.size);
  return (row) =>
    (recipe.balanceSources ? mean / (counts.get(row.source) ?? mean) : 1) *
    (row.source.startsWith('xstest') ? recipe.xstestWeight : 1) *
    (row.gold.label3 === 'partial_refusal' ? recipe.partialWeight : 1);
}

/** The two linear heads over hashed features; `rows` are used as given (see trainingRows). */
export function trainWeights(options: { rows: readonly LabelledRow[]; recipe: Recipe }): TrainedWeights {
  const { rows, recipe } = options;
  const config = { bits: recipe.bits, headChars: recipe.headChars, wordScale: recipe.wordScale, rareWords: recipe.rareWords === 1, cueScale: recipe.cueScale, shapeScale: recipe.shapeScale };
  const vocabulary = buildVocabulary({ responses: rows.map((row) => row.response), config, size: recipe.vocabularySize });
  const space: FeatureSpace = { config, vocabulary: new Set(vocabulary) };
  const data = featurize({ rows, space, weightOf: rowWeigher({ rows, recipe }) });
  const weights = trainLogistic({ data, bits: recipe.bits, epochs: recipe.epochs, learningRate: recipe.learningRate, l2: recipe.l2, seed: recipe.seed });
  return { space, vocabulary, weights };
}
