import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { datasetFiles, manifestCounts, smallConfig, useQueueFixture } from '../queue/support.ts';

const temp = useTempDir();

const filesOf = async (dir: string): Promise<Record<string, string>> => ({ ...(await datasetFiles(dir)), 'seeds.jsonl': await readFile(join(dir, 'seeds.jsonl'), 'utf8') });

describe('seed expansion and translated languages in both runners', () => {
  it('writes the same dataset, seeds.jsonl included, in-process and on the queue, with expansion on its own model and rewrites translated', async () => {
    const loaded = smallConfig({
      seeds: { paths: ['seeds'], categories: ['privacy', 'violence'], limit: 2, expand: { perCategory: 4, batchSize: 3, model: { model: 'sim-generator', temperature: 0.9 } } },
      generate: { rewritesPerSeed: 3, languages: ['en', 'de'], languageMode: 'translate' },
      simulator: { seed: 13, latencyMs: 2 },
    });
    const reference = await runInProcess({ loaded, outputDir: await temp.make() });
    const expected = await filesOf(reference.exported.dir);
    const seeds = expected['seeds.jsonl']!.trim().split('\n').map((line) => JSON.parse(line) as { source: string; category: string });
    expect(seeds.filter((seed) => seed.source === 'bundled')).toHaveLength(4);
    expect(seeds.filter((seed) => seed.source === 'generated')).toHaveLength(8);
    // Every seed, generated ones too, was rewritten in both languages.
    const rows = expected['data/all.jsonl']!.trim().split('\n').map((line) => JSON.parse(line) as { id: string; language: string; seed: { id: string } });
    expect(new Set(rows.map((row) => row.language))).toEqual(new Set(['en', 'de']));
    expect(rows.some((row) => row.seed.id.includes('-x'))).toBe(true);
    // Translate mode: each German row translates an English rewrite of its own seed, which it names.
    const english = new Map(rows.filter((row) => row.language === 'en').map((row) => [row.id, row]));
    const german = rows.filter((row) => row.language === 'de') as unknown as { translated_from: { id: string; prompt: string }; seed: { id: string } }[];
    expect(german.length).toBeGreaterThan(0);
    for (const row of german) expect(english.get(row.translated_from.id)?.seed.id ?? row.seed.id).toBe(row.seed.id);
    expect(german.filter((row) => english.has(row.translated_from.id)).length).toBeGreaterThan(german.length / 2);

    const queue = useQueueFixture();
    await Promise.all([queue.startWorkers({ concurrency: 3 }), queue.startWorkers({ concurrency: 3 })]);
    const outputDir = await temp.make();
    await queue.run({ loaded, outputDir });
    const dir = join(outputDir, loaded.config.name);
    expect(await filesOf(dir)).toEqual(expected);
    expect(await manifestCounts(dir)).toEqual(await manifestCounts(reference.exported.dir));
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    const referenceManifest = JSON.parse(await readFile(join(reference.exported.dir, 'manifest.json'), 'utf8'));
    expect(manifest.extra.expansion).toEqual(referenceManifest.extra.expansion);
    expect(await readFile(join(dir, 'prompts.md'), 'utf8')).toContain('## Seed expansion (`expand-v1`)');
    expect(manifest.usage['generator:sim-generator'].calls).toBe(referenceManifest.usage['generator:sim-generator'].calls);
    // Expansion's own model is a role of its own: its calls are counted apart from the generator's, alike in both runners.
    expect(manifest.usage['expander:sim-generator'].calls).toBe(referenceManifest.usage['expander:sim-generator'].calls);
    expect(manifest.usage['expander:sim-generator'].calls).toBe(manifest.extra.expansion.categories.privacy.calls + manifest.extra.expansion.categories.violence.calls);
    // One English call and one translation call per seed.
    expect(manifest.usage['generator:sim-generator'].calls).toBe(seeds.length * 2);
  });

  it('records expansion calls that failed, and the category they left short, in failures.jsonl alike in both runners', async () => {
    // Expansion's own model times out on every call (1 ms against a simulator at 5 ms), with no retry.
    const loaded = smallConfig({
      seeds: { paths: ['seeds'], categories: ['violence'], limit: 1, expand: { perCategory: 2, model: { model: 'sim-generator', timeoutMs: 1, maxAttempts: 1 } } },
      generate: { rewritesPerSeed: 1 },
      judges: [{ model: 'sim-judge-1' }],
      targets: [],
      simulator: { seed: 13, latencyMs: 5 },
      cache: { enabled: false },
    });
    const reference = await runInProcess({ loaded, outputDir: await temp.make() });
    const expected = await datasetFiles(reference.exported.dir);
    const failures = expected['failures.jsonl']!.trim().split('\n').map((line) => JSON.parse(line) as { stage: string; kind: string; id: string; reason: string });
    expect(failures.every((failure) => failure.stage === 'expand' && failure.kind === 'concepts')).toBe(true);
    expect(failures.at(-1)!.id).toBe('expand/violence/short');
    expect(failures[0]!.reason).toMatch(/^the call for 2 new violence concepts failed: .*timed out/);

    const queue = useQueueFixture();
    await queue.startWorkers({ concurrency: 2 });
    const outputDir = await temp.make();
    await queue.run({ loaded, outputDir });
    expect(await datasetFiles(join(outputDir, loaded.config.name))).toEqual(expected);
  });
});
