import type { Redis } from 'ioredis';
import { RESULT_TTL_MS } from './result-ttl.ts';

// One script call per job instead of a MULTI of six commands: ioredis writes each queued
// command to the socket separately and builds a command table per pipeline, which cost
// more CPU per job than the job's own model call. The script is atomic too, so the worker
// that sees the count reach the total is the only one that does.
const SCRIPT = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
if KEYS[2] ~= KEYS[1] then
  redis.call('HSET', KEYS[2], ARGV[1], '1')
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
end
return {redis.call('HLEN', KEYS[3]), redis.call('HGET', KEYS[4], 'kept')}
`;

type WithRecordResult = Redis & { scarecrowRecordResult(...args: (string | number)[]): Promise<[number, string | null]> };

export interface RecordResultOptions {
  redis: Redis;
  /** Hash the stored result goes in, under the item's id. */
  results: string;
  /** Hash the item is also marked in (settled, or queued for probing); `results` for none. */
  mark: string;
  /** Hash whose size is returned: how many items have reached this point. */
  count: string;
  /** The run's hash, whose `kept` field (candidates after dedupe) is returned. */
  run: string;
  itemId: string;
  stored: unknown;
}

/** Stores one item's result and tells how many items are in `count` now, and how many were kept. */
export async function recordResult(options: RecordResultOptions): Promise<{ count: number; kept: string | null }> {
  const redis = options.redis as WithRecordResult;
  if (typeof redis.scarecrowRecordResult !== 'function') redis.defineCommand('scarecrowRecordResult', { numberOfKeys: 4, lua: SCRIPT });
  const [count, kept] = await redis.scarecrowRecordResult(options.results, options.mark, options.count, options.run, options.itemId, JSON.stringify(options.stored), RESULT_TTL_MS);
  return { count: Number(count), kept };
}
