import { judge } from '../../pipeline/stages/judge.ts';
import { JudgeJobData } from '../job-data.ts';
import type { JudgedCandidate } from '../../pipeline/schemas/candidate.ts';
import { itemHandler, type SettleOptions } from '../item-handler.ts';
import { recordResult } from '../record-result.ts';
import { runKeys } from '../run-keys.ts';
import { exportWhenSettled } from './export-when-settled.ts';

/**
 * One candidate through the judges. Harmful and failed candidates are settled here
 * (harmful ones go to the toxic set unprobed); the rest go on to a probe job.
 */
export const handleJudgeJob = itemHandler({ stage: 'judge', schema: JudgeJobData, work: (data, context) => judge(data.candidate, context), settle: settleJudged });

/** Records a verdict: harmful and failed candidates settle here, the rest are sent on to a probe job. Also used for a job BullMQ gave up on. */
export async function settleJudged(options: SettleOptions<JudgeJobData, JudgedCandidate>): Promise<void> {
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
