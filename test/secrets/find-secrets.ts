import { randomBytes, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { readFolder } from '../support/read-dataset-files.ts';

/** One key per role, in the shapes providers hand out: OpenAI, a bare token of a local server, Hugging Face. */
export function roleKeys() {
  return {
    generator: `sk-proj-${randomBytes(24).toString('hex')}`,
    judge: randomUUID(),
    target: `hf_${randomBytes(17).toString('hex')}`,
  };
}

/** How often each secret occurs in a text, by where it was found; only the places that hold one. */
export function occurrences(texts: Record<string, string>, secrets: string[]): Record<string, number> {
  const found: Record<string, number> = {};
  for (const [where, text] of Object.entries(texts)) {
    const count = secrets.reduce((sum, secret) => sum + text.split(secret).length - 1, 0);
    if (count > 0) found[where] = count;
  }
  return found;
}

export async function folderTexts(dir: string): Promise<Record<string, string>> {
  return readFolder(dir);
}

/**
 * Every key and value in Redis, whatever its type (BullMQ keeps jobs in hashes, with
 * failedReason and stacktrace, and its events in streams), keyed by `key` or `key field`.
 */
export async function redisTexts(redis: Redis, pattern = '*'): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      texts[`key ${key}`] = key;
      const type = await redis.type(key);
      if (type === 'string') texts[key] = (await redis.get(key)) ?? '';
      else if (type === 'hash') for (const [field, value] of Object.entries(await redis.hgetall(key))) texts[`${key} ${field}`] = `${field}\n${value}`;
      else if (type === 'list') texts[key] = (await redis.lrange(key, 0, -1)).join('\n');
      else if (type === 'set') texts[key] = (await redis.smembers(key)).join('\n');
      else if (type === 'zset') texts[key] = (await redis.zrange(key, 0, -1)).join('\n');
      else if (type === 'stream') texts[key] = JSON.stringify(await redis.xrange(key, '-', '+'));
    }
  } while (cursor !== '0');
  return texts;
}
