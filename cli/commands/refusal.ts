import type { Command } from 'commander';
import { abortOnSignals } from '../interrupt.ts';
import { numberFlag } from '../parse-flags.ts';
import { loadConfigOption } from './load-config-option.ts';
import { classifyJsonlFile } from '../../pipeline/refusal/classify-file.ts';
import { evaluateFiles } from '../../pipeline/refusal/evaluate-files.ts';
import { formatEvaluation } from '../../pipeline/refusal/format-report.ts';
import { REFUSAL_CLASSIFIER_VERSION } from '../../pipeline/refusal/version.ts';

/** The cascade's threshold: --threshold, else the config's probe.classifierConfidence (the default config's without --config). */
async function threshold(flags: { threshold?: string; config?: string }): Promise<number> {
  if (flags.threshold !== undefined) return numberFlag({ flag: '--threshold', value: flags.threshold, min: 0.5, max: 1, integer: false });
  return (await loadConfigOption(flags.config)).config.probe.classifierConfidence;
}

export function registerRefusalCommand(program: Command): void {
  const refusal = program.command('refusal').description(`Embedded refusal classifier (${REFUSAL_CLASSIFIER_VERSION}): label model responses as refusal or compliance, offline.`);

  refusal
    .command('classify')
    .description('Add label, label3, confidence, confident (whether the cascade would trust the classifier alone) and, for a refusal, style, reason (wont/cant) and basis to each JSONL row (fields: id, response, optional prompt).')
    .requiredOption('--in <file>', 'input JSONL')
    .requiredOption('--out <file>', 'output JSONL (written whole or not at all)')
    .option('-c, --config <file>', "config whose probe.classifierConfidence sets the threshold for confident")
    .option('--threshold <confidence>', 'confidence from which the classifier decides alone (0.5-1); overrides the config')
    .action(async (flags: { in: string; out: string; config?: string; threshold?: string }) => {
      const interrupt = abortOnSignals();
      try {
        const at = await threshold(flags);
        const { rows, confident } = await classifyJsonlFile({ input: flags.in, output: flags.out, threshold: at, signal: interrupt.signal });
        process.stderr.write(`classified ${rows} rows with ${REFUSAL_CLASSIFIER_VERSION} into ${flags.out}; ${confident} confident at ${at}, ${rows - confident} for a refusal judge\n`);
      } finally {
        interrupt.dispose();
      }
    });

  refusal
    .command('eval')
    .description("Score the classifier against gold labels (JSONL rows with response and label, or XSTest/PHTest CSVs), beside XSTest's, GCG's and promptfoo's string matches.")
    .requiredOption('--in <files...>', 'labelled files (repeatable); source = file name, or a "source" field on JSONL rows')
    .option('-c, --config <file>', "config whose probe.classifierConfidence sets the cascade's threshold")
    .option('--threshold <confidence>', 'confidence from which the classifier decides alone (0.5-1); overrides the config')
    .option('--json', 'print the report as JSON')
    .action(async (flags: { in: string[]; json?: boolean; config?: string; threshold?: string }) => {
      const result = await evaluateFiles({ files: flags.in, threshold: await threshold(flags) });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${formatEvaluation(result)}\n`);
    });
}
