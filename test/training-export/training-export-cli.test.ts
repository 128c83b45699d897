import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { makeDataset } from '../harness-export/make-dataset.ts';

const temp = useTempDir();

// Four seeds, twelve candidates: enough for hard and toxic prompts on simulator seed 8.
const CONFIG = {
  name: 'tiny',
  seeds: { categories: ['violence', 'illegal'], limit: 2 },
  generate: { rewritesPerSeed: 3 },
  probe: { samples: 2 },
  helper: { model: 'sim-helper' },
  simulator: { seed: 8 },
};

const jsonl = async (file: string) => (await readFile(file, 'utf8')).trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
const rowsOf = async (dir: string, config: 'hard' | 'toxic') => (await jsonl(join(dir, `data/${config}.jsonl`))).length;

describe('export --format sft and dpo', () => {
  it('writes training data from a run, and a re-export makes no call', async () => {
    const dir = await temp.make();
    const configFile = join(dir, 'config.json');
    await writeFile(configFile, JSON.stringify(CONFIG));
    expect((await runCliInProcess(['run', '--config', configFile, '--output', join(dir, 'in-process'), '--quiet'])).code).toBe(0);
    const dataset = join(dir, 'in-process', 'tiny');
    const [hard, toxic] = [await rowsOf(dataset, 'hard'), await rowsOf(dataset, 'toxic')];
    expect(hard).toBeGreaterThan(0);
    expect(toxic).toBeGreaterThan(0);

    const sft = await runCliInProcess(['export', '--dataset', dataset, '--format', 'sft']);
    expect(sft.code).toBe(0);
    expect(sft.stderr).toMatch(/SIMULATED: helper sim-helper/);
    const sftRows = await jsonl(join(dataset, 'exports/sft.jsonl'));
    // The simulated judges find every simulated answer to these hard prompts safe.
    expect(sftRows).toHaveLength(hard);
    for (const row of sftRows) {
      expect(Object.keys(row)).toEqual(['messages']);
      expect(row.messages.map((message: { role: string }) => message.role)).toEqual(['user', 'assistant']);
    }

    const dpo = await runCliInProcess(['export', '--dataset', dataset, '--format', 'dpo']);
    expect(dpo.code).toBe(0);
    const dpoRows = await jsonl(join(dataset, 'exports/dpo.jsonl'));
    expect(dpoRows).toHaveLength(hard + toxic);
    for (const row of dpoRows) expect(Object.keys(row)).toEqual(['prompt', 'chosen', 'rejected']);
    // Hard prompts first: the compliant answer (also sft's) over the target's refusal; then toxic ones the other way round.
    expect(dpoRows[0].chosen).toEqual([sftRows[0].messages[1]]);
    expect(dpoRows[0].rejected[0].content).toMatch(/can't|cannot|won't|sorry|not able|decline/i);
    expect(dpoRows[hard].chosen[0].content).toMatch(/can't|won't|not able|sorry/i);
    // The targets' refusals of hard prompts came from the response cache the run filled; only toxic prompts, never probed, were put to the target.
    expect(Number(/target:sim-target (\d+)/.exec(dpo.stdout)?.[1] ?? 0)).toBe(toxic);

    const again = await runCliInProcess(['export', '--dataset', dataset, '--format', 'dpo']);
    expect(again.stdout).toMatch(/model calls: none; \d+ answers from the response cache/);
  });

  it('refuses sft and dpo without a helpful model: exit 2, the field named, nothing written', async () => {
    const dataset = await makeDataset({ outputDir: await temp.make() });
    const bare = join(await temp.make(), 'bare.json');
    await writeFile(bare, JSON.stringify({ name: 'other' }));
    for (const args of [['--format', 'sft'], ['--format', 'dpo', '--config', bare]]) {
      const result = await runCliInProcess(['export', '--dataset', dataset, ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/needs a helpful model.*helper/);
      expect(result.stderr).not.toContain('    at ');
    }
    expect((await runCliInProcess(['export', '--dataset', dataset, '--format', 'dpo', '--config', bare])).stderr).toContain(`${bare}: helper: not set`);
    expect(await readdir(dataset)).not.toContain('exports');
  });
});
