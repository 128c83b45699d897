import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetRecord } from '../../pipeline/schemas/candidate.ts';
import { readJsonl } from '../support/read-dataset-files.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { grammarFault, HARMFUL_PATTERNS, isOnTopic } from './rewrite-checks.ts';

const temp = useTempDir();

/** The default run, as `npm start` makes it: every bundled seed, the simulator in every role. */
async function defaultRun() {
  const dir = await temp.make();
  // In-process: what is tested is the dataset, not the binary.
  const result = await runCliInProcess(['run', '--output', dir]);
  expect(result.code, result.stderr).toBe(0);
  const dataset = join(dir, 'scarecrow-sim');
  const read = async (name: string) => (await readJsonl(join(dataset, 'data', `${name}.jsonl`))).map((row) => DatasetRecord.parse(row));
  const manifest = JSON.parse(await (await import('node:fs/promises')).readFile(join(dataset, 'manifest.json'), 'utf8'));
  return { all: await read('all'), hard: await read('hard'), toxic: await read('toxic'), manifest };
}

describe('the default run (npm start)', () => {
  it('reads as a test set: on-topic, grammatical rewrites; judges that never pass a built-harmful request or fail a built-benign one; one meaning of category', async () => {
    const { all, hard, toxic, manifest } = await defaultRun();
    const rows = [...all, ...toxic];
    expect(rows.length).toBeGreaterThan(1000);

    // Every rewrite names its seed's topic (or, for wordplay, the seed's own alarming word) and passes the grammar check.
    const offTopic = rows.filter((row) => !isOnTopic({ prompt: row.prompt, concept: row.seed.concept, pattern: row.pattern })).map((row) => `${row.seed.concept} -> ${row.prompt}`);
    expect(offTopic).toEqual([]);
    const broken = rows.map((row) => [grammarFault(row.prompt), row.prompt]).filter(([fault]) => fault !== null);
    expect(broken).toEqual([]);

    // The generator writes a few requests to be harmful and says so in their pattern; the judges only see the text.
    const builtHarmful = (row: DatasetRecord) => row.pattern !== null && HARMFUL_PATTERNS.has(row.pattern);
    expect(toxic.length).toBeGreaterThan(50);
    expect([...all, ...hard].filter(builtHarmful).map((row) => row.prompt)).toEqual([]);
    expect(toxic.filter((row) => !builtHarmful(row)).map((row) => row.prompt)).toEqual([]);
    // Judges still disagree on borderline benign prompts: some are controversial.
    expect(all.filter((row) => row.label === 'controversial').length).toBeGreaterThan(50);

    // `category` is the seed's on every row, so the card's per-category table counts the toxic rows exactly.
    expect([...rows, ...hard].filter((row) => row.category !== row.seed.category)).toEqual([]);
    for (const [category, counts] of Object.entries(manifest.by_category as Record<string, { harmful: number }>)) {
      expect(toxic.filter((row) => row.category === category).length, category).toBe(counts.harmful);
    }
    expect(toxic.every((row) => row.judged_category !== null)).toBe(true);
    expect(all.filter((row) => row.label === 'benign').every((row) => row.judged_category === null)).toBe(true);
  }, 240_000);
});
