import { describe, expect, it, onTestFinished } from 'vitest';
import { checkEvictionPolicy, connectProducer } from '../../workers/redis-connection.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { startRedisServer, useQueueFixture } from './support.ts';

/** The commands in this process: the exit code is runProgram's, as the binary's is (test/cli/run.test.ts checks the binary's own). */
const inProcess = (options: { args: string[]; env: NodeJS.ProcessEnv }) => runCliInProcess(options.args, { env: options.env });

describe('bad Redis settings', () => {
  it('names an unreachable Redis and exits 2', async () => {
    const { code, stderr } = await inProcess({ args: ['status'], env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
  });

  it('rejects a REDIS_URL that is not a redis URL, without its password', async () => {
    const { code, stderr } = await inProcess({ args: ['worker'], env: { REDIS_URL: 'http://user:secret@example.com' } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/REDIS_URL: .* is not a redis:\/\/ or rediss:\/\/ URL/);
    expect(stderr).not.toContain('secret');
  });

  it('refuses a Redis that may evict keys', async () => {
    const server = await startRedisServer(['--maxmemory-policy', 'allkeys-lru']);
    onTestFinished(() => server.stop());
    const { code, stderr } = await inProcess({ args: ['worker'], env: { REDIS_URL: server.url } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/maxmemory-policy allkeys-lru; queues need noeviction/);
  });

  it('only warns when the server disables CONFIG', async () => {
    const server = await startRedisServer(['--rename-command', 'CONFIG', '""']);
    onTestFinished(() => server.stop());
    const connection = await connectProducer(server.url);
    const warnings: string[] = [];
    await checkEvictionPolicy({ connection, url: server.url, warn: (message) => warnings.push(message) });
    connection.disconnect();
    expect(warnings.join('\n')).toMatch(/cannot read maxmemory-policy .*CONFIG is disabled/);
  });
});

describe('bad schedules', () => {
  it.each([
    ['a pattern the cron parser cannot read', ['--cron', 'nonsense'], /--cron "nonsense": .*e\.g\. "0 3 \* \* 1"/],
    ['a field out of range', ['--cron', '61 * * * *'], /--cron "61 \* \* \* \*": .*59/],
    ['an unknown time zone', ['--cron', '0 3 * * 1', '--tz', 'Mars/Olympus'], /--tz "Mars\/Olympus": not a time zone/],
  ])('names %s, exits 2 and stores no schedule', async (_, flags, message) => {
    const { env } = useQueueFixture();
    const added = await inProcess({ args: ['schedule', 'add', 'weekly', ...flags], env });
    expect(added.code).toBe(2);
    expect(added.stderr).toMatch(message);
    expect(added.stderr).not.toMatch(/\n\s+at /);
    const listed = await inProcess({ args: ['schedule', 'list'], env });
    expect(listed.stdout).not.toContain('weekly');
  });
});
