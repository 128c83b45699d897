import type { Job } from 'bullmq';
import { itemStageNamed } from '../pipeline/stages/stage-graph.ts';
import { itemJobData } from './job-data.ts';
import type { JobEnvironment } from './job-environment.ts';
import type { QueueStage } from './queue-names.ts';
import { settleItem } from './settle-item.ts';
import type { StoredResult } from './stored-result.ts';

/**
 * BullMQ gives up on a job that stalled more than maxStalledCount times (its worker died
 * on it again and again) without our handler ever storing a result. Its seed or candidate
 * is recorded as failed here, with the reason, so the run still reaches its barriers and
 * its dataset accounts for the item instead of waiting for it forever. Barrier jobs have
 * no item to record: false.
 */
export async function settleGivenUpJob(options: { stage: QueueStage; job: Job; reason: string; env: JobEnvironment }): Promise<boolean> {
  const { job, env } = options;
  const stage = itemStageNamed(options.stage);
  if (!stage) return false;
  const now = Date.now();
  const stored: StoredResult<never> = { ok: false, error: { name: 'StalledJobError', message: options.reason }, usage: {}, startedAt: now, endedAt: now };
  const data = itemJobData(stage).parse(job.data);
  await settleItem({ env, stage, data, stored, spec: (await env.contexts.get(data.runId)).spec });
  return true;
}
