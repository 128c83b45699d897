import { setTimeout as sleep } from 'node:timers/promises';
import type { Queue } from 'bullmq';
import { STAGE_NAMES } from '../pipeline/stages/stage-graph.ts';
import { jobIdFor, type QueueStage } from './queue-names.ts';

/** Stages whose jobs belong to one run (every stage of the graph); refresh jobs belong to a schedule. */
const RUN_STAGES = STAGE_NAMES;

/** The ids of a run's jobs in a stage's sets; content job ids begin with the run id. */
async function runJobIds(queue: Queue, runId: string, stage: QueueStage, states: ('completed' | 'failed' | 'active')[]): Promise<string[]> {
  const own = `${jobIdFor({ runId, stage })}`;
  const ids = await queue.getRanges(states, 0, -1);
  return [...new Set(ids.filter((id) => id === own || id.startsWith(`${own}.`)))];
}

/**
 * Removes a run's finished jobs from every stage queue. Completed and failed jobs keep
 * their content id, and BullMQ silently ignores an add under an id that still exists, so
 * a run that starts again must not find its earlier jobs there. Finished sets are bounded
 * in size (removeOnComplete, removeOnFail), so reading them whole is cheap.
 */
export async function removeFinishedRunJobs(options: {
  queueFor: (stage: QueueStage) => Queue;
  runId: string;
  states: ('completed' | 'failed')[];
  /** Jobs of the run still active (finishing right now) are waited for this long, then removed too. */
  waitForActiveMs?: number;
  /** A job not to wait for: the one doing the removing. */
  except?: string;
}): Promise<number> {
  let removed = 0;
  const deadline = Date.now() + (options.waitForActiveMs ?? 0);
  for (const stage of RUN_STAGES) {
    const queue = options.queueFor(stage);
    for (;;) {
      const finished = await runJobIds(queue, options.runId, stage, options.states);
      const codes = await Promise.all(finished.map((id) => queue.remove(id)));
      removed += codes.filter((code) => code === 1).length;
      // The job that opened the next barrier completes just after it; give it a moment.
      const active = (await runJobIds(queue, options.runId, stage, ['active'])).filter((id) => id !== options.except);
      if (active.length === 0 || Date.now() >= deadline) break;
      await sleep(100);
    }
  }
  return removed;
}
