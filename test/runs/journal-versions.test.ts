import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { simulatorVersion } from '../../simulator/simulator-version.ts';
import { answerVersions, type AnswerVersions } from '../../pipeline/runs/answer-versions.ts';
import { runFingerprint } from '../../pipeline/runs/run-fingerprint.ts';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { selectSeeds } from '../../pipeline/runs/select-seeds.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import type { LoadedConfig } from '../../pipeline/input/load-config.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();

function smallRun(): LoadedConfig {
  const config = Config.parse({ name: 'upgrade', seeds: { paths: ['seeds'], categories: ['violence', 'privacy'], limit: 2 }, generate: { rewritesPerSeed: 3 } });
  return { config, file: null, baseDir: PROJECT_ROOT };
}

/** Runs until the first judge result exists, then stops it as Ctrl-C would: the journal holds the generator's results and some judges'. */
async function stoppedRun(loaded: LoadedConfig, outputDir: string): Promise<string> {
  const controller = new AbortController();
  const run = runInProcess({
    loaded,
    outputDir,
    signal: controller.signal,
    onEvent: (event) => {
      if (event.type === 'progress' && event.stage === 'judge') controller.abort(new DOMException('interrupted', 'AbortError'));
    },
  });
  await expect(run).rejects.toThrow();
  return join(outputDir, `.${loaded.config.name}.journal.jsonl`);
}

/** Rewrites the journal's header as a build with `versions` would have written it. */
async function madeUnder(journal: string, loaded: LoadedConfig, versions: AnswerVersions): Promise<void> {
  const seeds = await selectSeeds(loaded);
  const [, ...lines] = (await readFile(journal, 'utf8')).split('\n');
  const header = { journal: 'scarecrow-run', fingerprint: runFingerprint({ config: loaded.config, seeds, versions }), versions };
  await writeFile(journal, [JSON.stringify(header), ...lines].join('\n'));
}

async function resume(loaded: LoadedConfig, outputDir: string): Promise<{ reused: unknown; notices: string[] }> {
  const notices: string[] = [];
  const result = await runInProcess({ loaded, outputDir, onEvent: (event) => event.type === 'notice' && notices.push(event.message) });
  return { reused: result.exported.manifest.extra.resumed_results, notices };
}

describe('a journal made by another version of scarecrow', () => {
  it('is reused when it was made by this version', async () => {
    const loaded = smallRun();
    const outputDir = await temp.make();
    await stoppedRun(loaded, outputDir);
    const { reused, notices } = await resume(loaded, outputDir);
    expect(reused).toBeGreaterThan(0);
    expect(notices.join('\n')).toMatch(/resuming: \d+ results/);
  }, 60_000);

  it('is not reused after a prompt template changed, and the run says why', async () => {
    const loaded = smallRun();
    const outputDir = await temp.make();
    const journal = await stoppedRun(loaded, outputDir);
    const current = answerVersions(loaded.config, simulatorVersion);
    await madeUnder(journal, loaded, { ...current, templates: { ...current.templates, judge: 'judge-v0' } });
    const { reused, notices } = await resume(loaded, outputDir);
    expect(reused).toBe(0);
    expect(notices.join('\n')).toContain(`was made by another version (judge template judge-v0 -> ${current.templates.judge})`);
    expect(notices.join('\n')).not.toMatch(/^resuming/m);
  }, 60_000);

  it('is not reused after an upgrade of the package, nor one of the simulator', async () => {
    const loaded = smallRun();
    const current = answerVersions(loaded.config, simulatorVersion);
    expect(current.simulator).toMatch(/^sim-[0-9a-f]{12}$/);
    for (const versions of [{ ...current, scarecrow: '0.0.9' }, { ...current, simulator: 'sim-000000000000' }]) {
      const outputDir = await temp.make();
      const journal = await stoppedRun(loaded, outputDir);
      await madeUnder(journal, loaded, versions);
      const { reused, notices } = await resume(loaded, outputDir);
      expect(reused).toBe(0);
      expect(notices.join('\n')).toMatch(/not resuming: the unfinished run's journal \(\d+ results\) was made by another version \((scarecrow 0\.0\.9|simulator sim-0+) -> /);
    }
  }, 90_000);

  it('an old journal whose header records no versions is not reused either', async () => {
    const loaded = smallRun();
    const outputDir = await temp.make();
    const journal = await stoppedRun(loaded, outputDir);
    const seeds = await selectSeeds(loaded);
    // The header an earlier scarecrow wrote: a fingerprint of the config and seeds alone.
    const { createHash } = await import('node:crypto');
    const { redactConfig } = await import('../../pipeline/dataset/manifest.ts');
    const oldFingerprint = createHash('sha256').update(JSON.stringify({ config: redactConfig(loaded.config), seeds })).digest('hex').slice(0, 32);
    const [, ...lines] = (await readFile(journal, 'utf8')).split('\n');
    await writeFile(journal, [JSON.stringify({ journal: 'scarecrow-run', fingerprint: oldFingerprint }), ...lines].join('\n'));
    const { reused, notices } = await resume(loaded, outputDir);
    expect(reused).toBe(0);
    expect(notices.join('\n')).toMatch(/not resuming: the unfinished run's journal \(\d+ results\) is of another config, seeds or scarecrow version/);
  }, 60_000);
});
