import type { Job } from 'bullmq';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { UsageMeter } from '../../pipeline/models/usage-meter.ts';
import { EarlierIndex } from '../../pipeline/dedupe/earlier-index.ts';
import { itemStageNamed, segmentOf, type BarrierStageDeclaration } from '../../pipeline/stages/stage-graph.ts';
import { itemJob, RunJobData } from '../job-data.ts';
import type { JobEnvironment } from '../job-environment.ts';
import { parseJobData } from '../parse-job-data.ts';
import type { ItemStage, QueueStage } from '../queue-names.ts';
import { readRunState } from '../read-run-state.ts';
import { RESULT_TTL_MS } from '../result-ttl.ts';
import { runKeys, segmentTotalField } from '../run-keys.ts';
import type { RunSpec } from '../run-spec.ts';
import { openBarrierWhenSettled } from '../settle-item.ts';
import { segmentUsesBatches } from '../../pipeline/batch-api/batched-stages.ts';
import { addBatchSegmentJob } from '../batch-segment-job.ts';

/**
 * The job handler of a barrier of the graph (one job per run, opened by the last item of
 * the segment before it): rebuild the run so far from Redis, run the stage's function on
 * all of it, store its output, and queue the next stage's items. A barrier's function is
 * deterministic, so a retried job stores the same output and adds the same job ids; items
 * that already have a result (this job is a retry) get no second job.
 */
export function barrierHandler(stage: BarrierStageDeclaration): (job: Job, token: string | undefined, env: JobEnvironment) => Promise<void> {
  return async (job, _token, env) => {
    const { runId } = parseJobData(RunJobData, job);
    const run = await env.contexts.get(runId);
    const { spec } = run;
    const keys = runKeys(env.prefix, runId);
    const { state } = await readRunState({ redis: env.redis, keys, spec, until: stage.name, against: await againstIndex(spec) });
    const started = performance.now();
    // A barrier that calls models (the search rounds) retries each call as in-process, keeps each step's
    // result in Redis so a retried job (a dead worker's) only makes the calls still missing, and stores its usage.
    const meter = stage.roles.length > 0 ? new UsageMeter() : null;
    const context = meter
      ? { config: spec.config, models: run.retryingModels(meter), signal: env.shutdown, remember: keptSteps({ redis: env.redis, key: keys.steps(stage), meter }) }
      : { config: spec.config, models: run.models };
    const output = await stage.run(state, context);
    stage.collect(output, state);
    const stored = JSON.stringify({ ...(output as object), ms: performance.now() - started, ...(meter ? { usage: meter.snapshot() } : {}) });

    const next = itemStageNamed(stage.next);
    if (!next) {
      await env.redis.set(keys.results(stage), stored, 'PX', RESULT_TTL_MS);
      await env.queues.add({ stage: stage.next as QueueStage, runId, data: { runId }, config: spec.config });
      return;
    }
    const segment = segmentOf(next);
    const items = next.items(state);
    await env.redis.multi().set(keys.results(stage), stored, 'PX', RESULT_TTL_MS).hset(keys.run, segmentTotalField(segment), String(items.length)).exec();
    // A segment whose roles send batches is one job for all its items.
    if (segmentUsesBatches(segment, spec.config)) return addBatchSegmentJob({ env, runId, segment, config: spec.config });
    const done = new Set(await env.redis.hkeys(keys.results(next)));
    const todo = items.filter((item) => !done.has(next.itemId(item)));
    await env.queues.addMany({ stage: next.name as ItemStage, runId, items: todo.map((item) => ({ itemId: next.itemId(item), data: itemJob(next, runId, item) })), config: spec.config });
    await openBarrierWhenSettled({ env, runId, config: spec.config, segment, settled: await env.redis.hlen(keys.settled(segment)), total: String(items.length) });
  };
}

async function againstIndex(spec: RunSpec): Promise<EarlierIndex | undefined> {
  if (spec.against.length === 0) return undefined;
  const index = EarlierIndex.empty();
  for (const source of spec.against) await index.add({ items: source.items, source: source.source });
  return index;
}

/** A barrier's steps kept in a Redis hash under a hash of their key, with the usage behind each, as the in-process journal keeps them. */
function keptSteps(options: { redis: Redis; key: string; meter: UsageMeter }) {
  const { redis, key, meter } = options;
  return async <T>(step: string, itemKey: string, work: () => Promise<T>): Promise<T> => {
    const field = createHash('sha256').update(`${step}\u241f${itemKey}`).digest('hex').slice(0, 32);
    const text = await redis.hget(key, field);
    if (text) {
      const kept = JSON.parse(text) as { value: T; usage: Parameters<UsageMeter['merge']>[0] };
      meter.merge(kept.usage);
      return kept.value;
    }
    const measured = await meter.measure(work);
    if (!measured.ok) throw measured.error;
    await redis.multi().hset(key, field, JSON.stringify({ value: measured.value, usage: measured.usage })).pexpire(key, RESULT_TTL_MS).exec();
    return measured.value;
  };
}
