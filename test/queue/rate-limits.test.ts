import { describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { startSimulator } from '../../simulator/start-simulator.ts';
import { startRecordingProxy } from '../support/recording-proxy.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { RedisRateGate } from '../../workers/redis-rate-gate.ts';
import { datasetFiles, REDIS_URL, smallConfig, useQueueFixture } from './support.ts';

const temp = useTempDir();

describe('rate limits', () => {
  it('hold an endpoint\'s requests per minute across all workers together', async () => {
    const { prefix, onCleanup } = useQueueFixture();
    const connections = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
    onCleanup(() => connections.forEach((connection) => connection.disconnect()));
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
    // And it keeps pace, rather than holding requests longer than the rate needs: after the burst,
    // the typical gap between admissions is the 50 ms the rate allows (a busy machine stretches a few, not the median).
    const gaps = times.slice(20).map((time, index) => time - times[19 + index]!).sort((a, b) => a - b);
    expect(gaps[Math.floor(gaps.length / 2)]!).toBeLessThan(150);
    for (const [index, time] of times.entries()) expect(index + 1).toBeLessThanOrEqual(20 + Math.floor(time / 50) + 1);
  });

  it('turns 429s into pauses of the stage for every worker, each 429 using one of its call\'s attempts, as in-process', async () => {
    const seed = 21;
    // One simulator for both runners: the attempt each request says it is decides its fault, whoever sends it.
    const queue = useQueueFixture();
    const simulator = await startSimulator({ port: 0, seed, faultRate: 0.5, faults: { kinds: ['rate_limit'], retryAfterMs: 150 } });
    queue.onCleanup(() => simulator.close());
    const proxy = await startRecordingProxy(simulator.url);
    queue.onCleanup(() => proxy.close());
    // Three attempts per call: at half the attempts answered 429, a few calls use them all up.
    const role = (model: string) => ({ model, baseURL: proxy.url, maxAttempts: 3 });
    const loaded = smallConfig({
      generator: role('sim-generator'),
      judges: [role('sim-judge-1'), role('sim-judge-2'), role('sim-judge-3')],
      targets: [role('sim-target')],
      simulator: { seed },
    });
    const reference = await runInProcess({ loaded, outputDir: await temp.make() });
    const expected = await datasetFiles(reference.exported.dir);
    const inProcess = simulator.stats().faults.rate_limit;
    expect(expected['failures.jsonl']).toContain('answered 429');
    await queue.startWorkers();
    const queued = proxy.exchanges.length;
    const result = await queue.run({ loaded, outputDir: await temp.make(), signal: AbortSignal.timeout(45_000) });

    // The same 429s again, and the same items failed by them.
    expect(simulator.stats().faults.rate_limit - inProcess).toBe(inProcess);
    expect(await datasetFiles(result.summary!.dir)).toEqual(expected);
    // Each 429's call was tried again only after its Retry-After (150 ms, from retry-after-ms), by whichever worker took it.
    const onQueue = proxy.exchanges.slice(queued);
    const limited = onQueue.filter((exchange) => exchange.status === 429);
    expect(limited).toHaveLength(inProcess);
    let retried = 0;
    for (const refused of limited) {
      const retry = onQueue.find((exchange) => exchange.body === refused.body && exchange.arrivedAt > refused.answeredAt);
      if (!retry) continue; // the call's last attempt: its item failed
      retried += 1;
      expect(retry.arrivedAt - refused.answeredAt).toBeGreaterThanOrEqual(140);
    }
    expect(retried).toBeGreaterThan(0);
  }, 60_000);
});
