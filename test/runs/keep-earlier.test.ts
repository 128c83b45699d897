import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEPT_DATASETS } from '../../pipeline/dataset/keep-earlier.ts';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import { exportDataset } from '../../pipeline/dataset/export-stage.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const CONFIG = { name: 'again', seeds: { paths: [join(PROJECT_ROOT, 'seeds')], categories: ['privacy'], limit: 2 } };

describe('a rerun under the same name', () => {
  it('keeps the earlier dataset, with its evaluation, report and exports, and says where', async () => {
    const dir = await temp.make({ 'config.json': JSON.stringify(CONFIG) });
    const out = join(dir, 'out');
    const args = ['run', '--config', join(dir, 'config.json'), '--output', out];
    // In-process: what is tested is what the reruns keep and say, not the binary.
    const first = await runCliInProcess(args);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).not.toContain('earlier dataset');
    const dataset = join(out, 'again');
    const firstManifest = await readFile(join(dataset, 'manifest.json'), 'utf8');
    // What `eval`, `report` and `export` add to a dataset: paid work a rerun must not delete.
    await writeFile(join(dataset, 'eval.json'), '{"models":["paid-for"]}\n');
    await writeFile(join(dataset, 'eval-checkpoint.jsonl'), '{"done":1}\n');
    await writeFile(join(dataset, 'report.html'), '<html></html>');
    await mkdir(join(dataset, 'exports'));
    await writeFile(join(dataset, 'exports/inspect.jsonl'), '{}\n');
    await writeFile(join(dataset, 'README.md'), (await readFile(join(dataset, 'README.md'), 'utf8')) + '\n## Evaluation\n\nresults\n');

    const second = await runCliInProcess(args);
    expect(second.code, second.stderr).toBe(0);
    const keptName = (await readdir(join(out, 'again.previous')))[0]!;
    expect(keptName).toMatch(/^\d{8}T\d{6}Z$/);
    const kept = join(out, 'again.previous', keptName);
    expect(second.stdout).toContain(`earlier dataset kept in ${kept}\n`);
    expect(await readFile(join(kept, 'manifest.json'), 'utf8')).toBe(firstManifest);
    expect(await readFile(join(kept, 'eval.json'), 'utf8')).toBe('{"models":["paid-for"]}\n');
    expect(await readFile(join(kept, 'eval-checkpoint.jsonl'), 'utf8')).toBe('{"done":1}\n');
    expect(await readFile(join(kept, 'report.html'), 'utf8')).toBe('<html></html>');
    expect(await readdir(join(kept, 'exports'))).toEqual(['inspect.jsonl']);
    expect(await readFile(join(kept, 'README.md'), 'utf8')).toContain('## Evaluation');
    // The new dataset is what `run` writes, and nothing else.
    expect((await readdir(dataset)).sort()).toEqual(['README.md', 'data', 'duplicates.jsonl', 'failures.jsonl', 'manifest.json', 'prompts.md', 'seeds.jsonl']);
    expect((await readdir(out)).filter((name) => name !== '.scarecrow-cache').sort()).toEqual(['again', 'again.previous']);
  }, 120_000);

  it(`keeps the ${KEPT_DATASETS} newest earlier datasets and names each one it removes`, async () => {
    const out = await temp.make();
    const config = Config.parse({ name: 'many' });
    const outcome = { seeds: [], generated: 0, records: [], duplicates: [], failures: [] };
    const removed: string[] = [];
    const kept: string[] = [];
    for (let run = 0; run < KEPT_DATASETS + 3; run += 1) {
      const exported = await exportDataset({ outcome, usage: {}, timingsMs: {}, simulated: true }, { config, outputDir: out });
      kept.push(...exported.earlier.kept);
      removed.push(...exported.earlier.removed);
    }
    expect(kept).toHaveLength(KEPT_DATASETS + 2);
    // Several runs in one second: each kept dataset gets its own name.
    expect(new Set(kept).size).toBe(kept.length);
    expect(removed).toEqual(kept.slice(0, 2));
    expect(await readdir(join(out, 'many.previous'))).toHaveLength(KEPT_DATASETS);
  });
});
