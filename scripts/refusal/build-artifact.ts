import path from 'node:path';
import { readAllLabelledRows, type LabelledRow } from '../../pipeline/refusal/labelled-rows.ts';
import { reportBySource, type BinaryReport, type ScoredRow } from '../../pipeline/refusal/metrics.ts';
import { MODEL_HEADS, encodeVocabulary, quantizeWeights, type RefusalArtifact, type RefusalModel } from '../../pipeline/refusal/model.ts';
import { classificationOf, classifyWithModel, EMPTY_RESPONSE_CLASSIFICATION, featureLogits } from '../../pipeline/refusal/predict.ts';
import { rowFeatures } from './featurized.ts';
import type { TrustCalibration } from '../../pipeline/refusal/trust.ts';
import { fitTrustCalibration, type TrustOutcome } from './calibrate-trust.ts';
import { REFUSAL_CLASSIFIER_VERSION } from '../../pipeline/refusal/version.ts';
import { leaveOneModelOut, type Fold } from './leave-one-model-out.ts';
import { RECIPE, type Recipe } from './recipe.ts';
import { refusalDataFiles } from './splits.ts';
import { trainRefusalModel } from './train-model.ts';
import { fitTrustHead } from './trust-head.ts';

export interface TransferReport {
  overall: BinaryReport;
  sources: Record<string, BinaryReport>;
}

export async function loadSharedRows(): Promise<LabelledRow[]> {
  const rows: LabelledRow[] = [];
  for (const file of refusalDataFiles()) rows.push(...(await readAllLabelledRows(file)));
  return rows;
}

/** Classifies each row as the shipped classifier would; `cached` reads the rows' features in model.space from the training cache. */
export function scoreRows(model: RefusalModel, rows: readonly LabelledRow[], options: { cached?: boolean } = {}): ScoredRow[] {
  return rows.map((row) => {
    const result = !options.cached
      ? classifyWithModel(model, row.response)
      : row.response.trim() === ''
        ? { ...EMPTY_RESPONSE_CLASSIFICATION }
        : classificationOf({ model, response: row.response, logits: featureLogits(model, rowFeatures(model.space, row)) });
    return { source: row.source, gold: row.gold.label, predicted: result.label, confidence: result.confidence, readable: result.readable, label3: result.label3 };
  });
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

/** A model with a trust head fitted on `scores`, its weights rounded to what int8 storage holds. */
function withTrustHead(options: { model: RefusalModel; scores: Fold['scores']; recipe: Recipe }): { model: RefusalModel; quantized: ReturnType<typeof quantizeWeights> } {
  const weights = Float32Array.from(options.model.weights);
  fitTrustHead({ scores: options.scores, space: options.model.space, recipe: options.recipe, weights });
  const quantized = quantizeWeights(weights);
  return { model: { ...options.model, weights: quantized.rounded }, quantized };
}

/**
 * Each fold's model with a trust head fitted on the other folds' answers only, and the trust
 * logits it gives its own fold's rows: trust as it is on a model neither head has seen.
 */
function crossFittedTrust(options: { folds: readonly Fold[]; recipe: Recipe }): { model: RefusalModel; outcomes: TrustOutcome[] }[] {
  return options.folds.map((fold) => {
    const others = options.folds.filter((other) => other !== fold).flatMap((other) => other.scores);
    const { model } = withTrustHead({ model: fold.model, scores: others, recipe: options.recipe });
    const outcomes = fold.scores.map(({ row }) => {
      const [refusal, , trust] = featureLogits(model, rowFeatures(model.space, row));
      return { logit: trust, correct: refusal >= 0 === (row.gold.label === 'refusal') };
    });
    return { model, outcomes };
  });
}

/**
 * The transfer figures: each source model scored by a classifier that never saw it, its trust
 * head fitted on the other folds' answers and its calibration on the other folds' trust
 * logits, as the shipped classifier's are for a model outside the data. Also the calibration
 * of all folds' trust logits, which the shipped classifier takes.
 */
export function transferReport(options: {
  folds: readonly Fold[];
  rows: readonly LabelledRow[];
  recipe: Recipe;
  threshold?: number;
  /** What the classifier is shown of each response (all of it by default), e.g. the opening a token cap leaves. */
  cut?: (response: string) => string;
}): TransferReport & { calibration: TrustCalibration; scored: ScoredRow[] } {
  const crossFitted = crossFittedTrust(options);
  const { cut } = options;
  const scored: ScoredRow[] = [];
  options.folds.forEach((fold, index) => {
    const trustCalibration = fitTrustCalibration(crossFitted.filter((_, other) => other !== index).flatMap((entry) => entry.outcomes));
    const model = { ...crossFitted[index].model, trustCalibration };
    const rows = options.rows.filter((row) => row.source === fold.source);
    if (cut === undefined) scored.push(...scoreRows(model, rows, { cached: true }));
    else scored.push(...scoreRows(model, rows.map((row) => ({ ...row, response: cut(row.response) }))));
  });
  return { ...reportBySource(scored, { threshold: options.threshold }), calibration: fitTrustCalibration(crossFitted.flatMap((entry) => entry.outcomes)), scored };
}

/**
 * Trains the refusal and partial heads on every source model, and the trust head on their
 * leave-one-model-out answers; reports the leave-one-model-out figures. Deterministic: the
 * same data and recipe give a byte-identical artifact.
 */
export async function buildRefusalArtifact(options: { recipe?: Recipe } = {}): Promise<{ artifact: RefusalArtifact; json: string; report: TransferReport }> {
  const recipe = options.recipe ?? RECIPE;
  const rows = await loadSharedRows();
  const folds = leaveOneModelOut({ rows, recipe });
  const report = transferReport({ folds, rows, recipe });

  const trained = trainRefusalModel({ rows, recipe });
  const { quantized } = withTrustHead({ model: trained.model, scores: folds.flatMap((fold) => fold.scores), recipe });
  const trustCalibration = report.calibration;
  const artifact: RefusalArtifact = {
    version: REFUSAL_CLASSIFIER_VERSION,
    heads: [...MODEL_HEADS],
    features: trained.model.space.config,
    vocabulary: encodeVocabulary(trained.vocabulary),
    trustCalibration,
    weightScales: quantized.weightScales,
    weights: quantized.weights,
    training: {
      data: refusalDataFiles().map((file) => path.basename(file)),
      rows: rows.length,
      recipe,
      leaveOneModelOut: {
        accuracy: round(report.overall.accuracy),
        confidentAccuracy: round(report.overall.cascade.accuracyAbove),
        deferred: round(report.overall.cascade.shareBelow),
        bySource: Object.fromEntries(
          Object.entries(report.sources).map(([source, figures]) => [
            source,
            { accuracy: round(figures.accuracy), confidentAccuracy: round(figures.cascade.accuracyAbove), deferred: round(figures.cascade.shareBelow) },
          ]),
        ),
      },
    },
  };
  return { artifact, json: `${JSON.stringify(artifact, null, 1)}\n`, report: { overall: report.overall, sources: report.sources } };
}
