import type { Redis } from 'ioredis';
import type { RedisRateGate } from './redis-rate-gate.ts';
import type { RunContexts } from './run-contexts.ts';
import type { StageQueues } from './stage-queues.ts';

/** What every job handler in a worker process shares. */
export interface JobEnvironment {
  /** For results; waits out Redis restarts rather than failing. */
  redis: Redis;
  prefix: string;
  contexts: RunContexts;
  gate: RedisRateGate;
  queues: StageQueues;
  /** Fires when the grace period of a shutdown is over: jobs still running hand themselves back. */
  shutdown: AbortSignal;
  log: (message: string) => void;
}
