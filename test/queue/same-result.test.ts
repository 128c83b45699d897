import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { join } from 'node:path';
import { runInProcess } from '../../in-process/run-in-process.ts';
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
    // A finished run's jobs are removed with its results; the queues' event streams still tell which jobs ran.
    const redis = new Redis(REDIS_URL);
    try {
      const events = async (stage: string) => (await redis.xrange(`${prefix}:${stage}:events`, '-', '+')).map(([, fields]) => fields[fields.indexOf('event') + 1]);
      expect((await events('judge')).filter((event) => event === 'completed').length).toBeGreaterThan(0);
      expect(await events('probe')).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });
});
