import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { useQueueFixture } from '../queue/support.ts';
import { readFolder } from '../support/read-dataset-files.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const CONFIG = { name: 'interrupted', seeds: { paths: [join(PROJECT_ROOT, 'seeds')], categories: ['deception', 'harassment', 'privacy', 'violence'], limit: 2 }, simulator: { latencyMs: 150 } };

/** Starts `scarecrow ARGS` and presses Ctrl-C once stderr shows `when`. */
function interruptedCli(args: string[], options: { when: string; env?: NodeJS.ProcessEnv }): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/scarecrow.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let stderr = '';
  return new Promise((resolve) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (stderr.includes(options.when) && !child.killed) child.kill('SIGINT');
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** The manifest without what may differ between an uninterrupted and a resumed run: times and resume counts. */
function comparable(manifest: string): Record<string, unknown> {
  const { created_at: _created, timings_ms: _timings, extra, ...rest } = JSON.parse(manifest);
  const { resumed_results: _results, resumed_usage: _usage, lost_usage: _lost, ...kept } = extra;
  return { ...rest, extra: kept };
}

describe('Ctrl-C during a run', () => {
  it('stops with exit 130, says how many results it kept, and a rerun resumes to the same dataset and the same usage as an uninterrupted run', async () => {
    const dir = await temp.make({ 'config.json': JSON.stringify(CONFIG) });
    // The journal is what is tested: with the response cache, the calls lost to the stop would be answered from it, not paid again.
    const args = ['run', '--no-cache', '--config', join(dir, 'config.json'), '--output', join(dir, 'out')];
    const stopped = await interruptedCli(args, { when: 'judge:' });
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).not.toContain('nothing was written');
    // Only the hidden journal of what was already paid for; no dataset, not even a partial one, and no lock left.
    expect(await readdir(join(dir, 'out'))).toEqual(['.interrupted.journal.jsonl']);
    const journal = (await readFile(join(dir, 'out', '.interrupted.journal.jsonl'), 'utf8')).split('\n').filter((line) => line.startsWith('{"id"'));
    expect(stopped.stderr).toContain(`stopped; ${journal.length} results kept, run the same command to resume`);
    expect(journal.length).toBeGreaterThan(0);

    // Resuming and the uninterrupted run need no signal: in-process.
    const resumed = await runCliInProcess(args);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/resuming: \d+ results/);
    expect(await readdir(join(dir, 'out'))).toEqual(['interrupted']);

    const fresh = await runCliInProcess(['run', '--no-cache', '--config', join(dir, 'config.json'), '--output', join(dir, 'fresh')]);
    expect(fresh.code).toBe(0);
    const a = await readFolder(join(dir, 'out', 'interrupted'));
    const b = await readFolder(join(dir, 'fresh', 'interrupted'));
    for (const name of ['data/all.jsonl', 'data/hard.jsonl', 'data/toxic.jsonl', 'duplicates.jsonl', 'failures.jsonl', 'prompts.md']) expect(a[name], name).toBe(b[name]);
    expect(a['README.md']!.replace(/Generated \S+/, '')).toBe(b['README.md']!.replace(/Generated \S+/, ''));
    // Every call behind the dataset is counted, those paid for before the stop included.
    expect(comparable(a['manifest.json']!)).toEqual(comparable(b['manifest.json']!));
    const resumedManifest = JSON.parse(a['manifest.json']!);
    const freshManifest = JSON.parse(b['manifest.json']!);
    expect(resumedManifest.usage['generator:sim-generator'].calls).toBe(resumedManifest.counts.seeds);
    expect(resumedManifest.extra.resumed_results).toBeGreaterThan(0);
    // Stopped during judging: every generator call was made before the stop and reused.
    expect(resumedManifest.extra.resumed_usage['generator:sim-generator'].calls).toBe(resumedManifest.counts.seeds);
    expect(freshManifest.extra).toMatchObject({ resumed_results: 0, resumed_usage: {}, lost_usage: {} });
  }, 180_000);

  it('in queue mode, stopping the follower says the run goes on, and nothing that contradicts it', async () => {
    const { env } = useQueueFixture();
    const dir = await temp.make({ 'config.json': JSON.stringify({ ...CONFIG, name: 'followed' }) });
    // No worker runs: the follower waits on the first stage until it is stopped.
    const stopped = await interruptedCli(['run', '--queue', '--config', join(dir, 'config.json'), '--output', join(dir, 'out')], { when: 'generate:', env });
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain('stopped following; the run goes on in the workers');
    expect(stopped.stderr).not.toContain('nothing was written');
  }, 60_000);
});
