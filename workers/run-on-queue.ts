import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadedConfig } from '../pipeline/input/load-config.ts';
import { checkApiKeys } from '../pipeline/models/create-models.ts';
import type { RunEventListener } from '../pipeline/runs/run-events.ts';
import type { Stage } from '../pipeline/schemas/candidate.ts';
import type { Redis } from 'ioredis';
import { connectFollower } from './follower-connection.ts';
import { isRedisUnavailable, LostRedisError } from './lost-redis-error.ts';
import { connectChecked, redactRedisUrl } from './redis-connection.ts';
import { readRunProgress, stagePassed, type RunProgress } from './run-progress.ts';
import { EXPORT_STAGE, STAGES, type StageDeclaration } from '../pipeline/stages/stage-graph.ts';
import type { RunSummary } from './run-summary.ts';
import { prepareRunSpec, submitRun, type SubmitResult } from './submit-run.ts';
import { readBatchStatus, readFinishedBatchStatus } from './redis-batch-journal.ts';
import { runKeys } from './run-keys.ts';

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
  /** How long to keep following through a Redis outage; DEFAULT_REDIS_OUTAGE_MS when omitted. */
  redisOutageMs?: number;
  /** The simulated roles, when the caller has already found them (for its banner); found while preparing the run otherwise. */
  simulatedRoles?: string[];
  /** Called once the run is submitted, before it is followed. */
  onSubmitted?: (result: SubmitResult) => void;
}

export interface QueueRunResult {
  runId: string;
  joined: boolean;
  /** The run had finished and its dataset was still in place: answered from its summary. */
  reused: boolean;
  /** Jobs of a joined run that no worker would have taken, queued again. */
  requeued: number;
  /** Null when detached. */
  summary: RunSummary | null;
}

/** How long the follower waits for a Redis that went away before it stops following. */
export const DEFAULT_REDIS_OUTAGE_MS = 5 * 60_000;

/**
 * Submits a run to Redis and, unless detached, follows it until the workers have
 * written the dataset. Stopping the follower does not stop the run: it lives in Redis.
 */
export async function runOnQueue(options: RunOnQueueOptions): Promise<QueueRunResult> {
  const { loaded } = options;
  checkApiKeys(loaded.config, process.env, loaded.file ?? 'config');
  // Read and checked before Redis is reached: a config refused here leaves nothing there.
  const spec = await prepareRunSpec({ loaded, outputDir: options.outputDir, simulatedRoles: options.simulatedRoles });
  const redis = await connectChecked({ url: options.redisUrl, warn: options.warn });
  let submitted: SubmitResult;
  try {
    submitted = await submitRun({ redis, prefix: options.prefix, spec });
  } finally {
    redis.disconnect();
  }
  options.onSubmitted?.(submitted);
  if (options.detach) return { ...submitted, summary: null };
  const follower = await connectFollower(options.redisUrl);
  try {
    const summary = await followRun({
      redis: follower, prefix: options.prefix, runId: submitted.runId, onEvent: options.onEvent, signal: options.signal, pollMs: options.pollMs,
      redisUrl: options.redisUrl, outageMs: options.redisOutageMs, warn: options.warn,
    });
    return { ...submitted, summary };
  } finally {
    follower.disconnect();
  }
}

/**
 * Polls a run's counts and turns them into the same progress events the in-process runner
 * emits. Redis going away (a restart) does not end it: it says so, keeps polling, and only
 * gives up after `outageMs` without an answer, with a LostRedisError that says the run goes on.
 */
export async function followRun(options: {
  redis: Redis;
  prefix: string;
  runId: string;
  onEvent?: RunEventListener;
  signal?: AbortSignal;
  pollMs?: number;
  /** For messages, without its password. */
  redisUrl?: string;
  outageMs?: number;
  warn?: (message: string) => void;
}): Promise<RunSummary> {
  const started = new Map<Stage, number>();
  const ended = new Set<Stage>();
  const emit = options.onEvent ?? (() => {});
  const warn = options.warn ?? ((message: string) => process.stderr.write(`${message}\n`));
  const outageMs = options.outageMs ?? DEFAULT_REDIS_OUTAGE_MS;
  const where = options.redisUrl ? `Redis at ${redactRedisUrl(options.redisUrl)}` : 'Redis';
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
  let lostSince: number | null = null;
  // The Batch API jobs' statuses the workers wrote, shown as they change, as in-process.
  const batchShown = new Map<string, string>();
  const reportBatches = async (done: boolean) => {
    const keys = runKeys(options.prefix, options.runId);
    for (const progress of await (done ? readFinishedBatchStatus : readBatchStatus)({ redis: options.redis, keys })) {
      const text = JSON.stringify(progress);
      if (batchShown.get(progress.id) === text) continue;
      batchShown.set(progress.id, text);
      emit({ type: 'batch', ...progress });
    }
  };
  for (;;) {
    options.signal?.throwIfAborted();
    let progress: RunProgress | null = null;
    try {
      progress = await readRunProgress(options);
      // Read in the same guard: Redis may go away between the two reads as well as before them.
      // Also once done: the last batch may have ended since the poll before.
      if (progress.state !== 'unknown') await reportBatches(progress.state === 'done');
    } catch (error) {
      if (!isRedisUnavailable(error)) throw error;
      progress = null;
      if (lostSince === null) {
        lostSince = Date.now();
        warn(`lost ${where} (${(error as Error).message}); the run goes on in the workers. Following it again when Redis is back, for up to ${Math.round(outageMs / 1000)} s`);
      } else if (Date.now() - lostSince >= outageMs) {
        throw new LostRedisError(
          `${where} has not answered for ${Math.round(outageMs / 1000)} s: stopped following run ${options.runId}. The run goes on in the workers once Redis is back; see it with: scarecrow status ${options.runId}`,
          options.runId,
        );
      }
    }
    if (progress) {
      if (lostSince !== null) warn(`${where} is back after ${Math.round((Date.now() - lostSince) / 1000)} s; following run ${options.runId} again`);
      lostSince = null;
      if (progress.state === 'unknown') throw new Error(`run ${options.runId} is not in Redis (removed or expired)`);
      reportProgress(progress, report);
      if (progress.state === 'done' && progress.summary) return progress.summary;
    }
    await sleep(options.pollMs ?? 250, undefined, { signal: options.signal });
  }
}

/**
 * Progress events from a run's counts, stage by stage in the graph's order, as the in-process
 * runner emits them: an item stage once its total is known (a later stage of a segment once
 * the stage before has passed, since until then its total only grows), a barrier as one step
 * once it is done. It stops at the first stage not reached yet.
 */
function reportProgress(progress: RunProgress, report: (stage: Stage, done: number, total: number | null, finished: boolean) => void): void {
  // Once done, every stage has passed: the counts are those the export kept, so a run that
  // ended between two polls still shows each stage finished. A run finished by a version that
  // kept none has only its summary to show.
  if (progress.state === 'done' && !progress.finalCounts) return;
  const over = progress.state === EXPORT_STAGE.name || progress.state === 'done';
  let previousPassed = true;
  for (const stage of STAGES as readonly StageDeclaration[]) {
    const name = stage.name as Stage;
    if (stage.kind === 'barrier') {
      // Done once the item stage after it has its items, or, for a barrier before the export, once the export has begun.
      const next = progress.stages.find((entry) => entry.stage === stage.next);
      if (!over && (next === undefined || next.entered === null)) return;
      report(name, 1, 1, true);
      previousPassed = true;
      continue;
    }
    const own = progress.stages.find((entry) => entry.stage === stage.name)!;
    if (!previousPassed && !over) return;
    const passed = over || stagePassed(progress, own);
    report(name, own.done, own.entered ?? own.done, passed);
    previousPassed = passed;
  }
}
