import type { LabelledRow } from '../../pipeline/refusal/labelled-rows.ts';
import { quantizeWeights, type RefusalModel } from '../../pipeline/refusal/model.ts';
import { trainingRows, trainWeights, type Recipe } from './recipe.ts';

/**
 * Linear heads on the audited rows, with weights already rounded to what int8 storage
 * holds, so what training scores is what ships. The trust head is left at 0 (trust-head.ts fits it).
 */
export function trainRefusalModel(options: { rows: readonly LabelledRow[]; recipe: Recipe }): { model: RefusalModel; vocabulary: number[] } {
  const trained = trainWeights({ rows: trainingRows(options), recipe: options.recipe });
  const weights = quantizeWeights(trained.weights).rounded;
  return { model: { version: 'training', space: trained.space, weights, trustCalibration: { scale: 1, shift: 0 } }, vocabulary: trained.vocabulary };
}
