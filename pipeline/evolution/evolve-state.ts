import type { Candidate, DatasetRecord, JudgedCandidate } from '../schemas/candidate.ts';
import type { OperatorName } from '../schemas/evolve.ts';
import type { ChildFate } from './bandit.ts';
import type { RoundPredictor } from './predictor-summary.ts';
import type { MutationTask } from './plan-round.ts';
import type { RoundStats } from './round-stats.ts';
import type { ScreenOutput } from './screen-stage.ts';

/** The search so far: what every earlier round decided, and the round in progress. */
export interface EvolveState {
  /** The round in progress (1-based); 0 before the first. */
  round: number;
  /** Prompts mutated in an earlier round: never parents again. */
  usedParents: string[];
  /** What became of every child of every finished round, for the bandit. */
  fates: { operator: OperatorName; fate: ChildFate }[];
  /** One entry per finished round. */
  rounds: RoundStats[];
  /** How the predictor did in each finished round (with `evolve.predictor`). */
  predictorRounds: RoundPredictor[];
  current: RoundInProgress;
}

/** The round in progress, stage by stage. */
export interface RoundInProgress {
  parents: DatasetRecord[];
  tasks: MutationTask[];
  /** Tasks whose generator call failed. */
  failedTasks: MutationTask[];
  children: Candidate[];
  kept: Candidate[];
  /** The operator of every child removed as a duplicate. */
  duplicateOperators: OperatorName[];
  judged: JudgedCandidate[];
  screened: { child: JudgedCandidate; screen: ScreenOutput }[];
  /** Children that failed after generation, by id. */
  failedChildren: string[];
  /** Children beyond `evolve.probesPerRound`, by id: never sent to the targets. */
  unprobed: string[];
  records: DatasetRecord[];
}

export function emptyRound(): RoundInProgress {
  return { parents: [], tasks: [], failedTasks: [], children: [], kept: [], duplicateOperators: [], judged: [], screened: [], failedChildren: [], unprobed: [], records: [] };
}

export function startEvolveState(): EvolveState {
  return { round: 0, usedParents: [], fates: [], rounds: [], predictorRounds: [], current: emptyRound() };
}
