import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetRecord, DuplicateRecord, Failure } from '../../pipeline/schemas/candidate.ts';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../support/run-cli.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { readFolder, readJsonl } from '../support/read-dataset-files.ts';
import { expectRefusedConfig } from '../support/expect-refused-config.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const SMALL = { name: 'small', seeds: { limit: 3, categories: ['violence', 'privacy', 'self-harm'] }, generate: { rewritesPerSeed: 4 } };

async function runSmall(config: typeof SMALL & Record<string, unknown>, extraArgs: string[] = []) {
  // The config lives in a temp folder, so it points at the bundled seeds absolutely.
  const withSeeds = { ...config, seeds: { ...config.seeds, paths: [join(PROJECT_ROOT, 'seeds')] } };
  const dir = await temp.make({ 'config.json': JSON.stringify(withSeeds) });
  // In-process: these tests are about the dataset a run writes; the exit codes of the binary are tested below.
  const result = await runCliInProcess(['run', '--config', join(dir, 'config.json'), '--output', join(dir, 'out'), ...extraArgs]);
  return { dir, result, dataset: join(dir, 'out', config.name) };
}

describe('scarecrow run against the simulator over HTTP', () => {
  it('writes the three configs, card, manifest, prompts, duplicates and failures, accounting for every candidate', async () => {
    const { result, dataset } = await runSmall(SMALL);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('SIMULATED');
    expect(result.stdout).toContain('dataset written to');

    const files = await readFolder(dataset);
    expect(Object.keys(files).sort()).toEqual(['README.md', 'data/all.jsonl', 'data/hard.jsonl', 'data/toxic.jsonl', 'duplicates.jsonl', 'failures.jsonl', 'manifest.json', 'prompts.md', 'seeds.jsonl']);
    const all = (await readJsonl(join(dataset, 'data/all.jsonl'))).map((row) => DatasetRecord.parse(row));
    const hard = (await readJsonl(join(dataset, 'data/hard.jsonl'))).map((row) => DatasetRecord.parse(row));
    const toxic = (await readJsonl(join(dataset, 'data/toxic.jsonl'))).map((row) => DatasetRecord.parse(row));
    const duplicates = (await readJsonl(join(dataset, 'duplicates.jsonl'))).map((row) => DuplicateRecord.parse(row));
    const failures = (await readJsonl(join(dataset, 'failures.jsonl'))).map((row) => Failure.parse(row));

    expect(all.length).toBeGreaterThan(0);
    expect(all.every((row) => row.label !== 'harmful' && row.probes.length === 1 && row.probes[0].samples === 3)).toBe(true);
    expect(hard.every((row) => row.hard && all.some((other) => other.id === row.id))).toBe(true);
    expect(toxic.every((row) => row.label === 'harmful')).toBe(true);
    expect(all.map((row) => row.id)).toEqual([...all.map((row) => row.id)].sort());

    const manifest = JSON.parse(files['manifest.json']);
    expect(manifest.simulated).toBe(true);
    expect(manifest.counts.seeds).toBe(9);
    expect(manifest.counts.generated).toBe(36);
    const candidateFailures = failures.filter((failure) => failure.kind === 'candidate').length;
    expect(all.length + toxic.length + duplicates.length + candidateFailures).toBe(manifest.counts.generated);
    expect(manifest.counts.candidates).toBe(manifest.counts.generated);
    expect(manifest.usage['generator:sim-generator'].calls).toBe(9);
    expect(manifest.versions.openai).toMatch(/^6\./);

    const card = files['README.md'];
    expect(card).toContain('SIMULATED DATA');
    const frontMatter = parseYaml(card.split('---')[1]);
    expect(frontMatter.configs.map((config: { config_name: string }) => config.config_name)).toEqual(['all', 'hard', 'toxic']);
    expect(frontMatter.configs[1].data_files[0]).toEqual({ split: 'train', path: 'data/hard.jsonl' });
    expect(frontMatter.tags).toContain('simulated');
  });

  it('gives the same dataset twice, byte for byte apart from timestamps', async () => {
    const first = await runSmall(SMALL);
    const second = await runSmall(SMALL);
    expect(first.result.code).toBe(0);
    expect(second.result.code).toBe(0);
    const a = await readFolder(first.dataset);
    const b = await readFolder(second.dataset);
    for (const name of ['data/all.jsonl', 'data/hard.jsonl', 'data/toxic.jsonl', 'duplicates.jsonl', 'failures.jsonl']) expect(b[name], name).toBe(a[name]);
    const strip = (text: string) => text.replace(/"(created_at)": "[^"]+"/g, '').replace(/"timings_ms": \{[^}]*\}/, '');
    expect(strip(b['manifest.json'])).toBe(strip(a['manifest.json']));
    expect(b['README.md'].replace(/Generated \S+/, '')).toBe(a['README.md'].replace(/Generated \S+/, ''));
  });

  it('completes with 20% of simulated calls failing, and accounts for every seed', async () => {
    const faulty = {
      ...SMALL,
      name: 'faulty',
      simulator: { faultRate: 0.2 },
      generator: { model: 'sim-generator', timeoutMs: 1500, maxAttempts: 6 },
      judges: [1, 2, 3].map((n) => ({ model: `sim-judge-${n}`, timeoutMs: 1500, maxAttempts: 6 })),
      targets: [{ model: 'sim-target', timeoutMs: 1500, maxAttempts: 6 }],
    };
    const { result, dataset } = await runSmall(faulty);
    expect(result.code, result.stderr).toBe(0);
    const manifest = JSON.parse(await readFile(join(dataset, 'manifest.json'), 'utf8'));
    const failures = (await readJsonl(join(dataset, 'failures.jsonl'))).map((row) => Failure.parse(row));
    const failedSeeds = new Set(failures.filter((failure) => failure.kind === 'seed').map((failure) => failure.seed_id));
    const records = [...(await readJsonl(join(dataset, 'data/all.jsonl'))), ...(await readJsonl(join(dataset, 'data/toxic.jsonl')))].map((row) => DatasetRecord.parse(row));
    const duplicates = (await readJsonl(join(dataset, 'duplicates.jsonl'))).map((row) => DuplicateRecord.parse(row));
    const seen = new Set([...records.map((row) => row.seed.id), ...duplicates.map((row) => row.seed_id), ...failures.map((row) => row.seed_id)]);
    expect(seen.size + [...failedSeeds].filter((id) => !seen.has(id)).length).toBe(9);
    expect(manifest.counts.candidates).toBe(manifest.counts.generated);
    const failedCalls = Object.values(manifest.usage as Record<string, { failedCalls: number }>).reduce((sum, usage) => sum + usage.failedCalls, 0);
    expect(failedCalls).toBeGreaterThan(0);
  });
});

describe('scarecrow run when every call fails', () => {
  it('still writes the failure report, naming each seed and reason, but exits 1', async () => {
    const broken = { ...SMALL, name: 'broken', simulator: { faultRate: 1 }, generator: { model: 'sim-generator', maxAttempts: 1, timeoutMs: 500 } };
    const { result, dataset } = await runSmall(broken);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('every item failed');
    const failures = (await readJsonl(join(dataset, 'failures.jsonl'))).map((row) => Failure.parse(row));
    expect(failures.map((failure) => failure.seed_id).sort()).toHaveLength(9);
    expect(failures.every((failure) => failure.kind === 'seed' && failure.stage === 'generate' && failure.reason.length > 0)).toBe(true);
  });
});

describe('scarecrow run and validate with bad input', () => {
  it.each([
    ['{"name": "x", "colour": 1}', /config\.json:1: colour: unknown field/],
    ['{"generator": {"model": "gpt-4o", "baseURL": "https://api.openai.com/v1", "apiKeyEnv": "SCARECROW_TEST_MISSING_KEY"}}', /SCARECROW_TEST_MISSING_KEY, which is not set/],
    ['{"seeds": {"paths": ["nowhere"]}}', /nowhere: no such seed file or folder/],
  ])('exits 2 on %s and writes nothing', async (config, message) => {
    await expectRefusedConfig(await temp.make({ 'config.json': config }), message);
  });

  it('names an unreachable endpoint and exits 2 without writing', async () => {
    // The real binary, so its exit status is checked as a script sees it.
    const dir = await temp.make({ 'config.json': JSON.stringify({ generator: { model: 'm', baseURL: 'http://127.0.0.1:9/v1' }, judges: [{ model: 'm', baseURL: 'http://127.0.0.1:9/v1' }], targets: [] }) });
    const result = await runCli(['run', '--config', join(dir, 'config.json'), '--output', join(dir, 'out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot reach the generator endpoint http:\/\/127\.0\.0\.1:9\/v1/);
    expect(await readdir(dir)).toEqual(['config.json']);
  });

  it('validates the embedded defaults without calling a model', async () => {
    const result = await runCliInProcess(['validate']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/seeds: 320 \(/);
    expect(result.stdout).toContain('SIMULATOR');
  });
});
