import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const SEEDS = { paths: [join(PROJECT_ROOT, 'seeds')], limit: 2 };

async function runWith(config: Record<string, unknown>, flags: string[] = []) {
  const dir = await temp.make();
  await writeFile(join(dir, 'config.json'), JSON.stringify({ name: 'budgeted', seeds: SEEDS, ...config }));
  const result = await runCliInProcess(['run', '--config', join(dir, 'config.json'), '--output', join(dir, 'out'), ...flags]);
  return { dir, result };
}

describe('a run that reaches its budget', () => {
  it('stops starting work at budget.maxCalls, writes what is settled, says so in the manifest and card, and exits 3', async () => {
    const { dir, result } = await runWith({ budget: { maxCalls: 60 } }, ['--no-cache']);
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toContain('budget reached (budget.maxCalls): the run stopped starting work');
    const dataset = join(dir, 'out', 'budgeted');
    const manifest = JSON.parse(await readFile(join(dataset, 'manifest.json'), 'utf8'));
    const calls = Object.values(manifest.usage as Record<string, { calls: number; failedCalls: number }>).reduce((sum, usage) => sum + usage.calls + usage.failedCalls, 0);
    expect(calls).toBeLessThanOrEqual(60);
    expect(manifest.extra.budget).toEqual({ max_calls: 60, max_cost_usd: null, calls, cost_usd: 0, stopped_by: 'budget.maxCalls' });
    const failures = (await readFile(join(dataset, 'failures.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.every((failure) => /budget reached \(budget\.maxCalls: 60 calls\)/.test(failure.reason))).toBe(true);
    // Every seed and candidate is in the data, a duplicate or a failure: none is lost to the stop.
    expect(manifest.counts.candidates).toBe(manifest.counts.generated);
    const card = await readFile(join(dataset, 'README.md'), 'utf8');
    expect(card).toContain('This run was **stopped by its budget** (`budget.maxCalls`: 60 calls)');
  });

  it('a budget the run stays within changes nothing: exit 0, no budget note in the card', async () => {
    const { dir, result } = await runWith({ budget: { maxCalls: 100_000 } });
    expect(result.code, result.stderr).toBe(0);
    const manifest = JSON.parse(await readFile(join(dir, 'out', 'budgeted', 'manifest.json'), 'utf8'));
    expect(manifest.extra.budget.stopped_by).toBeNull();
    expect(await readFile(join(dir, 'out', 'budgeted', 'README.md'), 'utf8')).not.toContain('stopped by its budget');
  });
});
