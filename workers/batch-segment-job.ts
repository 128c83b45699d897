import { WaitingError, type Job } from 'bullmq';
import { isItemError } from '../pipeline/errors/retryable.ts';
import { UsageMeter } from '../pipeline/models/usage-meter.ts';
import type { Config } from '../pipeline/schemas/config.ts';
import { itemStageNamed, nextItemStage, segments, type ItemStageDeclaration, type Segment } from '../pipeline/stages/stage-graph.ts';
import { callLedgerKey } from './call-ledger.ts';
import { RunJobData } from './job-data.ts';
import type { JobEnvironment } from './job-environment.ts';
import { parseJobData } from './parse-job-data.ts';
import { jobIdFor, type ItemStage } from './queue-names.ts';
import { readRunState } from './read-run-state.ts';
import { MARK, recordResult } from './record-result.ts';
import { runKeys, segmentTotalField } from './run-keys.ts';
import { openBarrierWhenSettled } from './settle-item.ts';
import { stageJobOptions } from './stage-queues.ts';
import { errorShape, parseStored, type StoredResult } from './stored-result.ts';

/** The name of a segment's batch job, on its first stage's queue (item jobs are named after their stage). */
export const BATCH_JOB_NAME = 'batch';

/** Queues the one job that runs a segment whose roles send batches, instead of a job per item. */
export async function addBatchSegmentJob(options: { env: Pick<JobEnvironment, 'queues'>; runId: string; segment: Segment; config: Config }): Promise<void> {
  const stage = options.segment.stages[0]!.name as ItemStage;
  await options.env.queues.get(stage).add(BATCH_JOB_NAME, { runId: options.runId }, { ...stageJobOptions({ config: options.config, stage }), jobId: jobIdFor({ runId: options.runId, stage, itemId: BATCH_JOB_NAME }) });
}

/**
 * The job of a segment whose roles send batches: its stages one after the other, each on all its
 * items at once, so each wave of a role's requests goes as one batch. Every item's result is stored
 * and routed as an item job stores it (same hashes, same marks), so the barrier after the segment,
 * the progress and the export read it alike; results already stored (this job is a retry) are
 * reused, and the batches already sent are polled again, not paid again.
 */
export async function handleBatchSegmentJob(job: Job, token: string | undefined, env: JobEnvironment): Promise<void> {
  const { runId } = parseJobData(RunJobData, job);
  const first = itemStageNamed(job.queueName)!;
  const segment = segments().find((candidate) => candidate.stages[0] === first)!;
  const run = await env.contexts.get(runId);
  const { spec } = run;
  const keys = runKeys(env.prefix, runId);
  const { state } = await readRunState({ redis: env.redis, keys, spec, until: first.name });
  const total = String(first.items(state).length);
  let items: unknown[] = first.items(state);
  let settled = 0;
  for (let stage: ItemStageDeclaration | null = first; stage && segment.stages.includes(stage); stage = nextItemStage(stage)) {
    const current: ItemStageDeclaration = stage;
    const stored = await env.redis.hgetall(keys.results(current));
    const meter = new UsageMeter();
    const models = run.retryingModels(meter);
    const results = await Promise.all(
      items.map(async (item): Promise<StoredResult<unknown>> => {
        const kept = stored[current.itemId(item)];
        if (kept) return parseStored(kept, current.output);
        const startedAt = Date.now();
        const measured = await meter.measure(() => current.run(item, { config: spec.config, models, signal: env.shutdown }), { stopped: env.shutdown });
        if (!measured.ok && (env.shutdown.aborted || !isItemError(measured.error))) throw measured.error;
        return measured.ok
          ? { ok: true, value: measured.value, usage: measured.usage, startedAt, endedAt: Date.now() }
          : { ok: false, error: errorShape(measured.error), usage: measured.usage, startedAt, endedAt: Date.now() };
      }),
    ).catch(async (error: unknown) => {
      // A shutdown hands the job back: the batches it sent are journalled, so the next worker polls them.
      if (!env.shutdown.aborted) throw error;
      await job.moveToWait(token);
      throw new WaitingError();
    });
    const next = nextItemStage(current);
    const onward: unknown[] = [];
    for (const [index, result] of results.entries()) {
      const item = items[index]!;
      const goesOn = result.ok && next !== null && segment.stages.includes(next) && (current.continues?.(result.value) ?? true);
      const writes = [{ hash: keys.results(current), value: JSON.stringify(result) }, goesOn ? { hash: keys.queued(next!), value: MARK } : { hash: keys.settled(segment), value: MARK }];
      const { count } = await recordResult({
        redis: env.redis, writes, count: keys.settled(segment), run: keys.run, totalField: segmentTotalField(segment),
        calls: callLedgerKey({ prefix: env.prefix, runId, stage: current.name as ItemStage }), itemId: current.itemId(item),
      });
      settled = count;
      if (goesOn) onward.push(result.value);
    }
    items = onward;
  }
  await openBarrierWhenSettled({ env, runId, config: spec.config, segment, settled: settled || (await env.redis.hlen(keys.settled(segment))), total });
}
