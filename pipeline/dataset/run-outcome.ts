import type { DatasetRecord, DuplicateRecord, Failure } from '../schemas/candidate.ts';
import type { Category } from '../schemas/category.ts';
import type { Seed } from '../schemas/seed.ts';
import type { ExpansionSummary } from '../expansion/expand-output.ts';

/** Everything a run produced, before it is written: the same shape from either runner. */
export interface RunOutcome {
  seeds: Seed[];
  /** Candidates the generator returned, before dedupe. */
  generated: number;
  records: DatasetRecord[];
  duplicates: DuplicateRecord[];
  failures: Failure[];
  /** The search rounds' summary (the manifest's `extra.evolve`), when the run had rounds. */
  evolve?: unknown;
  /** What seed expansion did (the manifest's `extra.expansion`), when the run expanded its seeds. */
  expansion?: ExpansionSummary;
}

export interface StageCounts {
  seeds: number;
  seeds_failed: number;
  candidates: number;
  duplicates_exact: number;
  duplicates_near: number;
  judged: number;
  benign: number;
  controversial: number;
  harmful: number;
  hard: number;
  failed_candidates: number;
}

/** Counts overall and per seed category, for the manifest, the card and the terminal. */
export function countOutcome(outcome: RunOutcome): { overall: StageCounts; byCategory: Record<string, StageCounts> } {
  const seedCategory = new Map(outcome.seeds.map((seed) => [seed.id, seed.category]));
  const byCategory: Record<string, StageCounts> = {};
  const overall = emptyCounts();
  const bump = (category: Category | undefined, field: keyof StageCounts, amount = 1) => {
    overall[field] += amount;
    if (category) (byCategory[category] ??= emptyCounts())[field] += amount;
  };
  for (const seed of outcome.seeds) bump(seed.category, 'seeds');
  for (const failure of outcome.failures) {
    // Concepts seed expansion did not write were never seeds: the card's Seeds section counts them.
    if (failure.kind === 'concepts' || failure.seed_id === null) continue;
    bump(seedCategory.get(failure.seed_id), failure.kind === 'seed' ? 'seeds_failed' : 'failed_candidates');
  }
  for (const duplicate of outcome.duplicates) bump(seedCategory.get(duplicate.seed_id), duplicate.kind === 'exact' ? 'duplicates_exact' : 'duplicates_near');
  for (const record of outcome.records) {
    const category = seedCategory.get(record.seed.id);
    bump(category, 'judged');
    bump(category, record.label);
    if (record.hard) bump(category, 'hard');
  }
  for (const counts of [overall, ...Object.values(byCategory)]) {
    // Every candidate ends judged, as a duplicate, or as a failure; this sum is checked against `generated`.
    counts.candidates = counts.judged + counts.duplicates_exact + counts.duplicates_near + counts.failed_candidates;
  }
  return { overall, byCategory: Object.fromEntries(Object.entries(byCategory).sort(([a], [b]) => a.localeCompare(b))) };
}

function emptyCounts(): StageCounts {
  return { seeds: 0, seeds_failed: 0, candidates: 0, duplicates_exact: 0, duplicates_near: 0, judged: 0, benign: 0, controversial: 0, harmful: 0, hard: 0, failed_candidates: 0 };
}
