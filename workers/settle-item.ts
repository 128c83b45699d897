import { nextItemStage, segmentOf, type ItemStageDeclaration, type Segment } from '../pipeline/stages/stage-graph.ts';
import type { Config } from '../pipeline/schemas/config.ts';
import { callLedgerKey } from './call-ledger.ts';
import { itemJob, type ItemJobData } from './job-data.ts';
import type { JobEnvironment } from './job-environment.ts';
import { MARK, recordResult } from './record-result.ts';
import { runKeys, segmentTotalField } from './run-keys.ts';
import type { RunSpec } from './run-spec.ts';
import type { ItemStage, QueueStage } from './queue-names.ts';
import type { StoredResult } from './stored-result.ts';

/*
 * Why a coordinator of counters rather than BullMQ flows: a flow's parent must be added
 * with its children, but a run's children appear as it goes (a barrier decides the next
 * stage's jobs, each verdict decides whether a probe job exists). Here every result is an
 * idempotent HSET under a content id, done before the job completes, and whoever sees
 * the count reach the total adds the next barrier job under a content job id. A crash
 * at any point re-runs the job, which rewrites the same result and re-checks the count,
 * so no barrier is missed and none fires twice; and it costs one round trip per job.
 */

export interface SettleOptions {
  env: JobEnvironment;
  stage: ItemStageDeclaration;
  data: ItemJobData;
  stored: StoredResult<unknown>;
  spec: RunSpec;
}

/**
 * Records an item's result and routes it as the stage graph says: a failed item, one the
 * stage does not send on, or one at the end of its segment settles (and whoever settles
 * the segment's last item opens the barrier after it); any other goes on to the next item
 * stage, as a job of its own, or done here when that stage calls no model for this run (a
 * job would cost the queue as much as a model call). Also used for a job BullMQ gave up on.
 */
export async function settleItem(options: SettleOptions): Promise<void> {
  const { env, data, spec } = options;
  const { runId } = data;
  const keys = runKeys(env.prefix, runId);
  const segment = segmentOf(options.stage);
  const itemId = options.stage.itemId(data[options.stage.over]);
  const record = (writes: { hash: string; value: string }[]) => recordResult({
    redis: env.redis, writes, count: keys.settled(segment), run: keys.run, totalField: segmentTotalField(segment),
    calls: callLedgerKey({ prefix: env.prefix, runId, stage: options.stage.name as ItemStage }), itemId,
  });
  const writes: { hash: string; value: string }[] = [];
  let stage = options.stage;
  let stored = options.stored;
  for (;;) {
    writes.push({ hash: keys.results(stage), value: JSON.stringify(stored) });
    const next = nextItemStage(stage);
    if (!stored.ok || !next || !(stage.continues?.(stored.value) ?? true)) {
      const { count, total } = await record([...writes, { hash: keys.settled(segment), value: MARK }]);
      await openBarrierWhenSettled({ env, runId, config: spec.config, segment, settled: count, total });
      return;
    }
    writes.push({ hash: keys.queued(next), value: MARK });
    if (next.callsModel?.(spec.config) ?? true) {
      await record(writes);
      await env.queues.add({ stage: next.name as ItemStage, runId, itemId, data: itemJob(next, runId, stored.value), config: spec.config });
      return;
    }
    const { models } = await env.contexts.get(runId);
    const now = Date.now();
    stored = { ok: true, value: await next.run(stored.value, { config: spec.config, models, signal: env.shutdown }), usage: {}, startedAt: now, endedAt: now };
    stage = next;
  }
}

/**
 * A segment's barrier: every job that settles an item checks the count after its own write,
 * so whichever settles last (or its retry) adds the barrier's job; its content id makes a
 * second add a no-op. `total` is null until the items of the segment are known.
 */
export async function openBarrierWhenSettled(options: { env: JobEnvironment; runId: string; config: Config; segment: Segment; settled: number; total: string | null }): Promise<void> {
  const { env, runId, config } = options;
  if (options.total === null || options.settled < Number(options.total)) return;
  await env.queues.add({ stage: options.segment.opens as QueueStage, runId, data: { runId }, config });
}
