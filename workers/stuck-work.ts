import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../pipeline/schemas/config.ts';
import { DedupeRecord } from './assemble-outcome.ts';
import { jobIdFor, type QueueStage } from './queue-names.ts';
import { runKeys } from './run-keys.ts';
import { RunSpec } from './run-spec.ts';
import type { StageQueues } from './stage-queues.ts';

/** One piece of work a run still needs: an item's job, or a barrier's. */
export interface OwedWork {
  stage: QueueStage;
  itemId?: string;
  data: object;
}

/** Job states a worker will still move: anything but finished or gone. */
const LIVE = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * What a run in progress still needs and has no job for that any worker will take: its
 * job is gone (deleted from the dashboard, lost) or finished without a result (a job of an
 * earlier attempt of the run that kept its content id). Nothing moves such work, so the run
 * would wait forever. Results are read again after the job states: a job stores its result
 * before it completes, so work whose job completed in between is not taken for stuck.
 * `limit` bounds how many owed items are checked (status wants an answer, not a census).
 */
export async function findStuckWork(options: { redis: Redis; prefix: string; runId: string; queueFor: (stage: QueueStage) => Queue; limit?: number }): Promise<OwedWork[]> {
  const owed = (await owedWork(options)).slice(0, options.limit ?? Infinity);
  const live: boolean[] = [];
  for (let start = 0; start < owed.length; start += 500) {
    const states = await Promise.all(owed.slice(start, start + 500).map((work) => options.queueFor(work.stage).getJobState(jobIdFor({ runId: options.runId, stage: work.stage, itemId: work.itemId }))));
    live.push(...states.map((state) => LIVE.has(state)));
  }
  const stillOwed = new Set((await owedWork(options)).map(workKey));
  return owed.filter((work, index) => !live[index] && stillOwed.has(workKey(work)));
}

/** Queues stuck work again, first removing a finished job that holds its id. */
export async function requeueWork(options: { queues: StageQueues; runId: string; config: Config; work: OwedWork[] }): Promise<void> {
  const { queues, runId, config } = options;
  for (let start = 0; start < options.work.length; start += 500) {
    await Promise.all(options.work.slice(start, start + 500).map(async (work) => {
      await queues.get(work.stage).remove(jobIdFor({ runId, stage: work.stage, itemId: work.itemId }));
      await queues.add({ stage: work.stage, runId, itemId: work.itemId, data: work.data, config });
    }));
  }
}

function workKey(work: OwedWork): string {
  return `${work.stage}.${work.itemId ?? ''}`;
}

/** Every piece of work the run's results say is still to do, stage by stage. */
async function owedWork(options: { redis: Redis; prefix: string; runId: string }): Promise<OwedWork[]> {
  const { redis, runId } = options;
  const keys = runKeys(options.prefix, runId);
  const [[state, specText, kept], generated, deduped, judged, probeQueued, probed, settled] = await Promise.all([
    redis.hmget(keys.run, 'state', 'spec', 'kept'),
    redis.hkeys(keys.generated).then((ids) => new Set(ids)),
    redis.get(keys.deduped),
    redis.hkeys(keys.judged).then((ids) => new Set(ids)),
    redis.hkeys(keys.probeQueued),
    redis.hkeys(keys.probed).then((ids) => new Set(ids)),
    redis.hlen(keys.settled),
  ]);
  if (state === null || state === 'done' || !specText) return [];
  const spec = RunSpec.parse(JSON.parse(specText));
  const owed: OwedWork[] = spec.seeds.filter((seed) => !generated.has(seed.id)).map((seed) => ({ stage: 'generate', itemId: seed.id, data: { runId, seed } }));
  if (generated.size >= spec.seeds.length && kept === null) owed.push({ stage: 'dedupe', data: { runId } });
  if (deduped) {
    const record = DedupeRecord.parse(JSON.parse(deduped));
    owed.push(...record.kept.filter((candidate) => !judged.has(candidate.id)).map((candidate) => ({ stage: 'judge' as const, itemId: candidate.id, data: { runId, candidate } })));
  }
  const toProbe = probeQueued.filter((id) => !probed.has(id));
  const verdicts = toProbe.length > 0 ? await redis.hmget(keys.judged, ...toProbe) : [];
  toProbe.forEach((id, index) => {
    const verdict = verdicts[index];
    if (verdict) owed.push({ stage: 'probe', itemId: id, data: { runId, candidate: (JSON.parse(verdict) as { value: unknown }).value } });
  });
  if (kept !== null && settled >= Number(kept)) owed.push({ stage: 'export', data: { runId } });
  return owed;
}
