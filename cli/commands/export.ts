import type { Command } from 'commander';
import { exportHarness, HARNESS_FORMATS } from '../../pipeline/harness-export/export-harness.ts';
import { HARNESS_SELECTIONS } from '../../pipeline/harness-export/harness-rows.ts';
import { isTrainingFormat, TRAINING_FORMATS } from '../../pipeline/training-export/training-formats.ts';
import { EXIT } from '../exit-codes.ts';
import { abortOnSignals } from '../interrupt.ts';
import { runTrainingExport } from './export-training.ts';
import { trainingSummary } from './training-summary.ts';

interface ExportFlags {
  dataset: string;
  format: string;
  out?: string;
  configs?: string;
  config?: string;
  /** false with --no-cache. */
  cache: boolean;
  queue?: boolean;
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('Write a dataset in an evaluation harness\'s format (inspect_evals JSONL, a promptfoo test file, a PyRIT seed-prompt YAML or plain CSV), or as fine-tuning data: sft (chat-messages JSONL) or dpo (prompt / chosen / rejected triples).')
    .requiredOption('-d, --dataset <dir>', 'dataset folder, e.g. output/scarecrow-sim')
    .requiredOption('-f, --format <format>', `one of ${[...HARNESS_FORMATS, ...TRAINING_FORMATS].join(', ')}`)
    .option('-o, --out <file>', 'file to write (default: <dataset>/exports/<format file>)')
    .option('--configs <which>', `rows to export (harness formats): ${HARNESS_SELECTIONS.join(', ')}`, 'all+toxic')
    .option('-c, --config <file>', 'sft and dpo: config file whose helper (the helpful model) writes the answers; the run\'s own config when it names one')
    .option('--no-cache', 'sft and dpo: make every call, taking no answer from the response cache and keeping none in it')
    .option('--queue', 'sft and dpo: use the response cache of queued runs, in Redis (REDIS_URL, SCARECROW_QUEUE_PREFIX), for a dataset made with run --queue')
    .action(async (flags: ExportFlags) => {
      if (isTrainingFormat(flags.format)) return exportForTraining(flags, flags.format);
      const result = await exportHarness({ dataset: flags.dataset, format: flags.format, out: flags.out, selection: flags.configs });
      process.stdout.write(`${result.format}: ${result.rows} rows written to ${result.file}\n`);
      if (result.format === 'promptfoo') process.stdout.write(`use it in promptfooconfig.yaml as: tests: file://${result.file}\n`);
    });
}

async function exportForTraining(flags: ExportFlags, format: 'sft' | 'dpo'): Promise<void> {
  const interrupt = abortOnSignals();
  try {
    const result = await runTrainingExport({ dataset: flags.dataset, format, out: flags.out, config: flags.config, cache: flags.cache, queue: flags.queue, signal: interrupt.signal });
    const { stdout, stderr } = trainingSummary(result);
    process.stdout.write(stdout);
    process.stderr.write(stderr);
    // Nothing written because every prompt's calls failed: scripts must not take it for a success.
    if (result.file === null) process.exitCode = EXIT.failure;
  } finally {
    interrupt.dispose();
  }
}
