import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/loading/project-root.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();

describe('Ctrl-C during a run', () => {
  it('stops with exit 130 and leaves no dataset, not even a partial one', async () => {
    const config = { name: 'interrupted', seeds: { paths: [join(PROJECT_ROOT, 'seeds')], limit: 2 }, simulator: { latencyMs: 200 } };
    const dir = await temp.make({ 'config.json': JSON.stringify(config) });
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin/scarecrow.js'), 'run', '--config', join(dir, 'config.json'), '--output', join(dir, 'out')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
        if (stderr.includes('judge:') && !child.killed) child.kill('SIGINT');
      });
      child.on('close', resolve);
    });
    expect(code, stderr).toBe(130);
    expect(stderr).toContain('nothing was written');
    expect(await readdir(dir)).toEqual(['config.json']);
  });
});
