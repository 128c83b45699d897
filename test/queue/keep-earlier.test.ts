import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { QUEUE_STAGES } from '../../workers/queue-names.ts';
import { startWorkers } from '../../workers/start-workers.ts';
import { runCli } from '../support/run-cli.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { deletePrefix, REDIS_URL, testPrefix } from './support.ts';

const temp = useTempDir();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('run --queue over an earlier dataset of the same name', () => {
  it('says where the earlier dataset was kept, as an in-process run does', async () => {
    const prefix = testPrefix();
    cleanups.push(() => deletePrefix(prefix));
    const workers = await startWorkers({ redisUrl: REDIS_URL, prefix, stages: QUEUE_STAGES, concurrency: 4, log: () => {} });
    cleanups.push(() => workers.close({ graceMs: 1000 }));
    const seeds = { paths: [join(PROJECT_ROOT, 'seeds')], categories: ['privacy'], limit: 2 };
    const dir = await temp.make({
      'first.json': JSON.stringify({ name: 'again', seeds, simulator: { seed: 1 } }),
      // Another seed makes another run, so the second submission is not answered from the first one's summary.
      'second.json': JSON.stringify({ name: 'again', seeds, simulator: { seed: 2 } }),
    });
    const out = join(dir, 'out');
    const env = { REDIS_URL, SCARECROW_QUEUE_PREFIX: prefix };
    const run = (config: string) => runCli(['run', '--queue', '--quiet', '--config', join(dir, config), '--output', out], { env, timeoutMs: 60_000 });

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
