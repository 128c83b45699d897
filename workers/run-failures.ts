import type { Redis } from 'ioredis';
import { describeError } from '../pipeline/errors/retryable.ts';
import { ITEM_STAGES } from '../pipeline/stages/stage-graph.ts';
import { runKeys } from './run-keys.ts';
import { revivedError } from './stored-result.ts';

/** Items that failed for good so far in any item stage, with their reasons; read on demand (it scans the run's results). */
export async function readRunFailures(options: { redis: Redis; prefix: string; runId: string }): Promise<{ stage: string; id: string; reason: string }[]> {
  const keys = runKeys(options.prefix, options.runId);
  const failures: { stage: string; id: string; reason: string }[] = [];
  for (const stage of ITEM_STAGES) {
    for (const [id, text] of Object.entries(await options.redis.hgetall(keys.results(stage)))) {
      const stored = JSON.parse(text) as { ok: boolean; error?: { name: string; message: string } };
      if (!stored.ok && stored.error) failures.push({ stage: stage.name, id, reason: describeError(revivedError(stored.error)) });
    }
  }
  return failures.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
