import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { Failure } from '../../pipeline/schemas/candidate.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { smallConfig, useQueueFixture, waitForOutput } from './support.ts';

const temp = useTempDir();

describe('a job whose workers keep dying on it', () => {
  it('is recorded as a failure with its reason, and the run still finishes', async () => {
    const queue = useQueueFixture();
    const start = (args: string[]) => queue.spawnWorker({ args: ['--max-stalled', '0', '--lock-duration', '1000', ...args] });
    // Calls slow enough that the first worker is surely mid-job when it is killed. One seed per
    // category: every call after the kill waits out the same latency, and one job is all it takes.
    const loaded = smallConfig({ seeds: { paths: ['seeds'], categories: ['privacy', 'violence'], limit: 1 }, simulator: { seed: 5, latencyMs: 1200 } });
    const first = start(['--stages', 'generate', '--concurrency', '1']);
    await waitForOutput(first, 'serving');
    const outputDir = await temp.make();
    const { runId } = await queue.run({ loaded, outputDir, detach: true });
    await sleep(600);
    first.child.kill('SIGKILL');
    await first.exited;

    // With --max-stalled 0 the next worker gives up on the dead worker's job at once.
    start(['--concurrency', '16']);
    const summary = await queue.follow(runId, { signal: AbortSignal.timeout(60_000) });
    const failures = (await readFile(join(summary.dir, 'failures.jsonl'), 'utf8')).trim().split('\n').map((line) => Failure.parse(JSON.parse(line)));
    const given = failures.filter((failure) => failure.reason.includes('StalledJobError'));
    expect(given).toHaveLength(1);
    expect(given[0]).toMatchObject({ stage: 'generate', kind: 'seed' });
    expect(given[0].reason).toMatch(/stalled more than 0 times/);
  }, 90_000);
});
