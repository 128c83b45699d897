import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { PROJECT_ROOT } from '../../pipeline/input/project-root.ts';
import type { LoadedConfig } from '../../pipeline/input/load-config.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import { deleteKeysWithPrefix } from '../../workers/delete-prefix.ts';

export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** Every test gets its own key prefix, so tests never see each other's queues or runs. */
export function testPrefix(): string {
  return `test-${randomUUID()}`;
}

export async function deletePrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    // Twice: a closing worker or queue may still write a key or two just after the first sweep.
    for (const pause of [0, 300]) {
      await new Promise((resolve) => setTimeout(resolve, pause));
      await deleteKeysWithPrefix(redis, prefix);
    }
  } finally {
    redis.disconnect();
  }
}

/** A small run: 2 categories x 3 seeds x 3 rewrites, one target, the bundled seeds, the simulator. */
export function smallConfig(overrides: Record<string, unknown> = {}): LoadedConfig {
  const config = Config.parse({
    name: 'queue-test',
    seeds: { paths: ['seeds'], categories: ['privacy', 'violence'], limit: 3 },
    generate: { rewritesPerSeed: 3 },
    targets: [{ model: 'sim-target' }],
    simulator: { seed: 7, latencyMs: 5 },
    ...overrides,
  });
  return { config, file: null, baseDir: PROJECT_ROOT };
}

/** The files a user compares between two runs: data, duplicates and failures (the manifest carries times). */
export async function datasetFiles(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of ['duplicates.jsonl', 'failures.jsonl', ...(await readdir(join(dir, 'data'))).map((file) => `data/${file}`)]) {
    files[name] = await readFile(join(dir, name), 'utf8');
  }
  return files;
}

export async function manifestCounts(dir: string): Promise<unknown> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  return { counts: manifest.counts, by_category: manifest.by_category, simulated: manifest.simulated };
}

/** A private redis-server on a free port, for tests that need settings the shared one must not get. */
export async function startRedisServer(args: string[] = [], options: { port?: number } = {}): Promise<{ url: string; port: number; stop(signal?: NodeJS.Signals): Promise<void> }> {
  const { spawn } = await import('node:child_process');
  const { createServer } = await import('node:net');
  const port: number = options.port ?? await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...args], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    const up = await probe.connect().then(() => probe.ping()).then(() => true, () => false);
    probe.disconnect();
    if (up) break;
    if (tries > 100) throw new Error('redis-server did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    url,
    port,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}
