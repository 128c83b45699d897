import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const SEEDS = { paths: [join(PROJECT_ROOT, 'seeds')], categories: ['deception', 'harassment', 'privacy', 'violence'], limit: 2 };
const DATA_FILES = ['data/all.jsonl', 'data/hard.jsonl', 'data/toxic.jsonl', 'duplicates.jsonl', 'failures.jsonl'];

async function run(dir: string, config: Record<string, unknown>, flags: string[] = []) {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  await import('node:fs/promises').then((fs) => fs.writeFile(file, JSON.stringify({ name: 'cached', seeds: SEEDS, ...config })));
  const result = await runCliInProcess(['run', '--config', file, '--output', join(dir, 'out'), ...flags]);
  expect(result.code, result.stderr).toBe(0);
  const dataset = join(dir, 'out', 'cached');
  const manifest = JSON.parse(await readFile(join(dataset, 'manifest.json'), 'utf8'));
  const files = Object.fromEntries(await Promise.all(DATA_FILES.map(async (name) => [name, await readFile(join(dataset, name), 'utf8')])));
  const calls = Object.values(manifest.usage as Record<string, { calls: number }>).reduce((sum, usage) => sum + usage.calls, 0);
  return { manifest, files, calls };
}

describe('the response cache across runs', () => {
  it('makes no model call on a rerun that changes only what happens after the calls, and writes the same data', async () => {
    const dir = await temp.make();
    const first = await run(dir, {});
    expect(first.calls).toBeGreaterThan(50);
    expect(first.manifest.extra.cache).toMatchObject({ enabled: true, hits: 0, misses: first.calls });

    const again = await run(dir, {});
    expect(again.calls).toBe(0);
    expect(again.manifest.extra.cache).toMatchObject({ enabled: true, hits: first.calls, misses: 0 });
    expect(again.files).toEqual(first.files);

    const rethresholded = await run(dir, { probe: { refusalThreshold: 0.3, minTargets: 1 } });
    expect(rethresholded.calls).toBe(0);
    expect(rethresholded.manifest.extra.cache.misses).toBe(0);
    expect(rethresholded.files['data/all.jsonl']).not.toEqual(first.files['data/all.jsonl']);

    // Under the unanimous rule the third judge is asked where two agreeing judges settled a majority: only those calls are new.
    const unanimous = await run(dir, { judge: { rule: 'unanimous' } });
    expect(Object.keys(unanimous.manifest.usage)).toEqual(['judge:sim-judge-3']);
    expect(unanimous.manifest.extra.cache.hits).toBeGreaterThan(first.calls / 2);

    // A new seed of the simulator decides other answers: nothing of the old ones is reused.
    const reseeded = await run(dir, { simulator: { seed: 7 } });
    expect(reseeded.manifest.extra.cache.hits).toBe(0);
    expect(reseeded.manifest.extra.cache.misses).toBe(reseeded.calls);
    expect(await readdir(join(dir, 'out'))).toContain('.scarecrow-cache');
  });

  it('writes byte-identical data with the cache on and off, and --no-cache makes every call', async () => {
    const on = await run(await temp.make(), {});
    const off = await run(await temp.make(), {}, ['--no-cache']);
    expect(off.files).toEqual(on.files);
    expect(off.calls).toBe(on.calls);
    expect(off.manifest.extra.cache).toEqual({ enabled: false });
  });

  it('cache stats, prune and clear report on the cache the run used', async () => {
    const dir = await temp.make();
    const { calls } = await run(dir, {});
    const output = join(dir, 'out');
    const stats = await runCliInProcess(['cache', 'stats', '--output', output]);
    expect(stats.code, stats.stderr).toBe(0);
    expect(stats.stdout).toContain(`answers ${calls} (0 expired)`);
    expect((await runCliInProcess(['cache', 'prune', '--output', output])).stdout).toContain('pruned 0 expired answers');
    expect((await runCliInProcess(['cache', 'clear', '--output', output])).stdout).toContain(`cleared ${calls} answers`);
    expect((await runCliInProcess(['cache', 'stats', '--output', output])).stdout).toContain('answers 0 (0 expired)');
  });
});
