import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { smallConfig, useQueueFixture, waitForOutput } from './support.ts';

describe('graceful shutdown', () => {
  it('on SIGTERM stops within its grace period and hands unfinished jobs back, attempts intact', async () => {
    const fixture = useQueueFixture();
    const queue = fixture.queue('generate');
    // Every simulated call takes 20 s: no job can finish within the grace period.
    const loaded = smallConfig({ simulator: { seed: 1, latencyMs: 20_000 } });
    const worker = fixture.spawnWorker({ args: ['--concurrency', '4', '--grace', '500'] });
    await fixture.run({ loaded, outputDir: '/tmp/unused', detach: true });
    while ((await queue.getActiveCount()) < 4) await sleep(50);

    const signalled = Date.now();
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(worker.output()).toMatch(/handing active jobs back/);
    expect(await queue.getActiveCount()).toBe(0);
    const waiting = await queue.getWaiting();
    expect(waiting).toHaveLength(6);
    expect(waiting.every((job) => job.attemptsMade === 0)).toBe(true);
  }, 30_000);

  it('exits at once on SIGTERM when no job is active, without sitting out its grace period', async () => {
    const worker = useQueueFixture().spawnWorker({ args: ['--grace', '20000'] });
    await waitForOutput(worker, 'serving');

    const signalled = Date.now();
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(3_000);
    expect(worker.output()).toMatch(/worker stopped/);
  }, 30_000);
});
