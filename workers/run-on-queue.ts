import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadedConfig } from '../pipeline/loading/load-config.ts';
import { checkApiKeys } from '../pipeline/models/create-models.ts';
import type { RunEventListener } from '../pipeline/run/run-events.ts';
import type { Stage } from '../pipeline/schemas/candidate.ts';
import { connectChecked } from './redis-connection.ts';
import { readRunProgress, type RunProgress } from './run-progress.ts';
import type { RunSummary } from './run-summary.ts';
import { prepareRunSpec, submitRun } from './submit-run.ts';

export interface RunOnQueueOptions {
  loaded: LoadedConfig;
  redisUrl: string;
  prefix: string;
  outputDir?: string;
  /** Return as soon as the run is queued. */
  detach?: boolean;
  onEvent?: RunEventListener;
  signal?: AbortSignal;
  pollMs?: number;
  warn?: (message: string) => void;
}

export interface QueueRunResult {
  runId: string;
  joined: boolean;
  /** Null when detached. */
  summary: RunSummary | null;
}

/**
 * Submits a run to Redis and, unless detached, follows it until the workers have
 * written the dataset. Stopping the follower does not stop the run: it lives in Redis.
 */
export async function runOnQueue(options: RunOnQueueOptions): Promise<QueueRunResult> {
  const { loaded } = options;
  checkApiKeys(loaded.config, process.env, loaded.file ?? 'config');
  const redis = await connectChecked({ url: options.redisUrl, warn: options.warn });
  try {
    const spec = await prepareRunSpec({ loaded, outputDir: options.outputDir });
    const { runId, joined } = await submitRun({ redis, prefix: options.prefix, spec });
    if (options.detach) return { runId, joined, summary: null };
    const summary = await followRun({ redis, prefix: options.prefix, runId, onEvent: options.onEvent, signal: options.signal, pollMs: options.pollMs });
    return { runId, joined, summary };
  } finally {
    redis.disconnect();
  }
}

/** Polls a run's counts and turns them into the same progress events the in-process runner emits. */
export async function followRun(options: {
  redis: import('ioredis').Redis;
  prefix: string;
  runId: string;
  onEvent?: RunEventListener;
  signal?: AbortSignal;
  pollMs?: number;
}): Promise<RunSummary> {
  const started = new Map<Stage, number>();
  const ended = new Set<Stage>();
  const emit = options.onEvent ?? (() => {});
  const report = (stage: Stage, done: number, total: number | null, finished: boolean) => {
    if (total === null) return;
    if (!started.has(stage)) {
      started.set(stage, Date.now());
      emit({ type: 'stage-start', stage, total });
    }
    emit({ type: 'progress', stage, done, total });
    if (finished && !ended.has(stage)) {
      ended.add(stage);
      emit({ type: 'stage-end', stage, ms: Date.now() - started.get(stage)! });
    }
  };
  for (;;) {
    options.signal?.throwIfAborted();
    const progress = await readRunProgress(options);
    if (progress.state === 'unknown') throw new Error(`run ${options.runId} is not in Redis (removed or expired)`);
    reportProgress(progress, report);
    if (progress.state === 'done' && progress.summary) return progress.summary;
    await sleep(options.pollMs ?? 250, undefined, { signal: options.signal });
  }
}

function reportProgress(progress: RunProgress, report: (stage: Stage, done: number, total: number | null, finished: boolean) => void): void {
  if (progress.state === 'done') return; // results are gone by now; the summary tells the rest
  const done = progress.state === 'export';
  report('generate', progress.generated, progress.seeds, progress.generated >= progress.seeds || done);
  if (progress.kept === null && !done) return;
  report('dedupe', 1, 1, true);
  const kept = progress.kept ?? progress.judged;
  report('judge', progress.judged, kept, progress.judged >= kept || done);
  // The number to probe is known once judging is over; until then the bar would mislead.
  if (progress.judged >= kept || done) report('probe', progress.probed, progress.probeQueued, progress.settled >= kept || done);
}
