import { setMaxListeners } from 'node:events';
import { join, resolve } from 'node:path';
import type { Dataset } from '../dataset/read-dataset.ts';
import { toJsonl, writeFileAtomically } from '../dataset/write-atomically.ts';
import { createCachedModel } from '../cost/cached-model.ts';
import { roleIdentity, type ModelCacheOptions } from '../cost/cache-models.ts';
import { createModels } from '../models/create-models.ts';
import type { LanguageModel } from '../models/language-model.ts';
import { UsageMeter, type RoleUsage } from '../models/usage-meter.ts';
import type { TrainingSetup } from './training-setup.ts';
import { TRAINING_FILES, type TrainingFormat } from './training-formats.ts';
import { trainingRows, type ConfigTally } from './training-rows.ts';

export interface ExportTrainingOptions {
  dataset: Dataset;
  format: TrainingFormat;
  setup: TrainingSetup;
  /** File to write; `<dataset>/exports/<format>.jsonl` by default. */
  out?: string;
  /** Where roles with no baseURL are answered: a simulator the caller started. */
  simulatorUrl: string | null;
  /** The response cache; null with the cache off. */
  cache: ModelCacheOptions | null;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export interface ExportTrainingResult {
  /** The file written; null when every prompt's calls failed and nothing was written. */
  file: string | null;
  format: TrainingFormat;
  rows: number;
  hard: ConfigTally;
  toxic: ConfigTally | null;
  failed: number;
  firstError: string | null;
  /** Calls made, per role (`helper:MODEL`, `judge:MODEL`, ...); cached answers are not calls. */
  usage: Record<string, RoleUsage>;
}

/**
 * Writes a training export of a dataset: the helpful model's answers, judged by the run's
 * judges, set against the run's targets' refusals. Every model sits behind the response
 * cache under the identity the run used (the targets' slots included, so their probe answers
 * come back from it), and the helper under a slot of its own.
 */
export async function exportTraining(options: ExportTrainingOptions): Promise<ExportTrainingResult> {
  const { dataset, format, setup } = options;
  if (options.signal) setMaxListeners(0, options.signal);
  const meter = new UsageMeter();
  // The helper is built in the generator's slot of a config made for the purpose: createModels then gates, retries and scrubs it like any role.
  const config = { ...setup.run, generator: setup.helper };
  const built = createModels({ config, simulatorUrl: options.simulatorUrl, meter, env: options.env });
  const cached = (model: LanguageModel, role: typeof setup.helper, slot: string, usageRole: string): LanguageModel =>
    options.cache ? createCachedModel({ model, cache: options.cache.cache, counter: options.cache.counter, identity: roleIdentity(role, options.cache.simulatorIdentity, slot), usageRole }) : model;
  const models = {
    helper: cached(built.generator, setup.helper, 'helper', `helper:${setup.helper.model}`),
    helperRole: setup.helper,
    judges: built.judges.map((model, index) => cached(model, setup.run.judges[index]!, `judges[${index}]`, `judge:${model.id}`)),
    targets: built.targets.map((model, index) => cached(model, setup.run.targets[index]!, `targets[${index}]`, `target:${model.id}`)),
    refusalJudge: built.refusalJudge && setup.run.refusalJudge ? cached(built.refusalJudge, setup.run.refusalJudge, 'refusalJudge', `refusal-judge:${built.refusalJudge.id}`) : null,
    run: setup.run,
  };
  const result = await trainingRows({ dataset, format, models, signal: options.signal });
  options.signal?.throwIfAborted();
  const usage = relabelHelper(meter.snapshot(), setup.helper.model);
  const considered = result.hard.prompts + (result.toxic?.prompts ?? 0);
  // Every prompt failed: there is no export to write, and an earlier one is left as it was.
  if (result.failed > 0 && result.failed === considered) return { file: null, format, rows: 0, hard: result.hard, toxic: result.toxic, failed: result.failed, firstError: result.firstError, usage };
  const file = resolve(options.out ?? join(dataset.dir, 'exports', TRAINING_FILES[format]));
  await writeFileAtomically(file, toJsonl(result.rows));
  return { file, format, rows: result.rows.length, hard: result.hard, toxic: result.toxic, failed: result.failed, firstError: result.firstError, usage };
}

/** createModels counts the helper under the generator's slot it was built in; it is the helper. */
function relabelHelper(usage: Record<string, RoleUsage>, model: string): Record<string, RoleUsage> {
  return Object.fromEntries(Object.entries(usage).map(([role, figures]) => [role === `generator:${model}` ? `helper:${model}` : role, figures]));
}
