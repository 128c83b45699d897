import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { responseCachePrefix } from '../../workers/redis-response-cache.ts';
import { datasetFiles, smallConfig, useQueueFixture } from '../queue/support.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();

async function manifestOf(dir: string) {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  const calls = Object.values(manifest.usage as Record<string, { calls: number; failedCalls: number }>).reduce((sum, usage) => sum + usage.calls + usage.failedCalls, 0);
  return { manifest, calls };
}

describe('cost controls on the queue', () => {
  it('keeps the response cache in Redis, without keys: a rerun that changes only the threshold makes no call and writes what in-process writes', async () => {
    const queue = useQueueFixture();
    await queue.startWorkers({ concurrency: 4 });
    const first = smallConfig();
    const firstDir = await temp.make();
    await queue.run({ loaded: first, outputDir: firstDir });
    const paid = await manifestOf(join(firstDir, 'queue-test'));
    expect(paid.calls).toBeGreaterThan(20);
    expect(paid.manifest.extra.cache).toMatchObject({ enabled: true, hits: 0, misses: paid.calls });
    const stored = await queue.redis.keys(`${responseCachePrefix(queue.prefix)}*`);
    expect(stored.length).toBe(paid.calls);
    const values = (await queue.redis.mget(...stored)).join('\n');
    expect(values).not.toMatch(/apiKey|not-needed|Bearer/);
    const stats = await runCliInProcess(['cache', 'stats', '--queue'], { env: queue.env });
    expect(stats.code, stats.stderr).toBe(0);
    expect(stats.stdout).toContain(`answers ${paid.calls} (0 expired)`);

    const rethresholded = smallConfig({ probe: { refusalThreshold: 0.3 } });
    const againDir = await temp.make();
    await queue.run({ loaded: rethresholded, outputDir: againDir });
    const again = await manifestOf(join(againDir, 'queue-test'));
    expect(again.calls).toBe(0);
    expect(again.manifest.extra.cache).toMatchObject({ hits: paid.calls, misses: 0 });
    const reference = await runInProcess({ loaded: rethresholded, outputDir: await temp.make(), cache: false });
    expect(await datasetFiles(join(againDir, 'queue-test'))).toEqual(await datasetFiles(reference.exported.dir));
  });

  it('shares one budget among all workers: together they never make more than budget.maxCalls', async () => {
    const queue = useQueueFixture();
    await Promise.all([queue.startWorkers({ concurrency: 8 }), queue.startWorkers({ concurrency: 8 })]);
    const loaded = smallConfig({ budget: { maxCalls: 25 }, cache: { enabled: false } });
    const outputDir = await temp.make();
    const result = await queue.run({ loaded, outputDir });
    const { manifest, calls } = await manifestOf(join(outputDir, 'queue-test'));
    expect(result.summary?.budgetStoppedBy).toBe('budget.maxCalls');
    expect(calls).toBeLessThanOrEqual(25);
    expect(manifest.extra.budget).toMatchObject({ max_calls: 25, calls, stopped_by: 'budget.maxCalls' });
    expect(manifest.extra.cache).toEqual({ enabled: false });
    const failures = (await readFile(join(outputDir, 'queue-test', 'failures.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((failure) => failure.reason.includes('budget reached (budget.maxCalls: 25 calls)'))).toBe(true);
    expect(await readFile(join(outputDir, 'queue-test', 'README.md'), 'utf8')).toContain('stopped by its budget');
  });
});
