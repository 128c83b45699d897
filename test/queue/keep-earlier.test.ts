import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { useQueueFixture } from './support.ts';

const temp = useTempDir();

describe('run --queue over an earlier dataset of the same name', () => {
  it('says where the earlier dataset was kept, as an in-process run does', async () => {
    const { env, startWorkers } = useQueueFixture();
    await startWorkers();
    const seeds = { paths: [join(PROJECT_ROOT, 'seeds')], categories: ['privacy'], limit: 2 };
    const dir = await temp.make({
      'first.json': JSON.stringify({ name: 'again', seeds, simulator: { seed: 1 } }),
      // Another seed makes another run, so the second submission is not answered from the first one's summary.
      'second.json': JSON.stringify({ name: 'again', seeds, simulator: { seed: 2 } }),
    });
    const out = join(dir, 'out');
    // In-process: what is tested is what the command says and moves, not the binary.
    const run = (config: string) => runCliInProcess(['run', '--queue', '--quiet', '--config', join(dir, config), '--output', out], { env });

    const first = await run('first.json');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).not.toContain('earlier dataset');
    const firstManifest = await readFile(join(out, 'again', 'manifest.json'), 'utf8');

    const second = await run('second.json');
    expect(second.code, second.stderr).toBe(0);
    const names = await readdir(join(out, 'again.previous'));
    expect(names).toHaveLength(1);
    const kept = join(out, 'again.previous', names[0]!);
    expect(second.stdout).toContain(`earlier dataset kept in ${kept}\n`);
    expect(await readFile(join(kept, 'manifest.json'), 'utf8')).toBe(firstManifest);

    // The same run submitted again is answered from its summary: nothing moved this time, so nothing is said.
    const third = await run('second.json');
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toContain('finished before');
    expect(third.stdout).not.toContain('earlier dataset');
  }, 120_000);
});
