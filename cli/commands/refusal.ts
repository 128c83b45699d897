import type { Command } from 'commander';
import { abortOnSignals } from '../interrupt.ts';
import { classifyJsonlFile } from '../../pipeline/refusal/classify-file.ts';
import { evaluateFiles } from '../../pipeline/refusal/evaluate-files.ts';
import { formatReportBySource } from '../../pipeline/refusal/format-report.ts';
import { REFUSAL_CLASSIFIER_VERSION } from '../../pipeline/refusal/version.ts';

export function registerRefusalCommand(program: Command): void {
  const refusal = program.command('refusal').description(`Embedded refusal classifier (${REFUSAL_CLASSIFIER_VERSION}): label model responses as refusal or compliance, offline.`);

  refusal
    .command('classify')
    .description('Add label, label3 and confidence to each JSONL row (fields: id, response, optional prompt).')
    .requiredOption('--in <file>', 'input JSONL')
    .requiredOption('--out <file>', 'output JSONL (written whole or not at all)')
    .action(async (flags: { in: string; out: string }) => {
      const interrupt = abortOnSignals();
      try {
        const { rows } = await classifyJsonlFile({ input: flags.in, output: flags.out, signal: interrupt.signal });
        process.stderr.write(`classified ${rows} rows with ${REFUSAL_CLASSIFIER_VERSION} into ${flags.out}\n`);
      } finally {
        interrupt.dispose();
      }
    });

  refusal
    .command('eval')
    .description('Score the classifier against gold labels: JSONL rows with response and label, or XSTest/PHTest CSVs.')
    .requiredOption('--in <files...>', 'labelled files (repeatable); source = file name, or a "source" field on JSONL rows')
    .option('--json', 'print the report as JSON')
    .action(async (flags: { in: string[]; json?: boolean }) => {
      const result = await evaluateFiles(flags.in);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      process.stdout.write(`classifier ${result.classifierVersion}\n${formatReportBySource('', result)}\n`);
    });
}
