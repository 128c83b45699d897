import { createFeatureVector, extractFeatures } from '../../pipeline/refusal/features.ts';
import { DENSE_FEATURE_COUNT } from '../../pipeline/refusal/dense-features.ts';
import type { LabelledRow } from '../../pipeline/refusal/labelled-rows.ts';
import { headLogits, quantizeWeights, type RefusalModel } from '../../pipeline/refusal/model.ts';
import { trainBoostedTrees } from './boost.ts';
import { rowWeigher, trainingRows, trainWeights, type Recipe } from './recipe.ts';

/** Dense feature rows of `rows` under a linear model, with its two logits in slots 0 and 1. */
function denseRows(options: { model: RefusalModel; rows: readonly LabelledRow[]; into: Float32Array; at: readonly number[] }): void {
  const { model, rows, into, at } = options;
  const vector = createFeatureVector();
  const logits = new Float64Array(2);
  rows.forEach((row, index) => {
    extractFeatures({ response: row.response, space: model.space, into: vector });
    headLogits({ weights: model.weights, features: vector, into: logits });
    vector.dense[0] = logits[0];
    vector.dense[1] = logits[1];
    into.set(vector.dense, at[index] * DENSE_FEATURE_COUNT);
  });
}

function linearModel(options: { rows: readonly LabelledRow[]; recipe: Recipe }): { model: RefusalModel; vocabulary: number[] } {
  const trained = trainWeights(options);
  const weights = quantizeWeights(trained.weights).rounded;
  return { model: { version: 'training', space: trained.space, temperature: 1, weights, trees: null }, vocabulary: trained.vocabulary };
}

/**
 * Dense rows whose linear logits come from a model that never saw the row's source model:
 * the trees learn how far to trust the linear score on an unseen model, which is the only
 * case that matters once the classifier ships.
 */
export function outOfFoldDense(options: { rows: readonly LabelledRow[]; recipe: Recipe }): Float32Array {
  const { rows, recipe } = options;
  const dense = new Float32Array(rows.length * DENSE_FEATURE_COUNT);
  const sources = [...new Set(rows.map((row) => row.source))];
  for (const source of sources) {
    const at = rows.flatMap((row, index) => (row.source === source ? [index] : []));
    const { model } = linearModel({ rows: rows.filter((row) => row.source !== source), recipe });
    denseRows({ model, rows: at.map((index) => rows[index]), into: dense, at });
  }
  return dense;
}

/** Linear heads on all rows, then (if the recipe has rounds) trees stacked on out-of-fold logits. Temperature is left at 1. */
export function trainRefusalModel(options: { rows: readonly LabelledRow[]; recipe: Recipe }): { model: RefusalModel; vocabulary: number[] } {
  const { recipe } = options;
  const rows = trainingRows(options);
  const { model, vocabulary } = linearModel({ rows, recipe });
  if (recipe.treeRounds <= 0) return { model, vocabulary };
  const trees = trainBoostedTrees({
    rows: outOfFoldDense({ rows, recipe }),
    featureCount: DENSE_FEATURE_COUNT,
    targets: Float32Array.from(rows, (row) => (row.gold.label === 'refusal' ? 1 : 0)),
    weights: Float32Array.from(rows, rowWeigher({ rows, recipe })),
    rounds: recipe.treeRounds,
    depth: recipe.treeDepth,
    learningRate: recipe.treeLearningRate,
    lambda: recipe.treeLambda,
    minLeafHessian: recipe.treeMinLeafHessian,
    bins: recipe.treeBins,
  });
  return { model: { ...model, trees }, vocabulary };
}
