import type { DatasetRecord, JudgedCandidate } from '../schemas/candidate.ts';
import { hardProbability, predictRefusals, trainPredictors, type Predictors } from '../prediction/target-predictors.ts';
import type { StageContext } from '../models/stage-context.ts';

/** Which of a round's children go to the targets, and in what order. */
export interface RoundOrder {
  /** Sent to the targets (screen, then full probe), most likely hard first when the predictor is on. */
  probe: JudgedCandidate[];
  /** Beyond `evolve.probesPerRound`: recorded as failures, never labelled. */
  unprobed: JudgedCandidate[];
  /** The predictors that ordered the round, and each child's predicted refusal per target; null with the predictor off. */
  predicted: { predictors: Predictors; refusals: Map<string, number[]> } | null;
}

/**
 * Orders a round's benign and controversial children before any is probed. With
 * `evolve.predictor`, per-target predictors are fitted on every probe result so far and the
 * children go most likely hard first (ties keep the round's order); without it, the round's own
 * order (parents with the highest refusal rate first). `evolve.probesPerRound` then keeps the
 * first ones. The prediction only orders: a child's label always comes from its probe.
 */
export async function orderChildren(options: { children: readonly JudgedCandidate[]; records: readonly DatasetRecord[]; context: StageContext }): Promise<RoundOrder> {
  const { children, context } = options;
  const { evolve, probe } = context.config;
  let ordered = [...children];
  let predicted: RoundOrder['predicted'] = null;
  if (evolve.predictor) {
    const predictors = await trainPredictors({ records: options.records, targets: context.models.targets.map((target) => target.id), refusalThreshold: probe.refusalThreshold, signal: context.signal });
    const refusals = new Map(children.map((child) => [child.id, predictRefusals(predictors, { prompt: child.prompt, samples: probe.samples, threshold: probe.refusalThreshold })]));
    const score = new Map(children.map((child) => [child.id, hardProbability(refusals.get(child.id)!, probe.minTargets)]));
    // Array.prototype.sort is stable: equal scores keep the round's order.
    ordered = ordered.sort((a, b) => score.get(b.id)! - score.get(a.id)!);
    predicted = { predictors, refusals };
  }
  const budget = evolve.probesPerRound ?? ordered.length;
  return { probe: ordered.slice(0, budget), unprobed: ordered.slice(budget), predicted };
}

/** Results in the round's own order, whatever order they were asked in: ordering decides which children are probed, never how the round folds their results. */
export function inRoundOrder<T extends { item: { id: string } }>(results: readonly T[], round: readonly { id: string }[]): T[] {
  const position = new Map(round.map((child, index) => [child.id, index]));
  return [...results].sort((a, b) => position.get(a.item.id)! - position.get(b.item.id)!);
}
