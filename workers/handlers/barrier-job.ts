import type { Job } from 'bullmq';
import { performance } from 'node:perf_hooks';
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
    const { spec, models } = await env.contexts.get(runId);
    const keys = runKeys(env.prefix, runId);
    const { state } = await readRunState({ redis: env.redis, keys, spec, until: stage.name, against: await againstIndex(spec) });
    const started = performance.now();
    const output = await stage.run(state, { config: spec.config, models });
    stage.collect(output, state);
    const stored = JSON.stringify({ ...(output as object), ms: performance.now() - started });

    const next = itemStageNamed(stage.next);
    if (!next) {
      await env.redis.set(keys.results(stage), stored, 'PX', RESULT_TTL_MS);
      await env.queues.add({ stage: stage.next as QueueStage, runId, data: { runId }, config: spec.config });
      return;
    }
    const segment = segmentOf(next);
    const items = next.items(state);
    await env.redis.multi().set(keys.results(stage), stored, 'PX', RESULT_TTL_MS).hset(keys.run, segmentTotalField(segment), String(items.length)).exec();
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
