import type { DatasetRecord } from '../schemas/candidate.ts';
import { HELD_OUT_FOLDS } from '../prediction/held-out-split.ts';
import { rankAuc, type HeldOutFigures } from '../prediction/held-out-figures.ts';
import { TRAINING } from '../prediction/logistic-regression.ts';
import { PREDICTOR_BITS } from '../prediction/prompt-features.ts';
import { PREDICTOR_VERSION, trainPredictors, type Predictors } from '../prediction/target-predictors.ts';
import type { RoundOrder } from './order-children.ts';

/** How one target's predictor did when it ordered a round. */
export interface RoundTargetFigures {
  model: string;
  /** Fitted on the other seeds' prompts so far, tested on the held-out seeds'. */
  held_out: HeldOutFigures;
  /** Against what the round's probes then found for its children (a screen sample for those the screen let go). */
  children: { probed: number; accuracy: number | null; auc: number | null };
}

/** The predictor in one round, as `extra.evolve.predictor.rounds` lists it. */
export interface RoundPredictor {
  round: number;
  /** Prompts with probe results it was fitted on. */
  trained_on: number;
  /** Benign and controversial children it ordered. */
  ordered: number;
  probed: number;
  unprobed: number;
  targets: RoundTargetFigures[];
}

export interface PredictorSummary {
  version: string;
  features: string;
  training: typeof TRAINING;
  label: string;
  split: string;
  order: string;
  probes_per_round: number | null;
  rounds: RoundPredictor[];
  /** Fitted on every probe result of the run: what would order a next round. */
  final: { trained_on: number; targets: (HeldOutFigures & { model: string })[] };
}

const round4 = (value: number) => Math.round(value * 1e4) / 1e4;

/** What the predictor that ordered a round guessed, against what the round's probes found. */
export function roundPredictor(options: { round: number; order: RoundOrder; records: readonly DatasetRecord[]; refusalThreshold: number }): RoundPredictor | null {
  const { order, refusalThreshold } = options;
  if (!order.predicted) return null;
  const { predictors, refusals } = order.predicted;
  const byId = new Map(options.records.map((record) => [record.id, record]));
  const targets = predictors.targets.map((target, index): RoundTargetFigures => {
    const pairs = order.probe.flatMap((child) => {
      const result = byId.get(child.id)?.probes.find((probe) => probe.model === target.model);
      return result ? [{ score: refusals.get(child.id)![index]!, refused: result.refusal_rate >= refusalThreshold }] : [];
    });
    const right = pairs.filter((pair) => pair.score >= 0.5 === pair.refused).length;
    return {
      model: target.model,
      held_out: target.figures,
      children: { probed: pairs.length, accuracy: pairs.length > 0 ? round4(right / pairs.length) : null, auc: rankAuc(pairs.map((pair) => pair.score), pairs.map((pair) => pair.refused)) },
    };
  });
  return { round: options.round, trained_on: predictors.trainedOn, ordered: order.probe.length + order.unprobed.length, probed: order.probe.length, unprobed: order.unprobed.length, targets };
}

/** The manifest's `extra.evolve.predictor`: how it is made, each round's figures, and a fit on the whole run. */
export async function predictorSummary(options: { rounds: readonly RoundPredictor[]; records: readonly DatasetRecord[]; targets: readonly string[]; refusalThreshold: number; minTargets: number; probesPerRound: number | null; signal?: AbortSignal }): Promise<PredictorSummary> {
  const final: Predictors = await trainPredictors({ records: options.records, targets: options.targets, refusalThreshold: options.refusalThreshold, signal: options.signal });
  return {
    version: PREDICTOR_VERSION,
    features: `hashed lower-cased words, word pairs, four-character pieces of words and the opening word of the prompt, 2^${PREDICTOR_BITS} buckets, and a logistic regression of the per-answer refusal probability fitted by AdaGrad`,
    training: TRAINING,
    label: `fitted on every sampled answer; refused by a target when its refusal rate is at least probe.refusalThreshold (${options.refusalThreshold})`,
    split: `seeds by a hash of their id, 1 in ${HELD_OUT_FOLDS} held out, so every rewrite and child of a seed is on one side`,
    order: `probability that at least probe.minTargets (${options.minTargets}) targets refuse, the targets' predictions taken as independent; ties keep the round's order`,
    probes_per_round: options.probesPerRound,
    rounds: [...options.rounds],
    final: { trained_on: final.trainedOn, targets: final.targets.map((target) => ({ model: target.model, ...target.figures })) },
  };
}
