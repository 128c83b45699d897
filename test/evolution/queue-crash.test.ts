import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { readRunProgress } from '../../workers/run-progress.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { datasetFiles, smallConfig, useQueueFixture } from '../queue/support.ts';

const temp = useTempDir();

describe('search rounds on the queue', () => {
  it('complete with the same dataset when the worker running them is killed with SIGKILL, picking up the steps it kept', async () => {
    const config = (latencyMs: number) => smallConfig({ evolve: { rounds: 3, parentsPerRound: 6 }, simulator: { seed: 4, latencyMs } });
    const reference = await runInProcess({ loaded: config(0), outputDir: await temp.make() });

    const queue = useQueueFixture();
    const { redis, prefix } = queue;
    const start = () => queue.spawnWorker({ args: ['--concurrency', '4', '--lock-duration', '1500'] });
    const first = start();
    const outputDir = await temp.make();
    const loaded = config(80);
    const { runId } = await queue.run({ loaded, outputDir, detach: true });

    // Wait until the rounds are under way and have kept some steps, then kill the worker running them.
    const steps = `${prefix}:run:${runId}:evolved-steps`;
    const deadline = Date.now() + 40_000;
    let kept = 0;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`the rounds never started; worker output:\n${first.output()}`);
      const progress = await readRunProgress({ redis, prefix, runId });
      kept = await redis.hlen(steps);
      if (progress.state === 'evolve' && kept >= 5) break;
      await sleep(25);
    }
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await redis.hlen(steps)).toBeGreaterThanOrEqual(kept);
    start();

    const summary = await queue.follow(runId, { signal: AbortSignal.timeout(45_000) });
    const dir = join(outputDir, loaded.config.name);
    expect(summary.dir).toBe(dir);
    expect(await datasetFiles(dir)).toEqual(await datasetFiles(reference.exported.dir));
    // The kept steps go with the run's other results once the dataset is written.
    expect(await redis.exists(steps)).toBe(0);
  }, 70_000);
});
