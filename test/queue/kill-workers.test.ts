import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { readRunProgress } from '../../workers/run-progress.ts';
import type { SpawnedWorker } from './spawn-worker.ts';
import { datasetFiles, manifestCounts, smallConfig, useQueueFixture } from './support.ts';

const temp = useTempDir();

describe('crash safety', () => {
  it('completes with an identical dataset when worker processes are killed with SIGKILL mid-run', async () => {
    // Slow enough calls that the run outlasts several kills whatever the machine's speed.
    const loaded = smallConfig({ simulator: { seed: 3, latencyMs: 300 } });
    // Latency changes when answers come, not what they are: the reference needs none.
    const reference = await runInProcess({ loaded: smallConfig({ simulator: { seed: 3, latencyMs: 0 } }), outputDir: await temp.make() });
    const expected = await datasetFiles(reference.exported.dir);

    const queue = useQueueFixture();
    const { redis, prefix } = queue;
    const start = () => queue.spawnWorker({ args: ['--concurrency', '2', '--lock-duration', '1500'] });
    const live = [start(), start()];
    const outputDir = await temp.make();
    const { runId } = await queue.run({ loaded, outputDir, detach: true });

    let kills = 0;
    const statesAtKill: string[] = [];
    const ready = (worker: SpawnedWorker) => worker.output().includes('serving');
    // Kill moments and victims come from a fixed seed, so a failure can be replayed; the log line names it.
    const KILL_SEED = 20261201;
    const random = seededRandom(KILL_SEED);
    const deadline = Date.now() + 40_000;
    while (kills < 4) {
      // Kill workers that are taking jobs, at varied moments, so kills land inside every stage.
      while (!live.some(ready)) {
        if (Date.now() > deadline) throw new Error(`no worker said "serving" within 40 s of the run (kill seed ${KILL_SEED}, ${kills} kills so far); their output:\n${live.map((worker) => worker.output()).join('\n---\n')}`);
        await sleep(50);
      }
      await sleep(700 + random() * 700); // about the time stalled jobs take to come back, so the run moves on between kills
      const progress = await readRunProgress({ redis, prefix, runId });
      if (progress.state === 'done' || Date.now() > deadline) break;
      const candidates = live.filter(ready);
      const victim = candidates[Math.floor(random() * candidates.length)]!;
      live.splice(live.indexOf(victim), 1);
      victim.child.kill('SIGKILL');
      await victim.exited;
      kills += 1;
      statesAtKill.push(progress.state);
      live.push(start());
    }
    const summary = await queue.follow(runId, { signal: AbortSignal.timeout(45_000) });
    expect(kills, `kills before the run was done (kill seed ${KILL_SEED}, at stages ${statesAtKill.join(', ')})`).toBeGreaterThanOrEqual(3);
    const dir = join(outputDir, loaded.config.name);
    expect(summary.dir).toBe(dir);
    expect(await datasetFiles(dir)).toEqual(expected);
    expect(await manifestCounts(dir)).toEqual(await manifestCounts(reference.exported.dir));
    // Results are removed once the dataset is written: only the run's summary is left, with an expiry.
    const left = await redis.keys(`${prefix}:run:${runId}*`);
    expect(left).toEqual([`${prefix}:run:${runId}`]);
    expect(await redis.ttl(left[0]!)).toBeGreaterThan(0);
    console.log(`killed ${kills} workers (at stages ${statesAtKill.join(', ')}; kill seed ${KILL_SEED})`);
  }, 70_000);
});
