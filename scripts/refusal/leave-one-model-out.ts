import type { LabelledRow } from '../../pipeline/refusal/labelled-rows.ts';
import type { RefusalModel } from '../../pipeline/refusal/model.ts';
import { featureLogits } from '../../pipeline/refusal/predict.ts';
import { rowFeatures } from './featurized.ts';
import type { Recipe } from './recipe.ts';
import { trainRefusalModel } from './train-model.ts';

/** A row's raw refusal logit from a model that never saw the row's source model. */
export interface OutOfModelScore {
  row: LabelledRow;
  logit: number;
}

/** One fold: the model trained without `source`, and its scores on `source`'s rows. */
export interface Fold {
  source: string;
  model: RefusalModel;
  scores: OutOfModelScore[];
}

/** Source models in sorted order, so folds and their results come out the same every run. */
export function sourcesOf(rows: readonly LabelledRow[]): string[] {
  return [...new Set(rows.map((row) => row.source))].sort();
}

/**
 * Leave-one-model-out: for each source model, trains on all the others and scores its rows.
 * What the trust head and every transfer figure are computed from, since a model's own rows
 * say nothing about how it does on a model it never saw. Empty responses are left out: they
 * are refusals by rule, not by the model.
 */
export function leaveOneModelOut(options: { rows: readonly LabelledRow[]; recipe: Recipe }): Fold[] {
  const { rows, recipe } = options;
  return sourcesOf(rows).map((source) => {
    const { model } = trainRefusalModel({ rows: rows.filter((row) => row.source !== source), recipe });
    const scores = rows
      .filter((row) => row.source === source && row.response.trim() !== '')
      .map((row) => ({ row, logit: featureLogits(model, rowFeatures(model.space, row))[0] }));
    return { source, model, scores };
  });
}
