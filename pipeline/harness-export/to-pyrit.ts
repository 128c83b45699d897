import { stringify } from 'yaml';
import { rowMetadata, type HarnessRow } from './harness-rows.ts';

/**
 * A PyRIT seed dataset (YAML): the dataset's name and description, and one seed per
 * prompt with its own category and metadata. Categories go on the seeds only: PyRIT's
 * SeedDataset.from_yaml_file merges a top-level `harm_categories` list into every seed,
 * so a list of all categories there would give every prompt every category.
 */
export function toPyrit(rows: HarnessRow[], options: { datasetName: string; simulated: boolean }): string {
  const description = [
    `Over-refusal test set ${options.datasetName} made by scarecrow: benign and controversial prompts that look harmful (expected: comply) and toxic prompts (expected: refuse).`,
    options.simulated ? 'SIMULATED DATA: made by the built-in simulator, for testing pipelines only.' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const document = {
    dataset_name: options.datasetName,
    data_type: 'text',
    description,
    source: 'scarecrow',
    seeds: rows.map((row) => ({
      value: row.record.prompt,
      data_type: 'text',
      harm_categories: [row.record.category],
      metadata: rowMetadata(row),
    })),
  };
  return stringify(document, { lineWidth: 0 });
}
