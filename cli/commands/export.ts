import type { Command } from 'commander';
import { exportHarness, HARNESS_FORMATS } from '../../pipeline/harness-export/export-harness.ts';
import { HARNESS_SELECTIONS } from '../../pipeline/harness-export/harness-rows.ts';

interface ExportFlags {
  dataset: string;
  format: string;
  out?: string;
  configs?: string;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Write a dataset in an evaluation harness\'s format: inspect_evals JSONL, a promptfoo test file, a PyRIT seed-prompt YAML or plain CSV.')
    .requiredOption('-d, --dataset <dir>', 'dataset folder, e.g. output/scarecrow-sim')
    .requiredOption('-f, --format <format>', `one of ${HARNESS_FORMATS.join(', ')}`)
    .option('-o, --out <file>', 'file to write (default: <dataset>/exports/<format file>)')
    .option('--configs <which>', `rows to export: ${HARNESS_SELECTIONS.join(', ')}`, 'all+toxic')
    .action(async (flags: ExportFlags) => {
      const result = await exportHarness({ dataset: flags.dataset, format: flags.format, out: flags.out, selection: flags.configs });
      process.stdout.write(`${result.format}: ${result.rows} rows written to ${result.file}\n`);
      if (result.format === 'promptfoo') process.stdout.write(`use it in promptfooconfig.yaml as: tests: file://${result.file}\n`);
    });
}
