import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { Failure } from '../../pipeline/schemas/candidate.ts';
import { followRun, runOnQueue } from '../../workers/run-on-queue.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { useWorkerProcesses } from './spawn-worker.ts';
import { deletePrefix, REDIS_URL, smallConfig, testPrefix } from './support.ts';

const temp = useTempDir();
const workers = useWorkerProcesses();

describe('a job whose workers keep dying on it', () => {
  it('is recorded as a failure with its reason, and the run still finishes', async () => {
    const prefix = testPrefix();
    workers.onCleanup(() => deletePrefix(prefix));
    const start = (args: string[]) => workers.start({ prefix, args: ['--max-stalled', '0', '--lock-duration', '1000', ...args] });
    // Calls slow enough that the first worker is surely mid-job when it is killed.
    const loaded = smallConfig({ simulator: { seed: 5, latencyMs: 1200 } });
    const first = start(['--stages', 'generate', '--concurrency', '1']);
    while (!first.output().includes('serving')) await sleep(50);
    const outputDir = await temp.make();
    const { runId } = await runOnQueue({ loaded, redisUrl: REDIS_URL, prefix, outputDir, detach: true });
    await sleep(600);
    first.child.kill('SIGKILL');
    await first.exited;

    // With --max-stalled 0 the next worker gives up on the dead worker's job at once.
    start(['--concurrency', '16']);
    const redis = new Redis(REDIS_URL);
    workers.onCleanup(async () => redis.disconnect());
    const summary = await followRun({ redis, prefix, runId, pollMs: 100, signal: AbortSignal.timeout(60_000) });
    const failures = (await readFile(join(summary.dir, 'failures.jsonl'), 'utf8')).trim().split('\n').map((line) => Failure.parse(JSON.parse(line)));
    const given = failures.filter((failure) => failure.reason.includes('StalledJobError'));
    expect(given).toHaveLength(1);
    expect(given[0]).toMatchObject({ stage: 'generate', kind: 'seed' });
    expect(given[0].reason).toMatch(/stalled more than 0 times/);
  }, 90_000);
});
