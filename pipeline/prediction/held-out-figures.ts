import { isRefused, refusedProbability, sampleRefusal, trainLogistic, type LabelledPrompt } from './logistic-regression.ts';

/** How well a predictor fitted on the other seeds guessed a target's refusals on the held-out ones. */
export interface HeldOutFigures {
  train: number;
  test: number;
  /** Share of the held-out prompts the target refused. */
  refused: number;
  /** Held-out prompts whose refusal it guessed right (refused when that is at least as likely as not); null with no test or no training row. */
  accuracy: number | null;
  /** The accuracy of always answering the training rows' majority class. */
  baseline: number | null;
  /** Probability that a refused held-out prompt is ranked above a complied one (ties count half): what ordering relies on; null when the test has one class. */
  auc: number | null;
}

export async function heldOutFigures(options: { train: readonly LabelledPrompt[]; test: readonly LabelledPrompt[]; bits: number; threshold: number; signal?: AbortSignal }): Promise<HeldOutFigures> {
  const { train, test, bits, threshold } = options;
  const refused = test.map((row) => isRefused(row, threshold));
  const refusedShare = test.length > 0 ? refused.filter(Boolean).length / test.length : 0;
  if (train.length === 0 || test.length === 0) return { train: train.length, test: test.length, refused: round(refusedShare), accuracy: null, baseline: null, auc: null };
  const weights = await trainLogistic(train, { bits, signal: options.signal });
  const perSample = test.map((row) => sampleRefusal(weights, row.features));
  const right = test.filter((row, index) => refusedProbability({ perSample: perSample[index]!, samples: row.samples, threshold }) >= 0.5 === refused[index]).length;
  const majorityRefused = train.filter((row) => isRefused(row, threshold)).length * 2 > train.length;
  const baseline = refused.filter((value) => value === majorityRefused).length;
  return { train: train.length, test: test.length, refused: round(refusedShare), accuracy: round(right / test.length), baseline: round(baseline / test.length), auc: rankAuc(perSample, refused) };
}

/** The area under the ROC curve, by ranks (Mann-Whitney), ties counted half. */
export function rankAuc(scores: readonly number[], positive: readonly boolean[]): number | null {
  const positives = positive.filter(Boolean).length;
  const negatives = positive.length - positives;
  if (positives === 0 || negatives === 0) return null;
  const order = scores.map((score, index) => ({ score, index })).sort((a, b) => a.score - b.score);
  let rankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.score === order[start]!.score) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let index = start; index <= end; index += 1) if (positive[order[index]!.index]) rankSum += rank;
    start = end + 1;
  }
  return round((rankSum - (positives * (positives + 1)) / 2) / (positives * negatives));
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
