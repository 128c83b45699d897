import type { Job } from 'bullmq';
import { generate } from '../../pipeline/stages/generate.ts';
import { GenerateJobData } from '../job-data.ts';
import type { RunSpec } from '../run-spec.ts';
import type { StoredResult } from '../stored-result.ts';
import type { GenerateOutput } from '../../pipeline/stages/generate.ts';
import type { JobEnvironment } from '../job-environment.ts';
import { parseJobData } from '../parse-job-data.ts';
import { recordResult } from '../record-result.ts';
import { runKeys } from '../run-keys.ts';
import { failIfStoredFailure, runModelStage } from '../run-model-stage.ts';
import { modelAttemptsFor } from '../run-spec.ts';

/** One seed through the generator; the last seed to finish opens the dedupe barrier. */
export async function handleGenerateJob(job: Job, token: string | undefined, env: JobEnvironment): Promise<void> {
  const data = parseJobData(GenerateJobData, job);
  const { spec, models } = await env.contexts.get(data.runId);
  const stored = await runModelStage({
    job, token, env, stage: 'generate', config: spec.config, models,
    modelAttempts: modelAttemptsFor(spec.config, 'generate'),
    work: (context) => generate(data.seed, context),
  });
  await settleGenerated({ env, data, stored, spec });
  failIfStoredFailure(stored);
}

/** Records a seed's outcome; the last seed to settle opens the dedupe barrier. Also used for a job BullMQ gave up on. */
export async function settleGenerated(options: { env: JobEnvironment; data: GenerateJobData; stored: StoredResult<GenerateOutput>; spec: RunSpec }): Promise<void> {
  const { env, data, stored, spec } = options;
  const keys = runKeys(env.prefix, data.runId);
  const { count: done } = await recordResult({ redis: env.redis, results: keys.generated, mark: keys.generated, count: keys.generated, run: keys.run, itemId: data.seed.id, stored });
  if (done >= spec.seeds.length) await env.queues.add({ stage: 'dedupe', runId: data.runId, data: { runId: data.runId }, config: spec.config });
}
