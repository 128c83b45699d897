import type { LabelledRow } from '../../pipeline/refusal/labelled-rows.ts';
import { quantizeWeights, type RefusalModel } from '../../pipeline/refusal/model.ts';
import { trainingRows, trainWeights, type Recipe } from './recipe.ts';

/**
 * Linear heads on the audited rows, with weights already rounded to what int8 storage
 * holds, so what training scores is what ships. Temperature is left at 1.
 */
export function trainRefusalModel(options: { rows: readonly LabelledRow[]; recipe: Recipe }): { model: RefusalModel; vocabulary: number[] } {
  const trained = trainWeights({ rows: trainingRows(options), recipe: options.recipe });
  const weights = quantizeWeights(trained.weights).rounded;
  return { model: { version: 'training', space: trained.space, temperature: 1, weights }, vocabulary: trained.vocabulary };
}
