import type { ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import type { Redis } from 'ioredis';
import { deleteKeysWithPrefix } from '../../workers/delete-prefix.ts';

/** Stops a queue bench's worker processes, waits for them to exit, and removes its Redis keys and output. */
export async function tearDownQueueBench(options: { workers: ChildProcess[]; redis: Redis; prefix: string; outputDir: string }): Promise<void> {
  const { workers, redis, prefix, outputDir } = options;
  for (const child of workers) child.kill('SIGTERM');
  await Promise.all(workers.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.on('exit', resolve)))));
  await deleteKeysWithPrefix(redis, prefix);
  redis.disconnect();
  await rm(outputDir, { recursive: true, force: true });
}
