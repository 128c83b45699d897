import { z } from 'zod';
import { STAGE_NAMES, type ItemStageName, type StageName } from '../pipeline/stages/stage-graph.ts';

/**
 * Queues a worker can serve: one per stage of the stage graph, and `refresh`, which starts
 * scheduled runs (a scheduler's concern, not a pipeline stage).
 */
export type QueueStage = StageName | 'refresh';
export const QUEUE_STAGES: readonly QueueStage[] = [...STAGE_NAMES, 'refresh'];
export const QueueStage = z.enum(QUEUE_STAGES as [QueueStage, ...QueueStage[]]);

/** Stages whose jobs are one seed or one candidate each, and call models. */
export type ItemStage = ItemStageName;

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
