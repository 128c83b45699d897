import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { QUEUE_STAGES } from '../../workers/queue-names.ts';
import { followRun } from '../../workers/run-on-queue.ts';
import { startWorkers } from '../../workers/start-workers.ts';
import { prepareRunSpec, submitRun } from '../../workers/submit-run.ts';
import { datasetFiles, deletePrefix, REDIS_URL, smallConfig, testPrefix } from './support.ts';

const temp = useTempDir();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('idempotence', () => {
  it('joins a run submitted twice instead of doing its work twice, and fails a malformed job alone', async () => {
    const loaded = smallConfig({ simulator: { seed: 5, latencyMs: 1 } });
    const reference = await runInProcess({ loaded, outputDir: await temp.make() });
    const prefix = testPrefix();
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    cleanups.push(() => deletePrefix(prefix), async () => redis.disconnect());

    const outputDir = await temp.make();
    const first = await submitRun({ redis, prefix, spec: await prepareRunSpec({ loaded, outputDir }) });
    const second = await submitRun({ redis, prefix, spec: await prepareRunSpec({ loaded, outputDir }) });
    expect(second).toEqual({ runId: first.runId, joined: true, reused: false, requeued: 0 });
    expect(first.runId).not.toMatch(/^\d+$/);
    const generateQueue = new Queue('generate', { connection: redis, prefix });
    const judgeQueue = new Queue('judge', { connection: redis, prefix });
    cleanups.push(() => generateQueue.close(), () => judgeQueue.close());
    expect(await generateQueue.getWaitingCount()).toBe(6);

    const bad = await judgeQueue.add('judge', { runId: first.runId, candidate: { id: 42 } });
    const workers = await startWorkers({ redisUrl: REDIS_URL, prefix, stages: QUEUE_STAGES, concurrency: 4, log: () => {} });
    cleanups.push(() => workers.close({ graceMs: 1000 }));
    const summary = await followRun({ redis, prefix, runId: first.runId, pollMs: 50, signal: AbortSignal.timeout(30_000) });

    expect(await datasetFiles(summary.dir)).toEqual(await datasetFiles(reference.exported.dir));
    const usage = (dir: string) => readFile(join(dir, 'manifest.json'), 'utf8').then((text) => JSON.parse(text).usage);
    expect(await usage(summary.dir)).toEqual(await usage(reference.exported.dir)); // not one model call more
    const failed = await judgeQueue.getJob(bad.id!);
    expect(await failed!.getState()).toBe('failed');
    expect(failed!.failedReason).toMatch(/malformed judge job .*: candidate\.id: /);
    expect(failed!.attemptsMade).toBe(1);
  });
});
