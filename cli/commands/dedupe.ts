import path from 'node:path';
import type { Command } from 'commander';
import { dedupeFiles } from '../../pipeline/dedupe/run-dedupe-files.ts';
import { EXIT } from '../exit-codes.ts';
import { abortOnSignals } from '../interrupt.ts';
import { fractionFlag } from '../parse-flags.ts';

export function registerDedupeCommand(program: Command): void {
  program
    .command('dedupe')
    .description(
      'Remove exact and near-duplicate prompts (normalised edit similarity >= threshold), within the file and against earlier data. ' +
        'Keeps the smallest id of each group; other fields pass through unchanged.',
    )
    .requiredOption('--in <file>', 'JSONL input; each row needs "id" and "prompt"')
    .requiredOption('--out <file>', 'JSONL output: surviving rows, in input order')
    .option('--threshold <number>', 'edit similarity at or above which two prompts are duplicates', '0.85')
    .option('--against <files...>', 'earlier datasets (JSONL with id/prompt, or CSV with a prompt column) to dedupe against')
    .option('--report <file>', 'JSONL report: one line per removal (removed_id, kept_id, similarity, kind, against)')
    .option('--index <file>', 'index of earlier data: everything in it is deduped against, and --remember adds to it (default: dedupe-index.jsonl next to --out, which only caches the --against files)')
    .option('--remember', 'add the survivors to the index, for a later dedupe that names it with --index', false)
    .action(async (options: { in: string; out: string; threshold: string; against?: string[]; report?: string; index?: string; remember: boolean }) => {
      const threshold = fractionFlag(options.threshold, '--threshold');
      const interrupt = abortOnSignals();
      // Reading a big file cannot be cut short: once stopped, the process leaves within a second whatever is still reading.
      interrupt.signal.addEventListener('abort', () => setTimeout(() => process.exit(EXIT.interrupted), 1000).unref(), { once: true });
      try {
        const summary = await dedupeFiles({
          input: options.in,
          output: options.out,
          threshold,
          against: options.against ?? [],
          report: options.report,
          index: options.index ?? path.join(path.dirname(options.out), 'dedupe-index.jsonl'),
          indexNamed: options.index !== undefined,
          remember: options.remember,
          signal: interrupt.signal,
          onRead: (count) => process.stderr.write(`dedupe: ${count} prompts read from ${options.in}\n`),
        });
        process.stderr.write(
          `dedupe: kept ${summary.kept} of ${summary.total}; removed ${summary.exact} exact, ${summary.near} near, ` +
            `${summary.againstEarlier} against earlier data (${summary.earlierPrompts} earlier prompts)` +
            `${summary.indexSaved ? '; index saved' : ''}\n`,
        );
        if (summary.pairsUndecided > 0) {
          process.stderr.write(`dedupe: ${summary.pairsUndecided} pairs of very long prompts were too costly to compare; both prompts of each were kept\n`);
        }
      } finally {
        interrupt.dispose();
      }
    });
}
