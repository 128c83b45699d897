import { describe, expect, it } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { QUEUE_STAGES, type QueueStage } from '../../workers/queue-names.ts';
import { readRunProgress } from '../../workers/run-progress.ts';
import { prepareRunSpec, submitRun } from '../../workers/submit-run.ts';
import { dumpPrefix } from './redis-contents.ts';
import { responseCachePrefix } from '../../workers/redis-response-cache.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { datasetFiles, smallConfig, useQueueFixture } from './support.ts';

const temp = useTempDir();

function setUp() {
  const fixture = useQueueFixture();
  const queues = QUEUE_STAGES.map((stage) => fixture.queue(stage));
  const start = (stages: readonly QueueStage[] = QUEUE_STAGES) => fixture.startWorkers({ stages });
  const completedJobs = async () => (await Promise.all(queues.map((queue) => queue.getCompletedCount()))).reduce((sum, count) => sum + count, 0);
  return { ...fixture, start, completedJobs };
}

describe('submitting a run again', () => {
  it('answers a finished run at once from its summary while its dataset is in place, and runs it again once the dataset is gone', async () => {
    const loaded = smallConfig({ simulator: { seed: 11, latencyMs: 1 } });
    const { prefix, redis, start, run, completedJobs } = setUp();
    await start();
    const outputDir = await temp.make();
    const submit = () => run({ loaded, outputDir, signal: AbortSignal.timeout(30_000) });

    const first = await submit();
    const dir = first.summary!.dir;
    const written = await datasetFiles(dir);
    const manifest = await readFile(join(dir, 'manifest.json'), 'utf8');
    // The finished run's jobs are gone with its results: no prompt stays in Redis but in the response cache, which is kept for later runs.
    const prompt = JSON.parse(written['data/all.jsonl']!.split('\n')[0]!).prompt as string;
    for (let tries = 0; (await completedJobs()) > 0 && tries < 40; tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await completedJobs()).toBe(0);
    expect(await dumpPrefix(redis, prefix, { except: responseCachePrefix(prefix) })).not.toContain(JSON.stringify(prompt).slice(1, -1));

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
    const { prefix, redis, env, queue, start, follow } = setUp();
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
    for (const job of await queue('judge').getWaiting()) await job.remove();
    expect(progress.kept).toBeGreaterThan(0);

    const status = await runCliInProcess(['status', spec.runId], { env });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`stuck    ${progress.kept} jobs have gone from the queues, so no worker will move them: submit the run again`);

    const joined = await submitRun({ redis, prefix, spec: await prepareRunSpec({ loaded, outputDir }) });
    expect(joined).toMatchObject({ joined: true, requeued: progress.kept });
    await start();
    const summary = await follow(spec.runId, { signal: AbortSignal.timeout(30_000) });
    expect(await datasetFiles(summary.dir)).toEqual(await datasetFiles(reference.exported.dir));
  }, 60_000);
});
