import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { onTestFinished } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import type { LoadedConfig } from '../../pipeline/input/load-config.ts';
import type { RunEventListener } from '../../pipeline/runs/run-events.ts';
import type { RunSummary } from '../../workers/run-summary.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import { deleteKeysWithPrefix } from '../../workers/delete-prefix.ts';
import { QUEUE_STAGES, type QueueStage } from '../../workers/queue-names.ts';
import { followRun, runOnQueue, type QueueRunResult } from '../../workers/run-on-queue.ts';
import { startWorkers, type RunningWorkers } from '../../workers/start-workers.ts';
import { spawnWorker, type SpawnedWorker } from './spawn-worker.ts';

export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** Every test gets its own key prefix, so tests never see each other's queues or runs. */
export function testPrefix(): string {
  return `test-${randomUUID()}`;
}

export async function deletePrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    // Twice: a closing worker or queue may still write a key or two just after the first sweep.
    for (const pause of [0, 300]) {
      await new Promise((resolve) => setTimeout(resolve, pause));
      await deleteKeysWithPrefix(redis, prefix);
    }
  } finally {
    redis.disconnect();
  }
}

/** A small run: 2 categories x 3 seeds x 3 rewrites, one target, the bundled seeds, the simulator. */
export function smallConfig(overrides: Record<string, unknown> = {}): LoadedConfig {
  const config = Config.parse({
    name: 'queue-test',
    seeds: { paths: ['seeds'], categories: ['privacy', 'violence'], limit: 3 },
    generate: { rewritesPerSeed: 3 },
    targets: [{ model: 'sim-target' }],
    simulator: { seed: 7, latencyMs: 5 },
    ...overrides,
  });
  return { config, file: null, baseDir: PROJECT_ROOT };
}

/** The files a user compares between two runs: data, duplicates and failures (the manifest carries times). */
export async function datasetFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of ['duplicates.jsonl', 'failures.jsonl', ...(await readdir(join(dir, 'data'))).map((file) => `data/${file}`)]) {
    files[name] = await readFile(join(dir, name), 'utf8');
  }
  return files;
}

export async function manifestCounts(dir: string): Promise<unknown> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  return { counts: manifest.counts, by_category: manifest.by_category, simulated: manifest.simulated };
}

/** A private redis-server on a free port, for tests that need settings the shared one must not get. */
export async function startRedisServer(args: string[] = [], options: { port?: number } = {}): Promise<{ url: string; port: number; stop(signal?: NodeJS.Signals): Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const { createServer } = await import('node:net');
  const port: number = options.port ?? await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...args], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    const up = await probe.connect().then(() => probe.ping()).then(() => true, () => false);
    probe.disconnect();
    if (up) break;
    if (tries > 100) throw new Error('redis-server did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    url,
    port,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}

export interface QueueFixture {
  /** This test's own key prefix: no other test sees its queues, runs or schedules. */
  prefix: string;
  /** A connection to the shared Redis, closed after the test. */
  redis: Redis;
  /** The environment a CLI command needs to use this test's queues. */
  env: { REDIS_URL: string; SCARECROW_QUEUE_PREFIX: string };
  /** A BullMQ queue of one stage on the test's prefix, closed after the test. */
  queue(stage: QueueStage): Queue;
  /** Workers in this process (every stage unless told), closed after the test. */
  startWorkers(options?: { stages?: readonly QueueStage[]; concurrency?: number; log?: (line: string) => void; redisUrl?: string }): Promise<RunningWorkers>;
  /** A `scarecrow worker` process (or `command`), killed after the test. */
  spawnWorker(options?: { command?: string; args?: string[]; env?: NodeJS.ProcessEnv }): SpawnedWorker;
  /** Submits a run and, unless detached, follows it to its summary; polls every 50 ms. */
  run(options: { loaded: LoadedConfig; outputDir: string; detach?: boolean; signal?: AbortSignal; onEvent?: RunEventListener }): Promise<QueueRunResult>;
  /** Follows a submitted run to its summary. */
  follow(runId: string, options?: { signal?: AbortSignal; onEvent?: RunEventListener }): Promise<RunSummary>;
  /** One more clean-up after the test; clean-ups run last registered first, the keys are deleted last of all. */
  onCleanup(cleanup: () => Promise<void> | void): void;
}

/**
 * The set-up every queue test repeats, for the test that calls it (inside `it`): a fresh prefix,
 * a Redis connection, workers in or out of process, and afterwards, passed or failed, the
 * workers stopped, the connections closed and every key under the prefix deleted.
 */
export function useQueueFixture(): QueueFixture {
  const prefix = testPrefix();
  const cleanups: (() => Promise<void> | void)[] = [() => deletePrefix(prefix)];
  onTestFinished(async () => {
    let failure: unknown = null;
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure) throw failure;
  });
  const onCleanup = (cleanup: () => Promise<void> | void) => void cleanups.push(cleanup);
  // No retry limit per command: BullMQ's blocking calls need it, and a queue shares this connection.
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  onCleanup(() => redis.disconnect());
  return {
    prefix,
    redis,
    env: { REDIS_URL, SCARECROW_QUEUE_PREFIX: prefix },
    queue(stage) {
      const queue = new Queue(stage, { connection: redis, prefix });
      onCleanup(() => queue.close());
      return queue;
    },
    async startWorkers(options = {}) {
      const workers = await startWorkers({ redisUrl: options.redisUrl ?? REDIS_URL, prefix, stages: options.stages ?? QUEUE_STAGES, concurrency: options.concurrency ?? 4, log: options.log ?? (() => {}) });
      onCleanup(() => workers.close({ graceMs: 1000 }));
      return workers;
    },
    spawnWorker(options = {}) {
      const worker = spawnWorker({ prefix, ...options });
      onCleanup(async () => {
        if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
        await worker.exited;
      });
      return worker;
    },
    run: (options) => runOnQueue({ redisUrl: REDIS_URL, prefix, pollMs: 50, ...options }),
    follow: (runId, options = {}) => followRun({ redis, prefix, runId, pollMs: 50, ...options }),
    onCleanup,
  };
}

/** Waits until a spawned worker has said `text` (e.g. "serving"), failing with its output if it exits first. */
export async function waitForOutput(worker: SpawnedWorker, text: string, timeoutMs = 30_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !worker.output().includes(text); await sleep(50)) {
    if (worker.child.exitCode !== null || Date.now() > deadline) throw new Error(`the worker never said "${text}":\n${worker.output()}`);
  }
}
