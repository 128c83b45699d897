import { afterEach, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { join } from 'node:path';
import { runInProcess } from '../../pipeline/run/run-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { runOnQueue } from '../../workers/run-on-queue.ts';
import { startWorkers, type RunningWorkers } from '../../workers/start-workers.ts';
import { QUEUE_STAGES } from '../../workers/queue-names.ts';
import { datasetFiles, deletePrefix, manifestCounts, REDIS_URL, smallConfig, testPrefix } from './support.ts';

const temp = useTempDir();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function workersOn(prefix: string, options: { processes: number; concurrency: number }): Promise<RunningWorkers[]> {
  const running = await Promise.all(
    Array.from({ length: options.processes }, () => startWorkers({ redisUrl: REDIS_URL, prefix, stages: QUEUE_STAGES, concurrency: options.concurrency, log: () => {} })),
  );
  cleanups.push(async () => {
    await Promise.all(running.map((workers) => workers.close({ graceMs: 1000 })));
  });
  return running;
}

describe('the queue runner', () => {
  it('writes the same dataset as the in-process runner, whatever the number of workers and their concurrency', async () => {
    const loaded = smallConfig({ simulator: { seed: 11, latencyMs: 2 } });
    const inProcessDir = await temp.make();
    const reference = await runInProcess({ loaded, outputDir: inProcessDir });
    const expected = await datasetFiles(reference.exported.dir);
    expect(expected['data/all.jsonl']!.length).toBeGreaterThan(0);

    for (const shape of [{ processes: 1, concurrency: 1 }, { processes: 3, concurrency: 7 }]) {
      const prefix = testPrefix();
      cleanups.push(() => deletePrefix(prefix));
      await workersOn(prefix, shape);
      const outputDir = await temp.make();
      const result = await runOnQueue({ loaded, redisUrl: REDIS_URL, prefix, outputDir, pollMs: 50 });
      const dir = join(outputDir, loaded.config.name);
      expect(result.summary?.dir).toBe(dir);
      expect(await datasetFiles(dir)).toEqual(expected);
      expect(await manifestCounts(dir)).toEqual(await manifestCounts(reference.exported.dir));
    }
  });

  it('judges, and settles unprobed candidates without probe jobs, when the run has no targets', async () => {
    const loaded = smallConfig({ targets: [], simulator: { seed: 5, latencyMs: 2 } });
    const reference = await runInProcess({ loaded, outputDir: await temp.make() });
    const prefix = testPrefix();
    cleanups.push(() => deletePrefix(prefix));
    await workersOn(prefix, { processes: 1, concurrency: 4 });
    const outputDir = await temp.make();
    await runOnQueue({ loaded, redisUrl: REDIS_URL, prefix, outputDir, pollMs: 50 });
    const dir = join(outputDir, loaded.config.name);
    expect(await datasetFiles(dir)).toEqual(await datasetFiles(reference.exported.dir));
    expect(await manifestCounts(dir)).toEqual(await manifestCounts(reference.exported.dir));
    // Completed jobs are kept (up to 2,000), so probe jobs would show here had any run.
    const probeQueue = new Queue('probe', { connection: { url: REDIS_URL }, prefix });
    const judgeQueue = new Queue('judge', { connection: { url: REDIS_URL }, prefix });
    try {
      expect((await judgeQueue.getJobCounts('completed')).completed).toBeGreaterThan(0);
      expect(await probeQueue.getJobCounts('completed', 'failed', 'waiting', 'active')).toEqual({ completed: 0, failed: 0, waiting: 0, active: 0 });
    } finally {
      await Promise.all([probeQueue.close(), judgeQueue.close()]);
    }
  });
});
