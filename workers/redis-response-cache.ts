import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { CacheStats, CachedAnswer, ResponseCache } from '../pipeline/cost/response-cache.ts';

const StoredAnswer = z.object({
  storedAt: z.number(),
  answer: z.object({ text: z.string().optional(), object: z.unknown().optional(), usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }) }),
});

/** The cache's keys share one prefix per queue prefix, so every run and worker there uses the same answers. */
export function responseCachePrefix(prefix: string): string {
  return `${prefix}:cache:`;
}

/**
 * The response cache of queued runs, in Redis: every worker on every machine reads the
 * answers any of them paid for. Each answer is a key that Redis expires after the time to
 * live, so there is nothing to prune; it holds answers and token counts, never keys.
 */
export class RedisResponseCache implements ResponseCache {
  constructor(private readonly options: { redis: Redis; prefix: string; ttlMs: number }) {}

  private key(key: string): string {
    return `${responseCachePrefix(this.options.prefix)}${key}`;
  }

  async get(key: string): Promise<CachedAnswer | null> {
    const text = await this.options.redis.get(this.key(key));
    if (text === null) return null;
    const parsed = StoredAnswer.safeParse(safeJson(text));
    return parsed.success ? (parsed.data.answer as CachedAnswer) : null;
  }

  async set(key: string, answer: CachedAnswer): Promise<void> {
    await this.options.redis.set(this.key(key), JSON.stringify({ storedAt: Date.now(), answer }), 'PX', Math.round(this.options.ttlMs));
  }

  async stats(): Promise<CacheStats> {
    let entries = 0;
    let oldest = Infinity;
    let newest = -Infinity;
    for await (const keys of this.scan()) {
      entries += keys.length;
      const values = keys.length > 0 ? await this.options.redis.mget(...keys) : [];
      for (const value of values) {
        const parsed = value === null ? null : StoredAnswer.safeParse(safeJson(value));
        if (!parsed?.success) continue;
        oldest = Math.min(oldest, parsed.data.storedAt);
        newest = Math.max(newest, parsed.data.storedAt);
      }
    }
    const when = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);
    return { entries, expired: 0, bytes: null, oldest: when(oldest), newest: when(newest) };
  }

  async prune(): Promise<number> {
    // Redis expires each answer at its time to live by itself.
    return 0;
  }

  async clear(): Promise<number> {
    let removed = 0;
    for await (const keys of this.scan()) if (keys.length > 0) removed += await this.options.redis.del(...keys);
    return removed;
  }

  async close(): Promise<void> {}

  private scan(): AsyncIterable<string[]> {
    return this.options.redis.scanStream({ match: `${responseCachePrefix(this.options.prefix)}*`, count: 1000 }) as AsyncIterable<string[]>;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
