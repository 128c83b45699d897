import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { Config } from '../pipeline/schemas/config.ts';
import { EXPORT_STAGE } from '../pipeline/stages/stage-graph.ts';
import { jobIdFor, QUEUE_STAGES, type QueueStage } from './queue-names.ts';
import { STORE_ATTEMPTS } from './run-spec.ts';

/** Completed jobs are kept for the dashboard until their run's dataset is written (an hour at most); failed ones a week for inspection. Both bounded in number. */
export const REMOVE_ON_COMPLETE = { age: 3600, count: 2000 };
export const REMOVE_ON_FAIL = { age: 7 * 24 * 3600, count: 10_000 };

/**
 * Attempts and backoff per stage: one, plus a few for storing results through a Redis blip.
 * Model calls do not use them: each call's attempts are counted in its item's call ledger.
 */
export function stageJobOptions(options: { config: Config; stage: QueueStage }): JobsOptions {
  const { stage } = options;
  return {
    attempts: 1 + STORE_ATTEMPTS,
    backoff: { type: 'exponential', delay: 250, jitter: 0.5 },
    // The export removes the run's other completed jobs; its own goes as it completes.
    removeOnComplete: stage === EXPORT_STAGE.name ? true : REMOVE_ON_COMPLETE,
    removeOnFail: REMOVE_ON_FAIL,
  };
}

/** One BullMQ queue per stage, for adding jobs and for queue-wide rate limiting. */
export class StageQueues {
  private readonly queues = new Map<QueueStage, Queue>();

  constructor(private readonly options: { connection: ConnectionOptions; prefix: string }) {}

  get(stage: QueueStage): Queue {
    let queue = this.queues.get(stage);
    if (!queue) {
      queue = new Queue(stage, { connection: this.options.connection, prefix: this.options.prefix });
      // A queue repeats its connection's errors, and BullMQ prints an unheard one with its stack: the
      // connection's owner reports a lost Redis once, in a line, so the queue's copy is not printed again.
      queue.on('error', () => {});
      this.queues.set(stage, queue);
    }
    return queue;
  }

  all(): Queue[] {
    return QUEUE_STAGES.map((stage) => this.get(stage));
  }

  /** Adds a stage job whose id comes from its content; adding it again while it exists does nothing. */
  async add(options: { stage: QueueStage; runId: string; itemId?: string; data: object; config: Config }): Promise<void> {
    const { stage, runId, itemId, data, config } = options;
    await this.get(stage).add(stage, data, { ...stageJobOptions({ config, stage }), jobId: jobIdFor({ runId, stage, itemId }) });
  }

  async addMany(options: { stage: QueueStage; runId: string; items: { itemId: string; data: object }[]; config: Config }): Promise<void> {
    const { stage, runId, items, config } = options;
    const jobOptions = stageJobOptions({ config, stage });
    for (let start = 0; start < items.length; start += 500) {
      await this.get(stage).addBulk(
        items.slice(start, start + 500).map(({ itemId, data }) => ({ name: stage, data, opts: { ...jobOptions, jobId: jobIdFor({ runId, stage, itemId }) } })),
      );
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}
