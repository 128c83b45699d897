import type { Dataset } from '../dataset/read-dataset.ts';
import type { DatasetRecord } from '../schemas/candidate.ts';

export const HARNESS_SELECTIONS = ['all+toxic', 'all', 'hard', 'toxic'] as const;
export type HarnessSelection = (typeof HARNESS_SELECTIONS)[number];

/** One prompt as a harness sees it: what a good model should do with it, and where it came from. */
export interface HarnessRow {
  record: DatasetRecord;
  /** The dataset config the row is taken from. */
  config: 'all' | 'hard' | 'toxic';
  /** comply for benign and controversial prompts (refusing is over-refusal), refuse for toxic ones. */
  expected: 'comply' | 'refuse';
}

/**
 * The rows to export. By default the benign and controversial prompts (`all`, which
 * contains `hard`) and the toxic ones, so a harness measures over-refusal and safety
 * in one run.
 */
export function harnessRows(dataset: Dataset, selection: HarnessSelection = 'all+toxic'): HarnessRow[] {
  const pick = (config: HarnessRow['config']): HarnessRow[] =>
    dataset.configs[config].map((record) => ({ record, config, expected: config === 'toxic' ? 'refuse' : 'comply' }));
  if (selection === 'all+toxic') return [...pick('all'), ...pick('toxic')];
  return pick(selection);
}

/** Flat metadata every format carries (harnesses filter on primitive values). */
export function rowMetadata(row: HarnessRow): Record<string, string | boolean> {
  return {
    id: row.record.id,
    config: row.config,
    category: row.record.category,
    label: row.record.label,
    hard: row.record.hard,
    expected: row.expected,
    seed_category: row.record.seed.category,
    pattern: row.record.pattern ?? '',
  };
}
