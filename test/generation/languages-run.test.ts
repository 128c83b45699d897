import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { readDataset } from '../../pipeline/dataset/read-dataset.ts';
import { buildReport } from '../../pipeline/report/build-report.ts';

const temp = useTempDir();
const LANGUAGES = ['en', 'de', 'fr', 'es', 'zh'];

describe('a simulated run in five languages', () => {
  it('writes rows in every language, lists them in the card, and lets the refusal judge decide what the classifier cannot read', async () => {
    const config = Config.parse({
      name: 'languages',
      seeds: { categories: ['privacy', 'violence'], limit: 3 },
      generate: { rewritesPerSeed: 4, languages: LANGUAGES },
      refusalJudge: { model: 'sim-refusal-judge' },
      simulator: { seed: 3 },
    });
    const { exported } = await runInProcess({ loaded: { config, file: null, baseDir: PROJECT_ROOT }, outputDir: await temp.make() });
    const rows = (await readFile(join(exported.dir, 'data', 'all.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    for (const language of LANGUAGES) expect(rows.filter((row) => row.language === language).length, language).toBeGreaterThan(0);
    expect(rows.find((row) => row.language === 'zh').prompt).toMatch(/\p{Script=Han}/u);

    const card = await readFile(join(exported.dir, 'README.md'), 'utf8');
    expect(parse(card.split('---')[1]!).language).toEqual(LANGUAGES);
    expect(card).toContain('## Per language');
    const manifest = JSON.parse(await readFile(join(exported.dir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.extra.languages)).toEqual(LANGUAGES);
    expect(manifest.extra.languages.de.all).toBe(rows.filter((row) => row.language === 'de').length);

    // prompts.md says what the generation request adds for the other languages.
    expect(await readFile(join(exported.dir, 'prompts.md'), 'utf8')).toContain('For `de`, `fr`, `es`, `zh`, the user message ends with "Write every prompt in <language name>, as a native speaker would type it');

    // The report's per-language table gives each language's hard rate.
    const report = buildReport({ dataset: await readDataset(exported.dir), evaluation: null });
    expect(report).toContain('<section id="languages">');
    for (const language of LANGUAGES) {
      const { all, hard } = manifest.extra.languages[language];
      expect(report).toContain(`(${language})</td><td class="num">${all}</td><td class="num">${hard}</td>`);
    }

    // The English-only classifier defers on responses in other languages: the refusal judge decides most of those samples, few English ones.
    const judgedShare = (language: string) => {
      const probes = rows.filter((row) => row.language === language).flatMap((row) => row.probes);
      const judged = probes.reduce((sum, probe) => sum + probe.decided_by.judge, 0);
      return judged / probes.reduce((sum, probe) => sum + probe.samples, 0);
    };
    for (const language of ['de', 'fr', 'es', 'zh']) expect(judgedShare(language), language).toBeGreaterThan(judgedShare('en'));
    // The simulated targets answer in the prompt's language, short answers included, and the language check reads every one of them as not English.
    for (const language of ['de', 'fr', 'es', 'zh']) expect(judgedShare(language), language).toBe(1);
    // Refusals in another language are still found: the simulated targets refuse some of them.
    expect(rows.filter((row) => row.language !== 'en').some((row) => row.probes[0].refusals > 0)).toBe(true);
  });
});
