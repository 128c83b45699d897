import type { Redis } from 'ioredis';

/**
 * Every key under a prefix with every value it holds, whatever its type (run hashes,
 * BullMQ job hashes, lists, sorted sets, event streams), as one text to search; keys
 * starting with `except` left out.
 */
export async function dumpPrefix(redis: Redis, prefix: string, options: { except?: string } = {}): Promise<string> {
  const parts: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) if (!options.except || !key.startsWith(options.except)) parts.push(key, JSON.stringify(await valueOf(redis, key)));
  } while (cursor !== '0');
  return parts.join('\n');
}

async function valueOf(redis: Redis, key: string): Promise<unknown> {
  const type = await redis.type(key);
  if (type === 'string') return redis.get(key);
  if (type === 'hash') return redis.hgetall(key);
  if (type === 'list') return redis.lrange(key, 0, -1);
  if (type === 'set') return redis.smembers(key);
  if (type === 'zset') return redis.zrange(key, 0, -1, 'WITHSCORES');
  if (type === 'stream') return redis.xrange(key, '-', '+');
  return type;
}
