import type { BatchProgress } from '../batch-api/batch-collector.ts';
import type { Stage } from '../schemas/candidate.ts';

/** What a runner reports as it goes; the CLI turns these into progress bars or lines. */
export type RunEvent =
  | { type: 'stage-start'; stage: Stage; total: number }
  | { type: 'progress'; stage: Stage; done: number; total: number }
  | { type: 'stage-end'; stage: Stage; ms: number }
  | { type: 'notice'; message: string }
  /** A Batch API job of a role with `batch: true` was sent, or its status or counts changed. */
  | ({ type: 'batch' } & BatchProgress);

export type RunEventListener = (event: RunEvent) => void;
