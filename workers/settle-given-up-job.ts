import type { Job } from 'bullmq';
import { GenerateJobData, JudgeJobData, ProbeJobData } from './job-data.ts';
import type { JobEnvironment } from './job-environment.ts';
import { settleGenerated } from './handlers/generate-job.ts';
import { settleJudged } from './handlers/judge-job.ts';
import { settleProbed } from './handlers/probe-job.ts';
import type { QueueStage } from './queue-names.ts';
import type { StoredResult } from './stored-result.ts';

/**
 * BullMQ gives up on a job that stalled more than maxStalledCount times (its worker died
 * on it again and again) without our handler ever storing a result. Its seed or candidate
 * is recorded as failed here, with the reason, so the run still reaches its barriers and
 * its dataset accounts for the item instead of waiting for it forever.
 */
export async function settleGivenUpJob(options: { stage: QueueStage; job: Job; reason: string; env: JobEnvironment }): Promise<boolean> {
  const { stage, job, env } = options;
  const now = Date.now();
  const stored: StoredResult<never> = { ok: false, error: { name: 'StalledJobError', message: options.reason }, usage: {}, startedAt: now, endedAt: now };
  if (stage === 'generate') {
    const data = GenerateJobData.parse(job.data);
    await settleGenerated({ env, data, stored, spec: (await env.contexts.get(data.runId)).spec });
  } else if (stage === 'judge') {
    const data = JudgeJobData.parse(job.data);
    await settleJudged({ env, data, stored, spec: (await env.contexts.get(data.runId)).spec });
  } else if (stage === 'probe') {
    const data = ProbeJobData.parse(job.data);
    await settleProbed({ env, data, stored, spec: (await env.contexts.get(data.runId)).spec });
  } else return false;
  return true;
}
