import type { Redis } from 'ioredis';
import { RESULT_TTL_MS } from './result-ttl.ts';

// One script call per job instead of a MULTI of several commands: ioredis writes each queued
// command to the socket separately and builds a command table per pipeline, which cost
// more CPU per job than the job's own model call. The script is atomic too, so the worker
// that sees the count reach the total is the only one that does. The item's call ledger
// (kept only while it had a failure to resume from) goes in the same call.
// KEYS: the hash whose size is returned, the run's hash, the stage's call ledgers, then the hashes written;
// ARGV: the item's id, the TTL, the run hash's field holding the total, then one value per hash written (from index 4, as its hash).
const SCRIPT = `
for index = 4, #KEYS do
  redis.call('HSET', KEYS[index], ARGV[1], ARGV[index])
  redis.call('PEXPIRE', KEYS[index], ARGV[2])
end
redis.call('HDEL', KEYS[3], ARGV[1])
return {redis.call('HLEN', KEYS[1]), redis.call('HGET', KEYS[2], ARGV[3])}
`;

/** The value of a hash that only marks an item as having reached a point. */
export const MARK = '1';

type WithRecordResult = Redis & { scarecrowRecordItem(...args: (string | number)[]): Promise<[number, string | null]> };

export interface RecordResultOptions {
  redis: Redis;
  /** Hashes the item is written to under its id: a stored result as JSON, or `MARK` (settled, queued for the next stage). */
  writes: { hash: string; value: string }[];
  /** Hash whose size is returned: how many items have reached this point. */
  count: string;
  /** The run's hash, and its field holding how many items there are to count (absent: not known yet). */
  run: string;
  totalField: string;
  /** The stage's call ledgers, from which the item's is deleted: it is settled, nothing is left to resume. */
  calls: string;
  itemId: string;
}

/** Stores one item's results and marks, and tells how many items are in `count` now, and the total they count towards. */
export async function recordResult(options: RecordResultOptions): Promise<{ count: number; total: string | null }> {
  const redis = options.redis as WithRecordResult;
  if (typeof redis.scarecrowRecordItem !== 'function') redis.defineCommand('scarecrowRecordItem', { lua: SCRIPT });
  const { writes } = options;
  const [count, total] = await redis.scarecrowRecordItem(
    writes.length + 3, options.count, options.run, options.calls, ...writes.map((write) => write.hash),
    options.itemId, RESULT_TTL_MS, options.totalField, ...writes.map((write) => write.value),
  );
  return { count: Number(count), total };
}
