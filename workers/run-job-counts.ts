import type { Queue } from 'bullmq';
import { jobIdFor, type ItemStage } from './queue-names.ts';
import type { RunProgress } from './run-progress.ts';

/** One run's items in one item stage, by state. `total` is null while it is not known yet (judging before dedupe). */
export interface StageJobCounts {
  stage: ItemStage;
  total: number | null;
  done: number;
  waiting: number;
  active: number;
  /** Waiting out a backoff before another attempt. */
  retrying: number;
  failed: number;
}

/**
 * A run's jobs per stage and state. Queues are shared by every run, so their own counts
 * mix runs; here done and total come from the run's results in Redis, active and
 * retrying from the job ids (content ids begin with the run id) in the queue's active
 * list and delayed set, which hold no more than the workers' slots and retries, and
 * waiting is what is left: the waiting list itself can hold millions and is not read.
 */
export async function readRunJobCounts(options: {
  queueFor: (stage: ItemStage) => Queue;
  runId: string;
  progress: RunProgress;
  failures: { stage: string }[];
}): Promise<StageJobCounts[]> {
  const { progress, runId } = options;
  return Promise.all(
    // A later stage of a segment gets its items one result of the stage before at a time; its total is what has been sent so far.
    progress.stages.map(async ({ stage, entered: total, done }) => {
      const queue = options.queueFor(stage);
      const ownPrefix = jobIdFor({ runId, stage }) + '.';
      const mine = (ids: string[]) => ids.filter((id) => id.startsWith(ownPrefix)).length;
      const [active, retrying] = await Promise.all([queue.getRanges(['active'], 0, -1), queue.getRanges(['delayed'], 0, -1)]);
      const activeCount = mine(active);
      const retryingCount = mine(retrying);
      return {
        stage,
        total,
        done,
        waiting: total === null ? 0 : Math.max(0, total - done - activeCount - retryingCount),
        active: activeCount,
        retrying: retryingCount,
        failed: options.failures.filter((failure) => failure.stage === stage).length,
      };
    }),
  );
}
