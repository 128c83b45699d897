import type { Job } from 'bullmq';
import { judge } from '../../pipeline/stages/judge.ts';
import { JudgeJobData } from '../job-data.ts';
import type { RunSpec } from '../run-spec.ts';
import type { StoredResult } from '../stored-result.ts';
import type { JudgedCandidate } from '../../pipeline/schemas/candidate.ts';
import type { JobEnvironment } from '../job-environment.ts';
import { parseJobData } from '../parse-job-data.ts';
import { recordResult } from '../record-result.ts';
import { runKeys } from '../run-keys.ts';
import { failIfStoredFailure, runModelStage } from '../run-model-stage.ts';
import { modelAttemptsFor } from '../run-spec.ts';
import { exportWhenSettled } from './export-when-settled.ts';

/**
 * One candidate through the judges. Harmful and failed candidates are settled here
 * (harmful ones go to the toxic set unprobed); the rest go on to a probe job.
 */
export async function handleJudgeJob(job: Job, token: string | undefined, env: JobEnvironment): Promise<void> {
  const data = parseJobData(JudgeJobData, job);
  const { spec, models } = await env.contexts.get(data.runId);
  const stored = await runModelStage({
    job, token, env, stage: 'judge', config: spec.config, models,
    modelAttempts: modelAttemptsFor(spec.config, 'judge'),
    work: (context) => judge(data.candidate, context),
  });
  await settleJudged({ env, data, stored, spec });
  failIfStoredFailure(stored);
}

/** Records a verdict: harmful and failed candidates settle here, the rest are sent on to a probe job. Also used for a job BullMQ gave up on. */
export async function settleJudged(options: { env: JobEnvironment; data: JudgeJobData; stored: StoredResult<JudgedCandidate>; spec: RunSpec }): Promise<void> {
  const { env, data, stored, spec } = options;
  const keys = runKeys(env.prefix, data.runId);
  const settles = !stored.ok || stored.value.label === 'harmful';
  const { count, kept } = await recordResult({
    redis: env.redis, results: keys.judged, mark: settles ? keys.settled : keys.probeQueued, count: keys.settled, run: keys.run,
    itemId: data.candidate.id, stored,
  });
  if (stored.ok && !settles) {
    await env.queues.add({ stage: 'probe', runId: data.runId, itemId: data.candidate.id, data: { runId: data.runId, candidate: stored.value }, config: spec.config });
  } else {
    await exportWhenSettled({ env, runId: data.runId, config: spec.config, settled: count, kept });
  }
}
