import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();

describe('scarecrow plan', () => {
  it('estimates, without a call, the calls a run then makes, per role, within a tenth', async () => {
    const dir = await temp.make();
    const config = { name: 'planned', seeds: { paths: [join(PROJECT_ROOT, 'seeds')], limit: 3 }, generate: { rewritesPerSeed: 3 }, targets: [{ model: 'sim-target' }, { model: 'sim-target-2' }], probe: { samples: 2 }, simulator: { seed: 3 } };
    await writeFile(join(dir, 'config.json'), JSON.stringify(config));
    const planned = await runCliInProcess(['plan', '--config', join(dir, 'config.json'), '--json']);
    expect(planned.code, planned.stderr).toBe(0);
    const plan = JSON.parse(planned.stdout);
    const text = await runCliInProcess(['plan', '--config', join(dir, 'config.json')]);
    expect(text.stdout).toMatch(/^probe\s+targets\[1\]\s+sim-target-2\s+[\d,]+/m);

    const run = await runCliInProcess(['run', '--config', join(dir, 'config.json'), '--output', join(dir, 'out'), '--no-cache']);
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(await readFile(join(dir, 'out', 'planned', 'manifest.json'), 'utf8'));
    const actual = Object.values(manifest.usage as Record<string, { calls: number }>).reduce((sum, usage) => sum + usage.calls, 0);
    expect(Math.abs(plan.total.calls - actual) / actual).toBeLessThan(0.1);
    expect(actual).toBeLessThanOrEqual(plan.total.maxCalls);
    expect(plan.rows.find((row: { role: string }) => row.role === 'generator').calls).toBe(manifest.usage['generator:sim-generator'].calls);
  });

  it('refuses a bad config as run does: exit 2, naming the field', async () => {
    const dir = await temp.make();
    await writeFile(join(dir, 'config.json'), JSON.stringify({ budget: { maxCalls: 0 } }, null, 2));
    const result = await runCliInProcess(['plan', '--config', join(dir, 'config.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/budget\.maxCalls: must be at least 1 call/);
  });
});
