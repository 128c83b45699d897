import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../pipeline/schemas/config.ts';
import { EXPORT_STAGE, leadingBarrier, segments, stageNamed, type ItemStageDeclaration } from '../pipeline/stages/stage-graph.ts';
import { itemJob } from './job-data.ts';
import { readRunState } from './read-run-state.ts';
import { jobIdFor, type QueueStage } from './queue-names.ts';
import { runKeys, segmentTotalField } from './run-keys.ts';
import { RunSpec } from './run-spec.ts';
import { stageJobOptions, type StageQueues } from './stage-queues.ts';
import { segmentUsesBatches } from '../pipeline/batch-api/batched-stages.ts';
import { BATCH_JOB_NAME } from './batch-segment-job.ts';

/** One piece of work a run still needs: an item's job, or a barrier's. */
export interface OwedWork {
  stage: QueueStage;
  itemId?: string;
  data: object;
  /** The job's name when it is not the stage's: a segment's batch job. */
  name?: string;
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
      if (work.name) await queues.get(work.stage).add(work.name, work.data, { ...stageJobOptions({ config, stage: work.stage }), jobId: jobIdFor({ runId, stage: work.stage, itemId: work.itemId }) });
      else await queues.add({ stage: work.stage, runId, itemId: work.itemId, data: work.data, config });
    }));
  }
}

function workKey(work: OwedWork): string {
  return `${work.stage}.${work.itemId ?? ''}`;
}

/** Every piece of work the run's results say is still to do, segment by segment of the stage graph. */
async function owedWork(options: { redis: Redis; prefix: string; runId: string }): Promise<OwedWork[]> {
  const { redis, runId } = options;
  const keys = runKeys(options.prefix, runId);
  const allSegments = segments();
  const [state, specText, ...totals] = await redis.hmget(keys.run, 'state', 'spec', ...allSegments.map(segmentTotalField));
  if (state === null || state === 'done' || !specText) return [];
  const spec = RunSpec.parse(JSON.parse(specText));
  // Until the leading barrier (seed expansion) has stored its output, it is all the run owes.
  const leading = leadingBarrier();
  if (leading && !(await redis.exists(keys.results(leading)))) return [{ stage: leading.name as QueueStage, data: { runId } }];
  const owed: OwedWork[] = [];
  for (const [index, segment] of allSegments.entries()) {
    const total = totals[index];
    // Not opened yet: the barrier before it is what is owed, found with the segment before.
    if (total === null || total === undefined) break;
    const [first, ...later] = segment.stages as [ItemStageDeclaration, ...ItemStageDeclaration[]];
    // A segment whose roles send batches owes its one job until all its items have settled, never item jobs.
    if (segmentUsesBatches(segment, spec.config)) {
      if ((await redis.hlen(keys.settled(segment))) < Number(total)) owed.push({ stage: first.name as QueueStage, itemId: BATCH_JOB_NAME, data: { runId }, name: BATCH_JOB_NAME });
    } else {
      const items = await owedItems({ redis, keys, spec, runId, first, later });
      // The run finished (its results cleared) between reading its state and its results: nothing is owed.
      if (items === null) return [];
      owed.push(...items);
    }
    // Every item settled: the barrier after is owed until it has stored its output (the export, until the run is done).
    const barrier = stageNamed(segment.opens);
    if ((await redis.hlen(keys.settled(segment))) >= Number(total)) {
      if (!(barrier && (await redis.exists(keys.results(barrier))))) owed.push({ stage: segment.opens as QueueStage, data: { runId } });
      // A barrier that leads straight to the export (the search rounds) owes the export once it has stored its output.
      else if (barrier?.kind === 'barrier' && barrier.next === EXPORT_STAGE.name) owed.push({ stage: EXPORT_STAGE.name as QueueStage, data: { runId } });
    }
  }
  return owed;
}

/** The item jobs a segment owes: its first stage's items with no result, and later stages' items sent on with none. */
async function owedItems(options: { redis: Redis; keys: ReturnType<typeof runKeys>; spec: RunSpec; runId: string; first: ItemStageDeclaration; later: ItemStageDeclaration[] }): Promise<OwedWork[] | null> {
  const { redis, keys, spec, runId, first, later } = options;
  const owed: OwedWork[] = [];
  // The first stage's items come from the run so far (the seeds, or what the barrier before sent on).
  const sofar = await readRunStateUnlessFinished({ redis, keys, spec, until: first.name });
  if (sofar === null) return null;
  const firstDone = new Set(await redis.hkeys(keys.results(first)));
  for (const item of first.items(sofar)) {
    if (!firstDone.has(first.itemId(item))) owed.push({ stage: first.name as QueueStage, itemId: first.itemId(item), data: itemJob(first, runId, item) });
  }
  // A later stage's items are those sent on to it, each with the result of the stage before.
  let previous = first;
  for (const stage of later) {
    const [queued, done] = await Promise.all([redis.hkeys(keys.queued(stage)), redis.hkeys(keys.results(stage)).then((ids) => new Set(ids))]);
    const missing = queued.filter((id) => !done.has(id));
    const before = missing.length > 0 ? await redis.hmget(keys.results(previous), ...missing) : [];
    missing.forEach((id, position) => {
      const text = before[position];
      if (text) owed.push({ stage: stage.name as QueueStage, itemId: id, data: itemJob(stage, runId, (JSON.parse(text) as { value: unknown }).value) });
    });
    previous = stage;
  }
  return owed;
}

/** The run so far, or null when its results are gone because the export finished it meanwhile. */
async function readRunStateUnlessFinished(options: Parameters<typeof readRunState>[0]): Promise<Awaited<ReturnType<typeof readRunState>>['state'] | null> {
  try {
    return (await readRunState(options)).state;
  } catch (error) {
    const state = await options.redis.hget(options.keys.run, 'state');
    if (state === null || state === 'done') return null;
    throw error;
  }
}
