import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/loading/project-root.ts';
import { readFolder } from '../support/read-dataset-files.ts';
import { runCli } from '../support/run-cli.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const CONFIG = { name: 'interrupted', seeds: { paths: [join(PROJECT_ROOT, 'seeds')], limit: 2 }, simulator: { latencyMs: 150 } };

/** Starts a run and presses Ctrl-C once it is judging. */
function interruptedRun(configFile: string, outputDir: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/scarecrow.js'), 'run', '--config', configFile, '--output', outputDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  return new Promise((resolve) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (stderr.includes('judge:') && !child.killed) child.kill('SIGINT');
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('Ctrl-C during a run', () => {
  it('stops with exit 130, writes no dataset, and a rerun resumes to the same dataset as an uninterrupted run', async () => {
    const dir = await temp.make({ 'config.json': JSON.stringify(CONFIG) });
    const stopped = await interruptedRun(join(dir, 'config.json'), join(dir, 'out'));
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain('nothing was written');
    // Only the hidden journal of what was already paid for; no dataset, not even a partial one.
    expect(await readdir(join(dir, 'out'))).toEqual(['.interrupted.journal.jsonl']);

    const resumed = await runCli(['run', '--config', join(dir, 'config.json'), '--output', join(dir, 'out')]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/resuming: \d+ results/);
    expect(await readdir(join(dir, 'out'))).toEqual(['interrupted']);

    const fresh = await runCli(['run', '--config', join(dir, 'config.json'), '--output', join(dir, 'fresh')]);
    expect(fresh.code).toBe(0);
    const a = await readFolder(join(dir, 'out', 'interrupted'));
    const b = await readFolder(join(dir, 'fresh', 'interrupted'));
    for (const name of ['data/all.jsonl', 'data/hard.jsonl', 'data/toxic.jsonl', 'duplicates.jsonl', 'failures.jsonl']) expect(a[name], name).toBe(b[name]);
    const reused = JSON.parse(a['manifest.json']).extra.resumed_results;
    expect(reused).toBeGreaterThan(0);
    expect(JSON.parse(b['manifest.json']).extra.resumed_results).toBe(0);
  });
});
