import { z } from 'zod';

/** Stages a worker can serve; each has its own queue. `export` assembles and writes the dataset. */
export const QUEUE_STAGES = ['generate', 'dedupe', 'judge', 'probe', 'export', 'refresh'] as const;
export const QueueStage = z.enum(QUEUE_STAGES);
export type QueueStage = z.infer<typeof QueueStage>;

/** Stages whose jobs are one seed or one candidate each, and call models. */
export type ItemStage = 'generate' | 'judge' | 'probe';

export const DEFAULT_PREFIX = 'scarecrow';

/** Where queues and run data live in Redis; tests and separate deployments use their own prefix. */
export function prefixFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.SCARECROW_QUEUE_PREFIX?.trim() || DEFAULT_PREFIX;
}

/**
 * A job id made from content, so adding the same work twice is a no-op. BullMQ
 * forbids ':' in custom ids and all-digit ids; run ids start with a letter.
 */
export function jobIdFor(options: { runId: string; stage: QueueStage; itemId?: string }): string {
  const id = [options.runId, options.stage, ...(options.itemId ? [options.itemId] : [])].join('.');
  if (id.includes(':')) throw new Error(`job id ${id} contains ':'`);
  return id;
}
