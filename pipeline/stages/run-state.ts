import type { RunOutcome } from '../dataset/run-outcome.ts';
import type { EarlierIndex } from '../dedupe/earlier-index.ts';
import type { Candidate, DatasetRecord, DuplicateRecord, Failure, JudgedCandidate } from '../schemas/candidate.ts';
import type { Seed } from '../schemas/seed.ts';
import type { ExpansionSummary } from '../expansion/expand-output.ts';
import { generatedCount } from './routing-rules.ts';

/**
 * A run so far, as the stages of the graph fill it in: each stage reads its input from
 * here and folds its results back. The in-process runner fills it as it computes; the
 * queue fills it from the results stored in Redis, through the same stage functions.
 */
export interface RunState {
  seeds: Seed[];
  /** Earlier data (previous versions, named datasets) new prompts must not repeat. */
  against?: EarlierIndex;
  /** What the generator returned, before dedupe. */
  candidates: Candidate[];
  /** Survivors of dedupe, in judging order. */
  kept: Candidate[];
  duplicates: DuplicateRecord[];
  judged: JudgedCandidate[];
  /** Probed candidates. */
  records: DatasetRecord[];
  /** Candidates judged harmful, recorded unprobed. */
  toxic: DatasetRecord[];
  failures: Failure[];
  /** What the search rounds added beyond their records, duplicates and failures; null before them, or with no rounds. */
  evolution: { generated: number; summary: unknown } | null;
  /** What seed expansion did; null before it, or with no expansion. */
  expansion: ExpansionSummary | null;
}

export function startRunState(options: { seeds: Seed[]; against?: EarlierIndex }): RunState {
  return { seeds: options.seeds, against: options.against, candidates: [], kept: [], duplicates: [], judged: [], records: [], toxic: [], failures: [], evolution: null, expansion: null };
}

/** What the export writes: every seed and candidate accounted for, as a record, a duplicate or a failure. */
export function outcomeOf(state: RunState): RunOutcome {
  return {
    seeds: state.seeds,
    generated: generatedCount({ candidates: state.candidates.length, failures: state.failures }) + (state.evolution?.generated ?? 0),
    records: [...state.records, ...state.toxic],
    duplicates: state.duplicates,
    failures: state.failures,
    ...(state.evolution ? { evolve: state.evolution.summary } : {}),
    ...(state.expansion ? { expansion: state.expansion } : {}),
  };
}
