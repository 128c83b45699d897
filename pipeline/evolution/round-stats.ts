import type { DatasetRecord } from '../schemas/candidate.ts';
import type { OperatorName } from '../schemas/evolve.ts';
import type { OperatorStats } from './bandit.ts';
import type { PredictorSummary } from './predictor-summary.ts';

/** Model calls behind a round's results, counted from what was recorded (calls that failed and were retried are in the manifest's usage only). */
export interface RoundCalls {
  generator: number;
  judges: number;
  targets: number;
  refusal_judge: number;
  total: number;
}

/** One round's funnel, as the manifest's `extra.evolve.rounds` lists it. */
export interface RoundStats {
  round: number;
  parents: number;
  /** Generator calls planned: one per parent and operator. */
  tasks: number;
  /** Children the generator returned, with empty ones and failed calls' children counted. */
  children: number;
  duplicates: number;
  harmful: number;
  /** Children given short screening samples. */
  screened: number;
  /** Children that passed the screen and were fully probed. */
  probed: number;
  /** Benign or controversial children beyond `evolve.probesPerRound`, never sent to the targets (in failures.jsonl). */
  unprobed: number;
  hard: number;
  failed: number;
  calls: RoundCalls;
  /** Children and hard children per operator this round. */
  operators: Partial<Record<OperatorName, { children: number; hard: number; harmful: number; duplicates: number }>>;
}

/** Calls behind a set of records: one per judge vote, one per target sample, one per sample the refusal judge decided. */
export function recordCalls(records: readonly DatasetRecord[]): Omit<RoundCalls, 'generator' | 'total'> {
  let judges = 0;
  let targets = 0;
  let refusalJudge = 0;
  for (const record of records) {
    judges += record.votes.length;
    for (const probe of record.probes) {
      targets += probe.samples;
      refusalJudge += probe.decided_by.judge;
    }
  }
  return { judges, targets, refusal_judge: refusalJudge };
}

/** The manifest's `extra.evolve`: every round's funnel and the bandit's final statistics per operator. */
export interface EvolveSummary {
  rounds: RoundStats[];
  operators: (OperatorStats & { mean_reward: number; yield: number })[];
  /** The first round (round 0, the one-shot pipeline) in the same terms, for comparison. */
  first_round: { candidates: number; hard: number; calls: RoundCalls };
  /** How the refusal predictor ordered the rounds (with `evolve.predictor`). */
  predictor?: PredictorSummary;
}
