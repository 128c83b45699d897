import { describe, expect, it, onTestFinished } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { loadConfig } from '../../pipeline/input/load-config.ts';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import { runInProcess } from '../../in-process/run-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { connectFollower } from '../../workers/follower-connection.ts';
import { followRun } from '../../workers/run-on-queue.ts';
import { readRunProgress } from '../../workers/run-progress.ts';
import { prepareRunSpec } from '../../workers/submit-run.ts';
import { CLI } from './spawn-worker.ts';
import { datasetFiles, manifestCounts, startRedisServer, useQueueFixture } from './support.ts';

const temp = useTempDir();

describe('crash safety', () => {
  it('completes with an identical dataset when Redis, with AOF on, is killed mid-run and restarted on its files, and the follower rides it out', async () => {
    const config = {
      name: 'queue-test',
      seeds: { paths: [join(PROJECT_ROOT, 'seeds')], categories: ['privacy', 'violence'], limit: 3 },
      generate: { rewritesPerSeed: 3 },
      targets: [{ model: 'sim-target' }],
      simulator: { seed: 9, latencyMs: 200 },
    };
    const configFile = join(await temp.make({ 'config.json': JSON.stringify(config) }), 'config.json');
    const loaded = await loadConfig(configFile);
    // Latency changes when answers come, not what they are: the reference needs none.
    const reference = await runInProcess({ loaded: { ...loaded, config: { ...loaded.config, simulator: { ...loaded.config.simulator, latencyMs: 0 } } }, outputDir: await temp.make() });

    // As docker-compose.yml runs it. Redis appends each write to the file before it answers, so a
    // killed process loses nothing it acknowledged; everysec only bounds what a machine crash can lose.
    const redisArgs = ['--appendonly', 'yes', '--appendfsync', 'everysec', '--dir', await temp.make()];
    // The fixture for its prefix and clean-ups; this test's Redis is its own.
    const queue = useQueueFixture();
    const { prefix } = queue;
    let server = await startRedisServer(redisArgs);
    queue.onCleanup(() => server.stop('SIGKILL'));
    // Workers in this process (their reconnecting is the same in or out of one); the follower is the user's own process.
    for (let index = 0; index < 2; index += 1) await queue.startWorkers({ concurrency: 3, redisUrl: server.url });
    const outputDir = await temp.make();
    const { runId } = await prepareRunSpec({ loaded, outputDir });

    // The user's own `run --queue`, following the run in the foreground.
    const follower = spawn(process.execPath, [...CLI, 'run', '--queue', '--config', configFile, '--output', outputDir], {
      cwd: PROJECT_ROOT, env: { ...process.env, REDIS_URL: server.url, SCARECROW_QUEUE_PREFIX: prefix }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    follower.stdout.on('data', (chunk) => (stdout += chunk));
    follower.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => follower.on('exit', (code) => resolve(code)));
    queue.onCleanup(() => void follower.kill('SIGKILL'));

    // Kill Redis once judging is under way (no snapshot: SIGKILL), then start it again on the same files.
    const watcher = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    let state = 'unknown';
    while (state !== 'judge' && state !== 'probe' && state !== 'done') {
      await sleep(50);
      state = (await readRunProgress({ redis: watcher, prefix, runId })).state;
    }
    watcher.disconnect();
    expect(state).not.toBe('done');
    await server.stop('SIGKILL');
    await sleep(1_500);
    server = await startRedisServer(redisArgs, { port: server.port });

    const code = await Promise.race([exited, sleep(45_000).then(() => 'still running')]);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/lost Redis at redis:\/\/127\.0\.0\.1:\d+ .*the run goes on in the workers/);
    expect(stderr).toMatch(/is back after \d+ s; following run/);
    const dir = join(outputDir, loaded.config.name);
    expect(stdout).toContain(`dataset written to ${dir}`);
    expect(await datasetFiles(dir)).toEqual(await datasetFiles(reference.exported.dir));
    expect(await manifestCounts(dir)).toEqual(await manifestCounts(reference.exported.dir));
  }, 90_000);

  it('gives up following after the stated time without Redis, saying the run goes on', async () => {
    const server = await startRedisServer();
    const redis = await connectFollower(server.url);
    onTestFinished(() => redis.disconnect());
    await redis.hset('p:run:rgone', 'state', 'running', 'seeds', '1');
    await server.stop('SIGKILL');
    const warnings: string[] = [];
    const started = Date.now();
    const following = followRun({ redis, prefix: 'p', runId: 'rgone', pollMs: 50, redisUrl: server.url, outageMs: 1_000, warn: (message) => warnings.push(message) });
    await expect(following).rejects.toThrow(/has not answered for 1 s: stopped following run rgone\. The run goes on in the workers once Redis is back; see it with: scarecrow status rgone/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(warnings[0]).toMatch(/^lost Redis at redis:\/\/127\.0\.0\.1:\d+ \(.*\); the run goes on in the workers/);
  }, 20_000);
});
