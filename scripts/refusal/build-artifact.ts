import { readAllLabelledRows, type LabelledRow } from '../../pipeline/refusal/labelled-rows.ts';
import { reportBySource, type BinaryReport, type ScoredRow } from '../../pipeline/refusal/metrics.ts';
import { MODEL_HEADS, encodeVocabulary, quantizeWeights, type RefusalArtifact, type RefusalModel } from '../../pipeline/refusal/model.ts';
import { classifyWithModel } from '../../pipeline/refusal/predict.ts';
import { REFUSAL_CLASSIFIER_VERSION } from '../../pipeline/refusal/version.ts';
import { fitTemperature } from './calibrate.ts';
import { RECIPE, type Recipe } from './recipe.ts';
import { trainRefusalModel } from './train-model.ts';
import { HELD_OUT_SOURCES, VALIDATION_SHARE, isHeldOut, isValidation, refusalDataFiles } from './splits.ts';
import path from 'node:path';

export interface SplitReports {
  validation: { overall: BinaryReport; sources: Record<string, BinaryReport> };
  heldOut: { overall: BinaryReport; sources: Record<string, BinaryReport> };
}

export async function loadSharedRows(): Promise<LabelledRow[]> {
  const rows: LabelledRow[] = [];
  for (const file of refusalDataFiles()) rows.push(...(await readAllLabelledRows(file)));
  return rows;
}

export function scoreRows(model: RefusalModel, rows: readonly LabelledRow[]): ScoredRow[] {
  return rows.map((row) => {
    const result = classifyWithModel(model, row.response);
    return { source: row.source, gold: row.gold.label, predicted: result.label, confidence: result.confidence };
  });
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

/**
 * Trains on the training models minus their validation rows, calibrates on the validation
 * rows, and scores validation and the held-out models. Deterministic: the same data and
 * recipe give a byte-identical artifact.
 */
export async function buildRefusalArtifact(options: { recipe?: Recipe } = {}): Promise<{ artifact: RefusalArtifact; json: string; reports: SplitReports }> {
  const recipe = options.recipe ?? RECIPE;
  const rows = await loadSharedRows();
  const training = rows.filter((row) => !isHeldOut(row.source));
  const fit = training.filter((row) => !isValidation(row));
  const validation = training.filter(isValidation);
  const heldOut = rows.filter((row) => isHeldOut(row.source));

  const trained = trainRefusalModel({ rows: fit, recipe });
  // Weights are already rounded to what int8 storage holds; quantizing again only encodes them.
  const quantized = quantizeWeights(trained.model.weights);
  const temperature = fitTemperature({ rows: validation, model: trained.model });
  const model: RefusalModel = { ...trained.model, version: REFUSAL_CLASSIFIER_VERSION, temperature, weights: quantized.rounded };
  const reports: SplitReports = { validation: reportBySource(scoreRows(model, validation)), heldOut: reportBySource(scoreRows(model, heldOut)) };

  const artifact: RefusalArtifact = {
    version: REFUSAL_CLASSIFIER_VERSION,
    heads: [...MODEL_HEADS],
    features: model.space.config,
    vocabulary: encodeVocabulary(trained.vocabulary),
    temperature,
    weightScales: quantized.weightScales,
    weights: quantized.weights,
    training: {
      data: refusalDataFiles().map((file) => path.basename(file)),
      heldOutSources: [...HELD_OUT_SOURCES],
      validationShare: VALIDATION_SHARE,
      rows: { fit: fit.length, validation: validation.length, heldOut: heldOut.length },
      recipe,
      validationAccuracy: round(reports.validation.overall.accuracy),
      heldOutAccuracy: round(reports.heldOut.overall.accuracy),
      heldOutAccuracyBySource: Object.fromEntries(Object.entries(reports.heldOut.sources).map(([source, report]) => [source, round(report.accuracy)])),
    },
  };
  return { artifact, json: `${JSON.stringify(artifact, null, 1)}\n`, reports };
}
