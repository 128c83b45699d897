import { Worker, type Job } from 'bullmq';
import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { EXPORT_STAGE, STAGES, type StageDeclaration } from '../pipeline/stages/stage-graph.ts';
import { barrierHandler } from './handlers/barrier-job.ts';
import { handleExportJob } from './handlers/export-job.ts';
import { itemHandler } from './item-handler.ts';
import { handleRefreshJob } from './refresh/refresh-job.ts';
import type { JobEnvironment } from './job-environment.ts';
import type { QueueStage } from './queue-names.ts';
import { createWorkerConnection, redactRedisUrl } from './redis-connection.ts';
import { RedisRateGate } from './redis-rate-gate.ts';
import { RunContexts } from './run-contexts.ts';
import { settleGivenUpJob } from './settle-given-up-job.ts';
import { StageQueues } from './stage-queues.ts';
import { BATCH_JOB_NAME, handleBatchSegmentJob } from './batch-segment-job.ts';

type Handler = (job: Job, token: string | undefined, env: JobEnvironment) => Promise<void>;

/** One handler per queue: the graph's item and barrier stages, the export, and the scheduler's refresh. */
const HANDLERS = Object.fromEntries([
  ...(STAGES as readonly StageDeclaration[]).map((stage) => [stage.name, stage.kind === 'item' ? itemHandler(stage) : barrierHandler(stage)] as const),
  [EXPORT_STAGE.name, handleExportJob],
  ['refresh', handleRefreshJob],
]) as Record<QueueStage, Handler>;

/** Barrier and bookkeeping stages are short and CPU-bound: a few at a time is plenty. */
const SERIAL_STAGES = new Set<QueueStage>([...(STAGES as readonly StageDeclaration[]).filter((stage) => stage.kind === 'barrier').map((stage) => stage.name as QueueStage), EXPORT_STAGE.name, 'refresh']);

export interface StartWorkersOptions {
  redisUrl: string;
  prefix: string;
  stages: readonly QueueStage[];
  /** Jobs in flight per model stage in this process. */
  concurrency: number;
  /** How long a job's lock lasts without renewal; a killed worker's jobs are retried after about this long. */
  lockDurationMs?: number;
  /** How many times a job may be found stalled (its worker died) before BullMQ fails it. */
  maxStalledCount?: number;
  log?: (message: string) => void;
  env?: NodeJS.ProcessEnv;
}

export interface RunningWorkers {
  readonly workers: Worker[];
  /**
   * Stops taking jobs and waits up to `graceMs` for active ones; jobs still running
   * then are handed back to their queue, and the workers close.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** Starts one BullMQ worker per stage in this process, sharing one Redis connection and one cache of runs. */
export async function startWorkers(options: StartWorkersOptions): Promise<RunningWorkers> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const connection = createWorkerConnection(options.redisUrl);
  connection.on('error', (error) => log(`redis: ${error.message}`));
  const shutdown = new AbortController();
  setMaxListeners(0, shutdown.signal); // every model call in flight listens to it
  const queues = new StageQueues({ connection, prefix: options.prefix });
  const gate = new RedisRateGate({ redis: connection, prefix: options.prefix });
  const contexts = new RunContexts({ redis: connection, prefix: options.prefix, gate, log, env: options.env });
  const env: JobEnvironment = { redis: connection, prefix: options.prefix, contexts, gate, queues, shutdown: shutdown.signal, log };
  const lockDuration = options.lockDurationMs ?? 30_000;

  const workers = options.stages.map((stage) => {
    // A segment whose roles send batches comes as one job on its first stage's queue.
    const worker = new Worker(stage, (job, token) => (job.name === BATCH_JOB_NAME ? handleBatchSegmentJob : HANDLERS[stage])(job, token, env), {
      connection,
      prefix: options.prefix,
      concurrency: SERIAL_STAGES.has(stage) ? 2 : options.concurrency,
      lockDuration,
      stalledInterval: Math.max(1_000, Math.round(lockDuration / 2)),
      maxStalledCount: options.maxStalledCount ?? 10,
      // Queue-wide pauses on a 429 (queue.rateLimit) need a limiter; this one never binds.
      limiter: { max: 1_000_000, duration: 1_000 },
    });
    worker.on('error', (error) => log(`worker ${stage}: ${error.message}`));
    worker.on('failed', (job, error) => {
      if (!job || !/stalled more than/.test(error.message)) return;
      const reason = `the job stalled more than ${worker.opts.maxStalledCount} times (its workers died on it): ${error.message}`;
      settleGivenUpJob({ stage, job, reason, env }).then(
        (settled) => log(`job ${job.id} ${settled ? 'recorded as failed' : 'failed'}: ${reason}`),
        (cause: unknown) => log(`job ${job.id}: ${reason}; recording it failed too: ${cause instanceof Error ? cause.message : String(cause)}`),
      );
    });
    return worker;
  });
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  log(`worker ${hostname()}:${process.pid}: serving ${options.stages.join(', ')} (concurrency ${options.concurrency}) from ${redactRedisUrl(options.redisUrl)}, prefix ${options.prefix}`);

  let closing: Promise<void> | null = null;
  return {
    workers,
    close({ graceMs = 20_000 } = {}) {
      closing ??= (async () => {
        const closed = Promise.all(workers.map((worker) => worker.close()));
        const inTime = await closedWithin(closed, graceMs);
        if (!inTime) {
          log(`grace period of ${graceMs} ms over: handing active jobs back to their queues`);
          shutdown.abort(new DOMException('worker shutting down', 'AbortError'));
          const handedBack = await closedWithin(closed, 3_000);
          if (!handedBack) await Promise.all(workers.map((worker) => worker.close(true)));
        }
        await queues.close();
        await contexts.close();
        await connection.quit().catch(() => connection.disconnect());
      })();
      return closing;
    },
  };
}

/**
 * Whether `closed` settles within `ms`. The timer is cleared as soon as it does: a pending
 * timer keeps the process alive, so an idle worker would otherwise sit out the whole grace.
 */
async function closedWithin(closed: Promise<unknown>, ms: number): Promise<boolean> {
  const timer = new AbortController();
  try {
    return await Promise.race([closed.then(() => true), sleep(ms, false, { signal: timer.signal })]);
  } finally {
    timer.abort();
  }
}
