import type { Job } from 'bullmq';
import { judge } from '../../pipeline/stages/judge.ts';
import { JudgeJobData } from '../job-data.ts';
import type { JobEnvironment } from '../job-environment.ts';
import { parseJobData } from '../parse-job-data.ts';
import { RESULT_TTL_MS } from '../result-ttl.ts';
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
  const keys = runKeys(env.prefix, data.runId);
  const settles = !stored.ok || stored.value.label === 'harmful';
  const write = env.redis.multi().hset(keys.judged, data.candidate.id, JSON.stringify(stored)).pexpire(keys.judged, RESULT_TTL_MS);
  if (settles) write.hset(keys.settled, data.candidate.id, '1').pexpire(keys.settled, RESULT_TTL_MS);
  else write.hset(keys.probeQueued, data.candidate.id, '1').pexpire(keys.probeQueued, RESULT_TTL_MS);
  const replies = await write.hlen(keys.settled).hget(keys.run, 'kept').exec();
  if (stored.ok && !settles) {
    await env.queues.add({ stage: 'probe', runId: data.runId, itemId: data.candidate.id, data: { runId: data.runId, candidate: stored.value }, config: spec.config });
  } else {
    await exportWhenSettled({ env, runId: data.runId, config: spec.config, settled: Number(replies?.[4]?.[1] ?? 0), kept: replies?.[5]?.[1] as string | null });
  }
  failIfStoredFailure(stored);
}
