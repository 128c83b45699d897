import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thisHost } from '../../pipeline/dataset/process-identity.ts';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { acquireDatasetLock } from '../../pipeline/runs/dataset-lock.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const CONFIG = { name: 'locked', seeds: { paths: [join(PROJECT_ROOT, 'seeds')], limit: 2 }, simulator: { latencyMs: 50 } };

/** The pid of a process that has exited, so nothing runs under it. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

describe('one run per dataset at a time', () => {
  it('a second run of the same dataset exits 2 naming the holder and the lock file; the first finishes untouched', async () => {
    const dir = await temp.make({ 'config.json': JSON.stringify(CONFIG) });
    const out = join(dir, 'out');
    const args = [join(PROJECT_ROOT, 'bin/scarecrow.js'), 'run', '--config', join(dir, 'config.json'), '--output', out];
    const first = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let firstErr = '';
    // The second run is this process: the holder named must be the first's pid, not ours.
    let second: ReturnType<typeof runCliInProcess> | null = null;
    const firstDone = new Promise<number | null>((resolve) => {
      first.stderr.on('data', (chunk) => {
        firstErr += chunk;
        // Start the second once the first is paying for calls.
        if (!second && firstErr.includes('generate:')) second = runCliInProcess(args.slice(1));
      });
      first.on('close', resolve);
    });
    const code = await firstDone;
    expect(code, firstErr).toBe(0);
    expect(second).not.toBeNull();
    const refused = await second!;
    expect(refused.code, refused.stderr).toBe(2);
    const lockFile = join(out, '.locked.lock');
    expect(refused.stderr).toContain(`${lockFile}: dataset locked is being made by another run (pid ${first.pid} on host ${thisHost()} (this machine)`);
    expect(refused.stderr).not.toContain('    at ');
    // The first run's dataset is whole, its journal was not cut short under it, and the lock is gone.
    expect((await readdir(out)).filter((name) => name !== '.scarecrow-cache')).toEqual(['locked']);
    expect(JSON.parse(await readFile(join(out, 'locked/manifest.json'), 'utf8')).extra.resumed_results).toBe(0);
  }, 120_000);

  it('takes over a lock left by a process that is no longer running, and says so', async () => {
    const dir = await temp.make({ 'config.json': JSON.stringify({ ...CONFIG, seeds: { ...CONFIG.seeds, limit: 1, categories: ['privacy'] }, simulator: {} }) });
    const pid = deadPid();
    await mkdir(join(dir, 'out'));
    await writeFile(join(dir, 'out/.locked.lock'), JSON.stringify({ pid, host: thisHost(), started_at: '2026-01-01T00:00:00.000Z' }) + '\n');
    const result = await runCliInProcess(['run', '--config', join(dir, 'config.json'), '--output', join(dir, 'out')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`${join(dir, 'out/.locked.lock')}: taken over from pid ${pid}, which is no longer running`);
    expect((await readdir(join(dir, 'out'))).filter((name) => name !== '.scarecrow-cache')).toEqual(['locked']);
  }, 120_000);

  it('respects a fresh lock of another machine, and takes over one silent for more than ten minutes', async () => {
    const dir = await temp.make();
    const file = join(dir, '.shared.lock');
    await writeFile(file, JSON.stringify({ pid: 4242, host: 'other-box', started_at: '2026-01-01T00:00:00.000Z' }) + '\n');
    await expect(acquireDatasetLock({ outputDir: dir, name: 'shared' })).rejects.toThrow(/pid 4242 on host other-box, since 2026-01-01T00:00:00\.000Z\)\. Wait for it to finish or stop it; if that run is gone, delete .*\.shared\.lock/);
    const old = new Date(Date.now() - 11 * 60_000);
    await utimes(file, old, old);
    const notices: string[] = [];
    const lock = await acquireDatasetLock({ outputDir: dir, name: 'shared', onNotice: (message) => notices.push(message) });
    expect(notices).toEqual([`${file}: taken over from pid 4242 on other-box, silent for 11 min`]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ pid: process.pid, host: thisHost() });
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('in one process too: a second acquire is refused until the first is released', async () => {
    const dir = await temp.make();
    const lock = await acquireDatasetLock({ outputDir: dir, name: 'x' });
    await expect(acquireDatasetLock({ outputDir: dir, name: 'x' })).rejects.toMatchObject({ name: 'UserError' });
    await lock.release();
    const again = await acquireDatasetLock({ outputDir: dir, name: 'x' });
    await again.release();
  });
});
