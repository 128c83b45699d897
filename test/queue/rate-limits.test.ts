import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { runInProcess } from '../../pipeline/run/run-in-process.ts';
import { startSimulator } from '../../pipeline/simulator/start-simulator.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { QUEUE_STAGES } from '../../workers/queue-names.ts';
import { RedisRateGate } from '../../workers/redis-rate-gate.ts';
import { runOnQueue } from '../../workers/run-on-queue.ts';
import { startWorkers } from '../../workers/start-workers.ts';
import { datasetFiles, deletePrefix, REDIS_URL, smallConfig, testPrefix } from './support.ts';

const temp = useTempDir();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('rate limits', () => {
  it('hold an endpoint\'s requests per minute across all workers together', async () => {
    const prefix = testPrefix();
    const connections = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
    cleanups.push(() => deletePrefix(prefix), async () => connections.forEach((connection) => connection.disconnect()));
    // Two gates on two connections stand for two worker processes; 1200/min allows a burst of 20, then one per 50 ms.
    const gates = connections.map((redis) => new RedisRateGate({ redis, prefix }));
    const started = Date.now();
    const times = await Promise.all(
      Array.from({ length: 60 }, async (_, index) => {
        await gates[index % 2]!.admit({ endpoint: 'http://example.test/v1 (model-a)', requestsPerMinute: 1200 });
        return Date.now() - started;
      }),
    );
    times.sort((a, b) => a - b);
    expect(times.at(-1)!).toBeGreaterThanOrEqual(1900); // (60 - 20) x 50 ms, less clock slack
    expect(times.at(-1)!).toBeLessThan(4000);
    for (const [index, time] of times.entries()) expect(index + 1).toBeLessThanOrEqual(20 + Math.floor(time / 50) + 1);
  });

  it('turns 429s into pauses that use up no attempts, even with one attempt per request', async () => {
    const seed = 21;
    const simulator = await startSimulator({ port: 0, seed, faultRate: 0.25, faults: { kinds: ['rate_limit'], retryAfterMs: 150 } });
    cleanups.push(() => simulator.close());
    const role = (model: string) => ({ model, baseURL: simulator.url, maxAttempts: 1 });
    const loaded = smallConfig({
      generator: role('sim-generator'),
      judges: [role('sim-judge-1'), role('sim-judge-2'), role('sim-judge-3')],
      targets: [role('sim-target')],
      simulator: { seed },
    });
    const reference = await runInProcess({ loaded: smallConfig({ simulator: { seed } }), outputDir: await temp.make() });
    const prefix = testPrefix();
    cleanups.push(() => deletePrefix(prefix));
    const workers = await startWorkers({ redisUrl: REDIS_URL, prefix, stages: QUEUE_STAGES, concurrency: 4, log: () => {} });
    cleanups.push(() => workers.close({ graceMs: 1000 }));
    const result = await runOnQueue({ loaded, redisUrl: REDIS_URL, prefix, outputDir: await temp.make(), pollMs: 50, signal: AbortSignal.timeout(45_000) });

    expect(simulator.stats().faults.rate_limit).toBeGreaterThan(3);
    const files = await datasetFiles(result.summary!.dir);
    const expected = await datasetFiles(reference.exported.dir);
    expect(files['data/all.jsonl']).toBe(expected['data/all.jsonl']);
    expect(files['failures.jsonl']).toBe(expected['failures.jsonl']);
    const manifest = JSON.parse(await readFile(join(result.summary!.dir, 'manifest.json'), 'utf8'));
    expect(manifest.counts.seeds_failed).toBe(0);
  }, 60_000);
});
