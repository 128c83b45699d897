import type { Command } from 'commander';
import { UserError } from '../../pipeline/errors/user-error.ts';
import type { ModelEvaluation, RefusalRate } from '../../pipeline/evaluation/evaluation-result.ts';
import { parseTargets } from '../../pipeline/evaluation/parse-targets.ts';
import { checkEvaluationKeys, evaluationRoles } from '../../pipeline/evaluation/evaluation-roles.ts';
import type { RunEvaluationResult } from '../../pipeline/evaluation/run-evaluation.ts';
import { simulatedTargets } from '../../pipeline/evaluation/simulated-targets.ts';
import { checkBatchSupport } from '../../pipeline/batch-api/check-batch-support.ts';
import { evaluationConfig } from '../../pipeline/evaluation/evaluation-config.ts';
import { checkEndpoints } from '../../pipeline/models/check-endpoints.ts';
import { EXIT } from '../exit-codes.ts';
import { abortOnSignals } from '../interrupt.ts';
import { optionalPositiveNumber, wholeNumberInRange } from '../parse-flags.ts';
import { evaluateDataset } from './evaluate-dataset.ts';
import { loadConfigOption } from './load-config-option.ts';

interface EvalFlags {
  dataset: string;
  target: string[];
  config?: string;
  samples: string;
  apiKeyEnv?: string;
  concurrency?: string;
  rpm?: string;
  quiet?: boolean;
}

export function registerEvalCommand(program: Command): void {
  program
    .command('eval')
    .description('Evaluate models on a dataset: over-refusal (benign, controversial, hard) and safety (toxic) refusal rates with 95% intervals, written to eval.json and the report.')
    .requiredOption('-d, --dataset <dir>', 'dataset folder, e.g. output/scarecrow-sim')
    .option('-t, --target <spec>', 'a model to evaluate, repeatable: MODEL for the built-in simulator (e.g. sim-target) or MODEL=BASE_URL for an OpenAI-compatible endpoint', collect, [])
    .option('-c, --config <file>', 'config file whose targets (with keys, limits, pricing) and refusalJudge are used when no --target is given')
    .option('-k, --samples <k>', 'answers sampled per prompt and model', '1')
    .option('--api-key-env <VAR>', 'environment variable holding the API key of the --target endpoints')
    .option('--concurrency <n>', 'requests in flight per --target endpoint (default 8)')
    .option('--rpm <n>', 'requests per minute per --target endpoint (default unlimited)')
    .option('-q, --quiet', 'no progress output')
    .action(async (flags: EvalFlags) => {
      const samples = wholeNumberInRange(flags.samples, '--samples', { min: 1, max: 50 });
      const loaded = flags.config ? await loadConfigOption(flags.config) : null;
      const targets =
        flags.target.length > 0
          ? parseTargets({ specs: flags.target, apiKeyEnv: flags.apiKeyEnv, maxConcurrency: optionalPositiveNumber(flags.concurrency, '--concurrency'), requestsPerMinute: optionalPositiveNumber(flags.rpm, '--rpm') })
          : (loaded?.config.targets ?? []);
      if (targets.length === 0) throw new UserError('no target to evaluate: give --target sim-target (simulator), --target MODEL=BASE_URL, or a --config with targets', { field: 'target' });
      const refusalJudge = loaded?.config.refusalJudge ?? null;
      const roles = evaluationRoles({ targets, refusalJudge });
      checkEvaluationKeys(roles);
      await checkEndpoints({ roles });
      // A target with batch: true (from --config) on an endpoint without a Batch API stops here, named.
      await checkBatchSupport({ config: evaluationConfig({ targets, refusalJudge, simulator: loaded?.config.simulator }), file: loaded?.file ?? undefined });
      const simulated = await simulatedTargets(targets);
      if (simulated.size > 0) process.stderr.write(banner());
      const interrupt = abortOnSignals();
      let lastTenth = -1;
      try {
        const result = await evaluateDataset({
          dataset: flags.dataset,
          targets,
          samples,
          refusalJudge,
          classifierConfidence: loaded?.config.probe.classifierConfidence,
          simulator: loaded?.config.simulator,
          simulatedTargets: simulated,
          signal: interrupt.signal,
          onProgress: flags.quiet
            ? undefined
            : ({ done, total }) => {
                const tenth = Math.floor((done / Math.max(1, total)) * 10);
                if (tenth !== lastTenth) process.stderr.write(`eval: ${done}/${total} answers\n`);
                lastTenth = tenth;
              },
        });
        process.stdout.write(summary(result, targets.map((role) => role.model)));
        for (const target of result.failedTargets) {
          process.stderr.write(`error: target ${target.model} (${target.endpoint}) gave no answer (${target.failed} failed after retries): ${target.reason}\n`);
        }
        if (result.file === null) process.stderr.write('nothing written: no target gave a single answer, so there is no evaluation to record\n');
        const partlyFailed = result.failed - result.failedTargets.reduce((sum, target) => sum + target.failed, 0);
        if (result.file !== null && partlyFailed > 0) process.stderr.write(`warning: ${partlyFailed} answers failed after retries; run the same command again to finish them\n`);
        if (result.simulated) process.stderr.write(banner());
        // A target that answered nothing was not evaluated: scripts must not take the run for a success.
        if (result.failedTargets.length > 0) process.exitCode = EXIT.failure;
      } finally {
        interrupt.dispose();
      }
    });
}

function summary(result: RunEvaluationResult, models: string[]): string {
  const rate = (value: RefusalRate) => (value.rate === null ? 'n/a' : `${(value.rate * 100).toFixed(1)}% [${(value.low! * 100).toFixed(1)}, ${(value.high! * 100).toFixed(1)}]`);
  const counts = `${result.ran} answers run, ${result.reused} reused from the checkpoint, ${result.failed} failed`;
  if (result.file === null || result.evaluation === null) return `eval failed: ${counts}\n`;
  const lines = [
    `eval written to ${result.file}${result.simulated ? '  (SIMULATED)' : ''}: ${counts}`,
    ...result.evaluation.models
      .filter((model) => models.includes(model.model))
      .map((model) => `  ${model.model}${model.simulated ? ' (simulated)' : ''}: over-refusal benign ${rate(model.overall.benign)}, controversial ${rate(model.overall.controversial)}, hard ${rate(model.overall.hard)}; safety (toxic) ${rate(model.overall.toxic)}${manner(model)}`),
  ];
  return lines.join('\n') + '\n';
}

/** "Can't" refusals of benign prompts (not counted as over-refusal) and consistency across a seed's rewrites. */
function manner(model: ModelEvaluation): string {
  const { cant, n } = model.overall.benign;
  const parts = [cant !== undefined && n > 0 ? `can't (benign) ${((cant / n) * 100).toFixed(1)}%` : null, model.consistency?.rate != null ? `consistent across rewrites ${(model.consistency.rate * 100).toFixed(1)}% of ${model.consistency.seeds} seeds` : null];
  const shown = parts.filter(Boolean);
  return shown.length > 0 ? `; ${shown.join(', ')}` : '';
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function banner(): string {
  const line = '!'.repeat(78);
  return `${line}\nSIMULATED: at least one target is a scarecrow simulator (built in, or one started with scarecrow sim), not a real language model.\nIts refusal rates test the tooling only; do not read them as a model's behaviour.\n${line}\n`;
}
