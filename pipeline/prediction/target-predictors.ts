import type { DatasetRecord } from '../schemas/candidate.ts';
import { isHeldOut } from './held-out-split.ts';
import { heldOutFigures, type HeldOutFigures } from './held-out-figures.ts';
import { refusedProbability, sampleRefusal, trainLogistic, type LabelledPrompt } from './logistic-regression.ts';
import { PREDICTOR_BITS, promptFeatures, type PromptFeatures } from './prompt-features.ts';

export const PREDICTOR_VERSION = 'prompt-refusal-predictor-v1';

/** One target's predictor: weights fitted on every prompt the run probed it with, and how a fit on the other seeds did on the held-out ones. */
export interface TargetPredictor {
  model: string;
  weights: Float64Array;
  figures: HeldOutFigures;
}

export interface Predictors {
  /** Prompts with a probe result of some target: what the predictors learnt from. */
  trainedOn: number;
  targets: TargetPredictor[];
}

interface Row extends LabelledPrompt {
  seedId: string;
}

/**
 * One predictor per target from the run's own probe results (every answer sampled, screens
 * included); a prompt counts as refused by a target when its refusal rate there reaches
 * `refusalThreshold`, the probe's own rule. Rows are taken in
 * id order, whatever order the runner folded them in, so both runners fit the same weights.
 */
export async function trainPredictors(options: { records: readonly DatasetRecord[]; targets: readonly string[]; refusalThreshold: number; features?: Map<string, PromptFeatures>; signal?: AbortSignal }): Promise<Predictors> {
  const { refusalThreshold } = options;
  const cache = options.features ?? new Map<string, PromptFeatures>();
  const featuresOf = (prompt: string) => cache.get(prompt) ?? cache.set(prompt, promptFeatures(prompt)).get(prompt)!;
  const probed = options.records.filter((record) => record.probes.length > 0).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.seed.id < b.seed.id ? -1 : a.seed.id > b.seed.id ? 1 : 0));
  const targets: TargetPredictor[] = [];
  for (const model of options.targets) {
    const rows: Row[] = probed.flatMap((record) => {
      const result = record.probes.find((probe) => probe.model === model);
      return result ? [{ seedId: record.seed.id, features: featuresOf(record.prompt), refusals: result.refusals, samples: result.samples }] : [];
    });
    const figures = await heldOutFigures({ train: rows.filter((row) => !isHeldOut(row.seedId)), test: rows.filter((row) => isHeldOut(row.seedId)), bits: PREDICTOR_BITS, threshold: refusalThreshold, signal: options.signal });
    targets.push({ model, weights: await trainLogistic(rows, { bits: PREDICTOR_BITS, signal: options.signal }), figures });
  }
  return { trainedOn: probed.length, targets };
}

/** Each target's predicted probability of refusing the prompt in a probe of `samples` answers (by `threshold`, the probe's rule), in target order. */
export function predictRefusals(predictors: Predictors, options: { prompt: string; samples: number; threshold: number }): number[] {
  const features = promptFeatures(options.prompt);
  return predictors.targets.map((target) => refusedProbability({ perSample: sampleRefusal(target.weights, features), samples: options.samples, threshold: options.threshold }));
}

/**
 * The probability that at least `minTargets` targets refuse, taking the targets' predictions as
 * independent (a Poisson-binomial tail): the probe's rule for hard, so children are ranked by
 * how likely they are to become hard prompts.
 */
export function hardProbability(refusals: readonly number[], minTargets: number): number {
  // exactly[k]: the probability that exactly k of the targets so far refuse.
  let exactly = [1];
  for (const p of refusals) {
    const next = new Array<number>(exactly.length + 1).fill(0);
    exactly.forEach((share, count) => {
      next[count] += share * (1 - p);
      next[count + 1] += share * p;
    });
    exactly = next;
  }
  return exactly.slice(minTargets).reduce((sum, share) => sum + share, 0);
}
