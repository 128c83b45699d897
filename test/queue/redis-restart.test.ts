import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { runInProcess } from '../../pipeline/run/run-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { followRun, runOnQueue } from '../../workers/run-on-queue.ts';
import { readRunProgress } from '../../workers/run-progress.ts';
import { useWorkerProcesses } from './spawn-worker.ts';
import { datasetFiles, manifestCounts, smallConfig, startRedisServer, testPrefix } from './support.ts';

const temp = useTempDir();
const workers = useWorkerProcesses();

describe('crash safety', () => {
  it('completes with an identical dataset when Redis, with AOF on, is killed mid-run and restarted on its files', async () => {
    const loaded = smallConfig({ simulator: { seed: 9, latencyMs: 200 } });
    const reference = await runInProcess({ loaded, outputDir: await temp.make() });

    // As docker-compose.yml runs it. Redis appends each write to the file before it answers, so a
    // killed process loses nothing it acknowledged; everysec only bounds what a machine crash can lose.
    const redisArgs = ['--appendonly', 'yes', '--appendfsync', 'everysec', '--dir', await temp.make()];
    let server = await startRedisServer(redisArgs);
    workers.onCleanup(() => server.stop('SIGKILL'));
    const prefix = testPrefix();
    for (let index = 0; index < 2; index += 1) workers.start({ prefix, args: ['--concurrency', '3'], env: { REDIS_URL: server.url } });
    const outputDir = await temp.make();
    const { runId } = await runOnQueue({ loaded, redisUrl: server.url, prefix, outputDir, detach: true });

    // Kill Redis once judging is under way (no snapshot: SIGKILL), then start it again on the same files.
    const watcher = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    let state = 'generate';
    while (state !== 'judge' && state !== 'probe' && state !== 'done') {
      await sleep(50);
      state = (await readRunProgress({ redis: watcher, prefix, runId })).state;
    }
    watcher.disconnect();
    expect(state).not.toBe('done');
    await server.stop('SIGKILL');
    await sleep(500);
    server = await startRedisServer(redisArgs, { port: server.port });

    const redis = new Redis(server.url);
    workers.onCleanup(async () => redis.disconnect());
    const summary = await followRun({ redis, prefix, runId, pollMs: 100, signal: AbortSignal.timeout(45_000) });
    const dir = join(outputDir, loaded.config.name);
    expect(summary.dir).toBe(dir);
    expect(await datasetFiles(dir)).toEqual(await datasetFiles(reference.exported.dir));
    expect(await manifestCounts(dir)).toEqual(await manifestCounts(reference.exported.dir));
  }, 70_000);
});
