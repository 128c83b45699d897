import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { startSimulator } from '../../simulator/start-simulator.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { datasetFiles, manifestCounts, smallConfig, useQueueFixture } from './support.ts';

const temp = useTempDir();

/** Every role with these settings. */
const roles = (role: object) => ({
  generator: { model: 'sim-generator', ...role },
  judges: [{ model: 'sim-judge-1', ...role }, { model: 'sim-judge-2', ...role }, { model: 'sim-judge-3', ...role }],
  targets: [{ model: 'sim-target', ...role }],
});

const manifest = async (dir: string) => JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
const usage = async (dir: string) => (await manifest(dir)).usage;

describe('faults on the queue', () => {
  it('fail the same items for the same reasons as in-process, with each worker process answering from its own simulator', async () => {
    // Two attempts per call, so even in-process some calls run out of them; three judges and three probe samples per job.
    const loaded = smallConfig({
      seeds: { paths: ['seeds'], categories: ['privacy', 'violence', 'illegal'], limit: 3 },
      ...roles({ timeoutMs: 2000, maxAttempts: 2 }),
      simulator: { seed: 4, faultRate: 0.2 },
    });
    // The reference first, on its own: its 2 s timeouts must not meet the workers' start-up.
    const reference = await runInProcess({ loaded, outputDir: await temp.make() });
    const expected = await datasetFiles(reference.exported.dir);
    const failures = expected['failures.jsonl']!.split('\n').filter(Boolean);
    expect(failures.length).toBeGreaterThan(0);

    const queue = useQueueFixture();
    queue.spawnWorker({ args: ['--concurrency', '4'] });
    queue.spawnWorker({ args: ['--concurrency', '4'] });
    const outputDir = await temp.make();
    const result = await queue.run({ loaded, outputDir, signal: AbortSignal.timeout(100_000) });
    const dir = join(outputDir, loaded.config.name);
    expect(result.summary?.dir).toBe(dir);
    const files = await datasetFiles(dir);
    expect(files['failures.jsonl']).toBe(expected['failures.jsonl']);
    expect(files).toEqual(expected);
    expect(await manifestCounts(dir)).toEqual(await manifestCounts(reference.exported.dir));

    // The per-call records went with the items' results: nothing of the run is left but its summary.
    const { redis, prefix } = queue;
    expect(await redis.keys(`${prefix}:run:${result.runId}*`)).toEqual([`${prefix}:run:${result.runId}`]);
  }, 150_000);

  it('replay the calls a retried job had answered, so no call is made twice and the usage is the in-process usage', async () => {
    // One simulator for both runners: with the attempt sent in a header it answers each attempt alike, whoever asks.
    const queue = useQueueFixture();
    const simulator = await startSimulator({ port: 0, seed: 9, faultRate: 0.3, faults: { kinds: ['server_error', 'malformed_json', 'rate_limit'], retryAfterMs: 50 } });
    queue.onCleanup(() => simulator.close());
    // Enough attempts that no call runs out of them: every item succeeds in both runners. The response
    // cache is on, and so is the default refusal judge (the first judge, as the roles name a baseURL),
    // whose calls start only once their target has answered, possibly after the job's attempt ended.
    const loaded = smallConfig({ ...roles({ baseURL: simulator.url, maxAttempts: 8 }), simulator: { seed: 9 } });
    // Workers in this process: what is tested is the ledger's replay, not the process boundary (the first test has that).
    const reference = await runInProcess({ loaded, outputDir: await temp.make() });
    const inProcess = simulator.stats();
    expect(inProcess.faults.server_error + inProcess.faults.malformed_json).toBeGreaterThan(5);
    expect(inProcess.faults.rate_limit).toBeGreaterThan(0);
    expect((await usage(reference.exported.dir))['refusal-judge:sim-judge-1'].calls).toBeGreaterThan(0);

    await queue.startWorkers({ concurrency: 4 });
    await queue.startWorkers({ concurrency: 4 });
    const result = await queue.run({ loaded, outputDir: await temp.make(), signal: AbortSignal.timeout(100_000) });
    const dir = result.summary!.dir;
    expect(await datasetFiles(dir)).toEqual(await datasetFiles(reference.exported.dir));
    const queued = simulator.stats();
    // Exactly as many requests again, with the same faults: a retried judge job did not ask its first judges again.
    expect(queued.requests - inProcess.requests).toBe(inProcess.requests);
    for (const kind of ['rate_limit', 'server_error', 'malformed_json'] as const) expect(queued.faults[kind] - inProcess.faults[kind]).toBe(inProcess.faults[kind]);
    expect(await usage(dir)).toEqual(await usage(reference.exported.dir));
    // A retry looks its call up in the cache again, but misses it once, as in-process.
    expect((await manifest(dir)).extra.cache).toEqual((await manifest(reference.exported.dir)).extra.cache);
  }, 150_000);
});
