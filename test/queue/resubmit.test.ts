import { afterEach, describe, expect, it } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { QUEUE_STAGES } from '../../workers/queue-names.ts';
import { followRun, runOnQueue } from '../../workers/run-on-queue.ts';
import { readRunProgress } from '../../workers/run-progress.ts';
import { startWorkers, type RunningWorkers } from '../../workers/start-workers.ts';
import { prepareRunSpec, submitRun } from '../../workers/submit-run.ts';
import { dumpPrefix } from './redis-contents.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { datasetFiles, deletePrefix, REDIS_URL, smallConfig, testPrefix } from './support.ts';

const temp = useTempDir();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp() {
  const prefix = testPrefix();
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queues = QUEUE_STAGES.map((stage) => new Queue(stage, { connection: redis, prefix }));
  cleanups.push(() => deletePrefix(prefix), async () => redis.disconnect(), async () => void (await Promise.all(queues.map((queue) => queue.close()))));
  const start = async (stages: readonly (typeof QUEUE_STAGES)[number][] = QUEUE_STAGES): Promise<RunningWorkers> => {
    const workers = await startWorkers({ redisUrl: REDIS_URL, prefix, stages, concurrency: 4, log: () => {} });
    cleanups.push(() => workers.close({ graceMs: 1000 }));
    return workers;
  };
  const completedJobs = async () => (await Promise.all(queues.map((queue) => queue.getCompletedCount()))).reduce((sum, count) => sum + count, 0);
  return { prefix, redis, start, completedJobs };
}

describe('submitting a run again', () => {
  it('answers a finished run at once from its summary while its dataset is in place, and runs it again once the dataset is gone', async () => {
    const loaded = smallConfig({ simulator: { seed: 11, latencyMs: 1 } });
    const { prefix, redis, start, completedJobs } = await setUp();
    await start();
    const outputDir = await temp.make();
    const submit = () => runOnQueue({ loaded, redisUrl: REDIS_URL, prefix, outputDir, pollMs: 50, signal: AbortSignal.timeout(30_000) });

    const first = await submit();
    const dir = first.summary!.dir;
    const written = await datasetFiles(dir);
    const manifest = await readFile(join(dir, 'manifest.json'), 'utf8');
    // The finished run's jobs are gone with its results: no prompt stays in Redis.
    const prompt = JSON.parse(written['data/all.jsonl']!.split('\n')[0]!).prompt as string;
    for (let tries = 0; (await completedJobs()) > 0 && tries < 40; tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await completedJobs()).toBe(0);
    expect(await dumpPrefix(redis, prefix)).not.toContain(JSON.stringify(prompt).slice(1, -1));

    const started = Date.now();
    const again = await submit();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(again).toMatchObject({ runId: first.runId, joined: false, reused: true });
    expect(again.summary).toEqual(first.summary);
    expect(await readFile(join(dir, 'manifest.json'), 'utf8')).toBe(manifest); // not written again

    await rm(dir, { recursive: true });
    const rerun = await submit();
    expect(rerun).toMatchObject({ runId: first.runId, joined: false, reused: false });
    expect(await datasetFiles(rerun.summary!.dir)).toEqual(written);
  }, 60_000);

  it('has status name a stuck run, and a joining submission queue its lost jobs again so the run completes', async () => {
    const loaded = smallConfig({ simulator: { seed: 12, latencyMs: 1 } });
    const reference = await runInProcess({ loaded, outputDir: await temp.make() });
    const { prefix, redis, start } = await setUp();
    const outputDir = await temp.make();
    const spec = await prepareRunSpec({ loaded, outputDir });
    await submitRun({ redis, prefix, spec });

    // Only generation and dedupe are served; then every judge job is deleted, as from the dashboard.
    const early = await start(['generate', 'dedupe']);
    let progress = await readRunProgress({ redis, prefix, runId: spec.runId });
    while (progress.kept === null) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      progress = await readRunProgress({ redis, prefix, runId: spec.runId });
    }
    await early.close({ graceMs: 1000 });
    const judgeQueue = new Queue('judge', { connection: redis, prefix });
    cleanups.push(() => judgeQueue.close());
    for (const job of await judgeQueue.getWaiting()) await job.remove();
    expect(progress.kept).toBeGreaterThan(0);

    const status = await runCliInProcess(['status', spec.runId], { env: { REDIS_URL, SCARECROW_QUEUE_PREFIX: prefix } });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`stuck    ${progress.kept} jobs have gone from the queues, so no worker will move them: submit the run again`);

    const joined = await submitRun({ redis, prefix, spec: await prepareRunSpec({ loaded, outputDir }) });
    expect(joined).toMatchObject({ joined: true, requeued: progress.kept });
    await start();
    const summary = await followRun({ redis, prefix, runId: spec.runId, pollMs: 50, signal: AbortSignal.timeout(30_000) });
    expect(await datasetFiles(summary.dir)).toEqual(await datasetFiles(reference.exported.dir));
  }, 60_000);
});
