import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startSimulator } from '../../simulator/start-simulator.ts';
import { runCliInProcess } from '../support/run-cli-in-process.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { dumpPrefix } from './redis-contents.ts';
import { useQueueFixture } from './support.ts';

const temp = useTempDir();

/** A small queued run whose target is a real OpenAI-compatible server (the simulator on a port), given its fields from the server's URL. */
async function setUp(targetFields: (url: string) => Record<string, unknown>) {
  const queue = useQueueFixture();
  const simulator = await startSimulator({ port: 0, seed: 4 });
  queue.onCleanup(() => simulator.close());
  const config = {
    name: 'credentials',
    seeds: { categories: ['privacy'], limit: 2 },
    generate: { rewritesPerSeed: 2 },
    judges: [{ model: 'sim-judge' }],
    targets: [{ model: 'sim-target', ...targetFields(simulator.url) }],
  };
  // Spread over lines as people write configs, so the line in the message means something.
  const text = JSON.stringify(config, null, 2);
  const dir = await temp.make({ 'config.json': text });
  const env = { ...queue.env, SIM_KEY: 'sk-key-from-the-environment-4242' };
  // In-process: what is checked is what the command prints and stores, not the binary.
  const submit = (...flags: string[]) => runCliInProcess(['run', '--queue', '--config', join(dir, 'config.json'), '--output', join(dir, 'out'), ...flags], { env });
  const lineOf = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
  return { ...queue, dir, submit, lineOf };
}

describe('credentials in a baseURL, on the queue', () => {
  for (const [kind, withCredentials] of [
    ['a user and password', (url: string) => url.replace('http://', 'http://scarecrow-user:s3cret-pass-9876@')],
    ['an api-key query parameter', (url: string) => `${url}?api-key=s3cret-pass-9876`],
  ] as const) {
    it(`refuses a baseURL with ${kind}, naming the file, line and field, with nothing in Redis`, async () => {
      const { prefix, redis, dir, submit, lineOf } = await setUp((url: string) => ({ baseURL: withCredentials(url) }));
      const { code, stdout, stderr } = await submit('--detach');
      expect(code).toBe(2);
      expect(stderr).toContain(`${join(dir, 'config.json')}:${lineOf('"baseURL"')}: targets[0].baseURL:`);
      expect(stderr).toMatch(/carries credentials .*apiKeyEnv/);
      expect(stdout + stderr).not.toContain('s3cret-pass-9876');
      expect(await dumpPrefix(redis, prefix)).not.toContain('s3cret-pass-9876');
    }, 60_000);
  }

  it('runs with the key in the environment (apiKeyEnv), and no key reaches Redis, job hashes included', async () => {
    const { prefix, redis, submit, spawnWorker } = await setUp((url: string) => ({ baseURL: url, apiKeyEnv: 'SIM_KEY' }));
    spawnWorker({ args: ['--concurrency', '4'], env: { SIM_KEY: 'sk-key-from-the-environment-4242' } });
    // Detached first, so Redis is read while every job is still there, then followed to the end.
    const queued = await submit('--detach');
    expect(queued.code, queued.stderr).toBe(0);
    const during = await dumpPrefix(redis, prefix);
    expect(during).toContain('sim-target');
    expect(during).not.toContain('sk-key-from-the-environment-4242');
    const { code, stdout, stderr } = await submit();
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/dataset written to/);
    expect(await dumpPrefix(redis, prefix)).not.toContain('sk-key-from-the-environment-4242');
  }, 90_000);
});
