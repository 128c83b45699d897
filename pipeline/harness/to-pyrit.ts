import { stringify } from 'yaml';
import { rowMetadata, type HarnessRow } from './harness-rows.ts';

/**
 * A PyRIT seed-prompt dataset (YAML): the dataset's name, its harm categories, and one
 * seed per prompt with its own category and metadata.
 */
export function toPyrit(rows: HarnessRow[], options: { datasetName: string; simulated: boolean }): string {
  const categories = [...new Set(rows.map((row) => row.record.category))].sort();
  const description = [
    `Over-refusal test set ${options.datasetName} made by scarecrow: benign and controversial prompts that look harmful (expected: comply) and toxic prompts (expected: refuse).`,
    options.simulated ? 'SIMULATED DATA: made by the built-in simulator, for testing pipelines only.' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const document = {
    dataset_name: options.datasetName,
    harm_categories: categories,
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
