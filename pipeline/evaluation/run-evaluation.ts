import { setMaxListeners } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readDataset, type Dataset } from '../dataset/read-dataset.ts';
import { writeFileAtomically } from '../dataset/write-atomically.ts';
import { FileBatchJournal } from '../batch-api/batch-journal.ts';
import { usesBatches } from '../batch-api/batch-models.ts';
import { createRunModels } from '../runs/create-run-models.ts';
import type { LanguageModel } from '../models/language-model.ts';
import { redactUrl } from '../models/openai-model.ts';
import { UsageMeter, type RoleUsage } from '../models/usage-meter.ts';
import { REFUSAL_CLASSIFIER_VERSION } from '../refusal/classify.ts';
import { REFUSAL_CUES_VERSION } from '../refusal/refusal-cue-data.ts';
import { sampleTarget } from '../refusal/sample-target.ts';
import type { ModelRole } from '../schemas/config.ts';
import { UserError } from '../errors/user-error.ts';
import { CHECKPOINT_FILE, checkpointKey, openCheckpoint, readCheckpoint, type CheckpointEntry } from './evaluation-checkpoint.ts';
import { withEvaluationSection } from './evaluation-card-section.ts';
import { EVALUATION_METHOD, EvaluationFile, type ModelEvaluation } from './evaluation-result.ts';
import { evaluationConfig } from './evaluation-config.ts';
import { checkEvaluationKeys, evaluationRoles } from './evaluation-roles.ts';
import { checkDistinct } from './parse-targets.ts';
import { simulatedTargets } from './simulated-targets.ts';
import { readSamples } from './read-samples.ts';
import { summariseConsistency } from './summarise-consistency.ts';
import { summariseModel } from './summarise-evaluation.ts';
import { summariseRefusalMix } from './summarise-refusal-mix.ts';

/** The journal of an evaluation's Batch API jobs, in the dataset folder while it runs. */
export const EVAL_BATCHES_FILE = '.eval-batches.jsonl';

export interface RunEvaluationOptions {
  dataset: string;
  targets: ModelRole[];
  samples: number;
  refusalJudge?: ModelRole | null;
  /** Classifier confidence below which the refusal judge (if any) decides. */
  classifierConfidence?: number;
  /** Where the roles with no baseURL are answered: a running simulator, started by the caller. */
  simulatorUrl?: string | null;
  /** Targets known to be simulated; asked of their endpoints when not given. */
  simulatedTargets?: ReadonlySet<string>;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface RunEvaluationResult {
  /** eval.json, or null when no target gave a single answer and nothing was written. */
  file: string | null;
  evaluation: EvaluationFile | null;
  simulated: boolean;
  reused: number;
  ran: number;
  failed: number;
  /** Targets without one finished answer: left out of eval.json, the card and the report. */
  failedTargets: FailedTarget[];
  usage: Record<string, RoleUsage>;
}

export interface FailedTarget {
  model: string;
  endpoint: string;
  failed: number;
  /** The first error, as the endpoint gave it. */
  reason: string;
}

interface WorkItem {
  target: LanguageModel;
  role: ModelRole;
  id: string;
  prompt: string;
  sample: number;
}

/**
 * Runs each target on every prompt of all, hard and toxic, `samples` times, labels the
 * answers with the refusal cascade, and writes eval.json and the card's evaluation section.
 * Finished samples go to a checkpoint as they come, so a rerun after an interruption picks
 * up where it stopped. The caller starts a simulator for roles with no baseURL and writes
 * the report, so the domain neither serves models nor renders pages.
 */
export async function runEvaluation(options: RunEvaluationOptions): Promise<RunEvaluationResult> {
  checkDistinct(options.targets);
  // Every request in flight listens to the same signal.
  if (options.signal) setMaxListeners(0, options.signal);
  const dataset = await readDataset(options.dataset);
  const config = evaluationConfig(options);
  checkEvaluationKeys(evaluationRoles(options), options.env);
  const simulatedModels = options.simulatedTargets ?? (await simulatedTargets(options.targets, options.env));
  const simulatorUrl = options.simulatorUrl ?? null;
  const unserved = evaluationRoles(options).find(({ role }) => !role.baseURL && simulatorUrl === null);
  if (unserved) throw new UserError(`${unserved.name} has no baseURL and no simulator was started to answer it`, { field: 'baseURL' });
  const checkpointFile = join(dataset.dir, CHECKPOINT_FILE);
  const done = await readCheckpoint(checkpointFile, REFUSAL_CLASSIFIER_VERSION);
  const meter = new UsageMeter();
  const checkpoint = await openCheckpoint(checkpointFile);
  // Targets with batch: true send their samples as Batch API jobs, journalled beside the
  // checkpoint so a stopped evaluation polls the same batches again instead of paying twice.
  const batches = usesBatches(config) ? new FileBatchJournal(join(dataset.dir, EVAL_BATCHES_FILE)) : null;
  let ran = 0;
  let failed = 0;
  let reused = 0;
  const firstError = new Map<string, string>();
  const failedByModel = new Map<string, number>();
  try {
    const models = createRunModels({ config, simulatorUrl, meter, env: options.env, batch: batches ? { journal: batches } : undefined });
    const prompts = [...dataset.configs.all, ...dataset.configs.toxic];
    const items: WorkItem[] = [];
    options.targets.forEach((role, index) => {
      for (const record of prompts) for (let sample = 0; sample < options.samples; sample += 1) items.push({ target: models.targets[index]!, role, id: record.id, prompt: record.prompt, sample });
    });
    const todo = items.filter((item) => !done.has(checkpointKey({ model: item.role.model, ...item })));
    reused = items.length - todo.length;
    let finished = reused;
    options.onProgress?.({ done: finished, total: items.length });
    await Promise.all(
      todo.map(async (item) => {
        try {
          const entry = await answer({ item, refusalJudge: models.refusalJudge, minConfidence: options.classifierConfidence ?? 0.8, signal: options.signal });
          done.set(checkpointKey(entry), entry);
          checkpoint.append(entry);
          ran += 1;
        } catch (error) {
          // A sample that failed after its retries is left out of the checkpoint; a rerun tries it again.
          if (options.signal?.aborted) return;
          failed += 1;
          failedByModel.set(item.role.model, (failedByModel.get(item.role.model) ?? 0) + 1);
          if (!firstError.has(item.role.model)) firstError.set(item.role.model, error instanceof Error ? error.message : String(error));
        }
        finished += 1;
        options.onProgress?.({ done: finished, total: items.length });
      }),
    );
    options.signal?.throwIfAborted();
    // Every batch has been read into the checkpoint (or failed into a rerun's work).
    await batches?.discard();
  } finally {
    await checkpoint.close();
  }

  const entries = [...done.values()];
  const evaluatedAt = new Date().toISOString();
  const finishedOf = (role: ModelRole) => entries.filter((entry) => entry.model === role.model && entry.sample < options.samples);
  const endpointOf = (role: ModelRole) => (role.baseURL ? redactUrl(role.baseURL) : 'simulator');
  // A target that gave no answer at all was not evaluated: writing its all-n/a rates would claim it was.
  const failedTargets = options.targets
    .filter((role) => finishedOf(role).length === 0)
    .map((role): FailedTarget => ({ model: role.model, endpoint: endpointOf(role), failed: failedByModel.get(role.model) ?? 0, reason: firstError.get(role.model) ?? 'no answer finished' }));
  const answered = options.targets.filter((role) => finishedOf(role).length > 0);
  if (answered.length === 0) return { file: null, evaluation: null, simulated: simulatedModels.size > 0, reused, ran, failed, failedTargets, usage: meter.snapshot() };
  const evaluations = answered.map((role): ModelEvaluation => {
    const mine = finishedOf(role);
    const samples = readSamples(mine);
    const { overall, byCategory } = summariseModel({ dataset, samples });
    const expected = (dataset.configs.all.length + dataset.configs.toxic.length) * options.samples;
    return {
      model: role.model,
      endpoint: endpointOf(role),
      simulated: simulatedModels.has(role.model),
      samples: options.samples,
      finished_samples: mine.length,
      failed_samples: expected - mine.length,
      overall,
      by_category: byCategory,
      refusal_mix: summariseRefusalMix({ dataset, samples }),
      consistency: summariseConsistency({ dataset, samples }),
      evaluated_at: evaluatedAt,
    };
  });
  const evaluation = await mergeEvaluation(dataset, evaluations);
  const file = join(dataset.dir, 'eval.json');
  await writeFileAtomically(file, JSON.stringify(evaluation, null, 2) + '\n');
  await writeFileAtomically(join(dataset.dir, 'README.md'), withEvaluationSection(dataset.card, evaluation));
  return { file, evaluation, simulated: evaluation.simulated, reused, ran, failed, failedTargets, usage: meter.snapshot() };
}

async function answer(options: { item: WorkItem; refusalJudge: LanguageModel | null; minConfidence: number; signal?: AbortSignal }): Promise<CheckpointEntry> {
  const { item } = options;
  const verdict = await sampleTarget({
    target: item.target,
    prompt: item.prompt,
    sample: item.sample,
    temperature: item.role.temperature,
    refusalJudge: options.refusalJudge,
    minConfidence: options.minConfidence,
    signal: options.signal,
  });
  return {
    model: item.role.model,
    id: item.id,
    sample: item.sample,
    refusal: verdict.refusal,
    label3: verdict.label3,
    decided_by: verdict.decided_by,
    classifier: REFUSAL_CLASSIFIER_VERSION,
    // Refusals are short and few; answers, long and many, are not kept.
    ...(verdict.refusal ? { response: verdict.response } : {}),
  };
}

/** Earlier results of models not evaluated this time are kept; re-evaluated ones are replaced. */
async function mergeEvaluation(dataset: Dataset, evaluations: ModelEvaluation[]): Promise<EvaluationFile> {
  const earlier = await readFile(join(dataset.dir, 'eval.json'), 'utf8')
    .then((text) => EvaluationFile.safeParse(JSON.parse(text)))
    .catch(() => null);
  const fresh = new Set(evaluations.map((evaluation) => evaluation.model));
  // An entry with no finished sample (as older versions wrote for a target that never answered) claims nothing.
  const kept = earlier?.success ? earlier.data.models.filter((model) => !fresh.has(model.model) && model.finished_samples > 0) : [];
  const models = [...kept, ...evaluations].sort((a, b) => a.model.localeCompare(b.model));
  return {
    dataset: dataset.manifest.name,
    simulated: dataset.manifest.simulated || models.some((model) => model.simulated),
    refusal_classifier: REFUSAL_CLASSIFIER_VERSION,
    refusal_cues: REFUSAL_CUES_VERSION,
    method: EVALUATION_METHOD,
    models,
  };
}
