import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { useTempDir } from '../support/temp-dir.ts';
import { QUEUE_STAGES } from '../../workers/queue-names.ts';
import { followRun } from '../../workers/run-on-queue.ts';
import { readRunProgress } from '../../workers/run-progress.ts';
import { startWorkers } from '../../workers/start-workers.ts';
import { prepareRunSpec, submitRun } from '../../workers/submit-run.ts';
import type { StageJobCounts } from '../../workers/run-job-counts.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { deletePrefix, REDIS_URL, smallConfig, testPrefix } from './support.ts';

const temp = useTempDir();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function status(prefix: string, runId: string): Promise<{ jobs: StageJobCounts[]; summary: { sizes: { all: number } } | null; queues: { stage: string; counts: Record<string, number> }[]; state: string }> {
  const { code, stdout, stderr } = await runCliInProcess(['status', runId, '--json'], { env: { REDIS_URL, SCARECROW_QUEUE_PREFIX: prefix } });
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout);
}

const generate = (counts: { jobs: StageJobCounts[] }) => counts.jobs.find((stage) => stage.stage === 'generate')!;

describe('status', () => {
  it("counts one run's jobs per stage and state, apart from other runs on the same queues", async () => {
    const prefix = testPrefix();
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    cleanups.push(() => deletePrefix(prefix), async () => redis.disconnect());
    const outputDir = await temp.make();
    const submit = async (name: string, limit: number) =>
      submitRun({ redis, prefix, spec: await prepareRunSpec({ loaded: smallConfig({ name, seeds: { paths: ['seeds'], categories: ['privacy', 'violence'], limit }, simulator: { seed: 3, latencyMs: 100 } }), outputDir }) });
    const first = await submit('status-first', 3);
    const second = await submit('status-second', 2);
    expect(generate(await status(prefix, second.runId)).total).toBe(4);

    // No workers yet: everything of the first run waits, and the queue also holds the second's.
    const waiting = await status(prefix, first.runId);
    expect(generate(waiting)).toEqual({ stage: 'generate', total: 6, done: 0, waiting: 6, active: 0, retrying: 0, failed: 0 });
    expect(waiting.jobs.find((stage) => stage.stage === 'judge')!.total).toBeNull();
    expect(waiting.queues.find((queue) => queue.stage === 'generate')!.counts.waiting).toBe(10);

    const workers = await startWorkers({ redisUrl: REDIS_URL, prefix, stages: QUEUE_STAGES, concurrency: 2, log: () => {} });
    cleanups.push(() => workers.close({ graceMs: 1000 }));
    // Mid-run, the counts of each stage add up to its total, and no more are active than the workers' slots.
    let seenActive = false;
    while ((await readRunProgress({ redis, prefix, runId: first.runId })).state !== 'done') {
      const now = await status(prefix, first.runId);
      if (now.state === 'done') break;
      for (const stage of now.jobs) {
        if (stage.total !== null && stage.stage !== 'probe') expect(stage.done + stage.waiting + stage.active + stage.retrying, JSON.stringify(stage)).toBeLessThanOrEqual(stage.total);
        expect(stage.active).toBeLessThanOrEqual(2);
        seenActive ||= stage.active > 0;
      }
    }
    expect(seenActive).toBe(true);
    await followRun({ redis, prefix, runId: first.runId, pollMs: 50 });
    await followRun({ redis, prefix, runId: second.runId, pollMs: 50 });

    // Finished: the per-item results are cleared, the summary stays.
    const done = await status(prefix, first.runId);
    expect(done.jobs).toBeNull();
    expect(done.summary!.sizes.all).toBeGreaterThan(0);
    const text = await runCliInProcess(['status', first.runId], { env: { REDIS_URL, SCARECROW_QUEUE_PREFIX: prefix } });
    expect(text.stdout).toMatch(new RegExp(`run ${first.runId} \\(status-first\\): done`));
    expect(text.stdout).toMatch(/all \d+, hard \d+, toxic \d+ rows/);
  });
});
