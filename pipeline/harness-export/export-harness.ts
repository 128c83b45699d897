import { join, resolve } from 'node:path';
import { readDataset } from '../dataset/read-dataset.ts';
import { writeFileAtomically } from '../dataset/write-atomically.ts';
import { UserError } from '../errors/user-error.ts';
import { harnessRows, HARNESS_SELECTIONS, type HarnessSelection } from './harness-rows.ts';
import { toCsv } from './to-csv.ts';
import { toInspect } from './to-inspect.ts';
import { toPromptfoo } from './to-promptfoo.ts';
import { toPyrit } from './to-pyrit.ts';
import { TRAINING_FORMATS } from '../training-export/training-formats.ts';

export const HARNESS_FORMATS = ['inspect', 'promptfoo', 'pyrit', 'csv'] as const;
export type HarnessFormat = (typeof HARNESS_FORMATS)[number];

const DEFAULT_FILES: Record<HarnessFormat, string> = {
  inspect: 'inspect.jsonl',
  promptfoo: 'promptfoo-tests.jsonl',
  pyrit: 'pyrit-seeds.yaml',
  csv: 'prompts.csv',
};

export interface ExportHarnessOptions {
  dataset: string;
  format: string;
  /** File to write; `<dataset>/exports/<format file>` by default. */
  out?: string;
  selection?: string;
}

export interface ExportHarnessResult {
  file: string;
  rows: number;
  format: HarnessFormat;
}

/** Writes a dataset in the shape an evaluation harness loads without any mapping. */
export async function exportHarness(options: ExportHarnessOptions): Promise<ExportHarnessResult> {
  const format = checkFormat(options.format);
  const selection = checkSelection(options.selection ?? 'all+toxic');
  const dataset = await readDataset(options.dataset);
  const rows = harnessRows(dataset, selection);
  const content =
    format === 'inspect'
      ? toInspect(rows)
      : format === 'promptfoo'
        ? toPromptfoo(rows)
        : format === 'pyrit'
          ? toPyrit(rows, { datasetName: dataset.manifest.name, simulated: dataset.manifest.simulated })
          : toCsv(rows);
  const file = resolve(options.out ?? join(dataset.dir, 'exports', DEFAULT_FILES[format]));
  await writeFileAtomically(file, content);
  return { file, rows: rows.length, format };
}

function checkFormat(format: string): HarnessFormat {
  if ((HARNESS_FORMATS as readonly string[]).includes(format)) return format as HarnessFormat;
  throw new UserError(`--format: unknown format "${format}"; use one of ${[...HARNESS_FORMATS, ...TRAINING_FORMATS].join(', ')}`, { field: 'format' });
}

function checkSelection(selection: string): HarnessSelection {
  if ((HARNESS_SELECTIONS as readonly string[]).includes(selection)) return selection as HarnessSelection;
  throw new UserError(`--configs: unknown selection "${selection}"; use one of ${HARNESS_SELECTIONS.join(', ')}`, { field: 'configs' });
}
