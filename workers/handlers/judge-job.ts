import { judge } from '../../pipeline/judging/judge-stage.ts';
import { probe } from '../../pipeline/refusal/probe-stage.ts';
import { JudgeJobData } from '../job-data.ts';
import type { JudgedCandidate } from '../../pipeline/schemas/candidate.ts';
import { callLedgerKey } from '../call-ledger.ts';
import { itemHandler, type SettleOptions } from '../item-handler.ts';
import { MARK, recordResult } from '../record-result.ts';
import { runKeys } from '../run-keys.ts';
import { exportWhenSettled } from './export-when-settled.ts';

/**
 * One candidate through the judges. Harmful and failed candidates are settled here
 * (harmful ones go to the toxic set unprobed); the rest go on to a probe job, unless
 * the run has no targets: then probing calls no model, and it is done here rather than
 * as a job of its own that would cost the queue as much as a judge call.
 */
export const handleJudgeJob = itemHandler({ stage: 'judge', schema: JudgeJobData, itemId: (data) => data.candidate.id, work: (data, context) => judge(data.candidate, context), settle: settleJudged });

/** Records a verdict and settles the candidate or sends it on to a probe job. Also used for a job BullMQ gave up on. */
export async function settleJudged(options: SettleOptions<JudgeJobData, JudgedCandidate>): Promise<void> {
  const { env, data, stored, spec } = options;
  const keys = runKeys(env.prefix, data.runId);
  const judged = { hash: keys.judged, value: JSON.stringify(stored) };
  const calls = callLedgerKey({ prefix: env.prefix, runId: data.runId, stage: 'judge' });
  const record = (writes: { hash: string; value: string }[]) => recordResult({ redis: env.redis, writes, count: keys.settled, run: keys.run, calls, itemId: data.candidate.id });
  if (!stored.ok || stored.value.label === 'harmful') {
    const { count, kept } = await record([judged, { hash: keys.settled, value: MARK }]);
    await exportWhenSettled({ env, runId: data.runId, config: spec.config, settled: count, kept });
  } else if (spec.config.targets.length === 0) {
    const { models } = await env.contexts.get(data.runId);
    const now = Date.now();
    const probed = { ok: true, value: await probe(stored.value, { config: spec.config, models, signal: env.shutdown }), usage: {}, startedAt: now, endedAt: now };
    const { count, kept } = await record([judged, { hash: keys.probeQueued, value: MARK }, { hash: keys.probed, value: JSON.stringify(probed) }, { hash: keys.settled, value: MARK }]);
    await exportWhenSettled({ env, runId: data.runId, config: spec.config, settled: count, kept });
  } else {
    await record([judged, { hash: keys.probeQueued, value: MARK }]);
    await env.queues.add({ stage: 'probe', runId: data.runId, itemId: data.candidate.id, data: { runId: data.runId, candidate: stored.value }, config: spec.config });
  }
}
