import { afterEach, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { runOnQueue } from '../../workers/run-on-queue.ts';
import { spawnWorker, type SpawnedWorker } from './spawn-worker.ts';
import { deletePrefix, REDIS_URL, smallConfig, testPrefix } from './support.ts';

const spawned: SpawnedWorker[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const worker of spawned.splice(0)) worker.child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('graceful shutdown', () => {
  it('on SIGTERM stops within its grace period and hands unfinished jobs back, attempts intact', async () => {
    const prefix = testPrefix();
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue('generate', { connection: redis, prefix });
    cleanups.push(() => deletePrefix(prefix), async () => redis.disconnect(), () => queue.close());
    // Every simulated call takes 20 s: no job can finish within the grace period.
    const loaded = smallConfig({ simulator: { seed: 1, latencyMs: 20_000 } });
    const worker = spawnWorker({ prefix, args: ['--concurrency', '4', '--grace', '500'] });
    spawned.push(worker);
    await runOnQueue({ loaded, redisUrl: REDIS_URL, prefix, outputDir: '/tmp/unused', detach: true });
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
    const prefix = testPrefix();
    cleanups.push(() => deletePrefix(prefix));
    const worker = spawnWorker({ prefix, args: ['--grace', '20000'] });
    spawned.push(worker);
    while (!/serving/.test(worker.output())) await sleep(50);

    const signalled = Date.now();
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(3_000);
    expect(worker.output()).toMatch(/worker stopped/);
  }, 30_000);
});
