import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../support/temp-dir.ts';
import { readRunProgress } from '../../workers/run-progress.ts';
import { prepareRunSpec, submitRun } from '../../workers/submit-run.ts';
import type { StageJobCounts } from '../../workers/run-job-counts.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { smallConfig, useQueueFixture } from './support.ts';

const temp = useTempDir();

async function status(env: NodeJS.ProcessEnv, runId: string): Promise<{ jobs: StageJobCounts[]; summary: { sizes: { all: number } } | null; queues: { stage: string; counts: Record<string, number> }[]; state: string }> {
  const { code, stdout, stderr } = await runCliInProcess(['status', runId, '--json'], { env });
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout);
}

const generate = (counts: { jobs: StageJobCounts[] }) => counts.jobs.find((stage) => stage.stage === 'generate')!;

describe('status', () => {
  it("counts one run's jobs per stage and state, apart from other runs on the same queues", async () => {
    const { redis, prefix, env, startWorkers, follow } = useQueueFixture();
    const outputDir = await temp.make();
    const submit = async (name: string, limit: number) =>
      submitRun({ redis, prefix, spec: await prepareRunSpec({ loaded: smallConfig({ name, seeds: { paths: ['seeds'], categories: ['privacy', 'violence'], limit }, simulator: { seed: 3, latencyMs: 100 } }), outputDir }) });
    const first = await submit('status-first', 3);
    const second = await submit('status-second', 2);
    expect(generate(await status(env, second.runId)).total).toBe(4);

    // No workers yet: everything of the first run waits, and the queue also holds the second's.
    const waiting = await status(env, first.runId);
    expect(generate(waiting)).toEqual({ stage: 'generate', total: 6, done: 0, waiting: 6, active: 0, retrying: 0, failed: 0 });
    expect(waiting.jobs.find((stage) => stage.stage === 'judge')!.total).toBeNull();
    expect(waiting.queues.find((queue) => queue.stage === 'generate')!.counts.waiting).toBe(10);

    await startWorkers({ concurrency: 2 });
    // Mid-run, the counts of each stage add up to its total, and no more are active than the workers' slots.
    let seenActive = false;
    let kept: number | null = null;
    for (;;) {
      const progress = await readRunProgress({ redis, prefix, runId: first.runId });
      if (progress.state === 'done') break;
      kept = progress.kept ?? kept;
      const now = await status(env, first.runId);
      if (now.state === 'done') break;
      for (const stage of now.jobs) {
        if (stage.total !== null && stage.stage !== 'probe') expect(stage.done + stage.waiting + stage.active + stage.retrying, JSON.stringify(stage)).toBeLessThanOrEqual(stage.total);
        expect(stage.active).toBeLessThanOrEqual(2);
        seenActive ||= stage.active > 0;
      }
    }
    expect(seenActive).toBe(true);
    await follow(first.runId);
    await follow(second.runId);

    // What dedupe kept, as the run showed it, is what the dataset says it did not remove.
    const firstSummary = (await readRunProgress({ redis, prefix, runId: first.runId })).summary!;
    const { counts } = JSON.parse(await readFile(join(firstSummary.dir, 'manifest.json'), 'utf8'));
    expect(kept).toBe(counts.candidates - counts.duplicates_exact - counts.duplicates_near);

    // Finished: the per-item results are cleared, the summary stays.
    const done = await status(env, first.runId);
    expect(done.jobs).toBeNull();
    expect(done.summary!.sizes.all).toBeGreaterThan(0);
    const text = await runCliInProcess(['status', first.runId], { env });
    expect(text.stdout).toMatch(new RegExp(`run ${first.runId} \\(status-first\\): done`));
    expect(text.stdout).toMatch(/all \d+, hard \d+, toxic \d+ rows/);
  });
});
