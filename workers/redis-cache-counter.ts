import type { Redis } from 'ioredis';
import { cacheFigures, type CacheCounter, type CacheFigures } from '../pipeline/cost/cache-counts.ts';
import { RESULT_TTL_MS } from './result-ttl.ts';

/**
 * A queued run's cache hits and misses, in one hash of the run (`hits:<role>`, `misses:<role>`)
 * that every worker adds to, for the manifest's `extra.cache`. A lookup is counted when it is
 * made: a job tried again after a crash may count one twice.
 */
export class RedisCacheCounter implements CacheCounter {
  constructor(private readonly options: { redis: Redis; key: string }) {}

  hit(role: string): void {
    this.add(`hits:${role}`);
  }

  miss(role: string): void {
    this.add(`misses:${role}`);
  }

  private add(field: string): void {
    // Counting must never fail a call: a lost increment costs a figure, not a result.
    this.options.redis.multi().hincrby(this.options.key, field, 1).pexpire(this.options.key, RESULT_TTL_MS).exec().catch(() => {});
  }

  static async read(redis: Redis, key: string): Promise<CacheFigures> {
    const fields = await redis.hgetall(key);
    const byRole: Record<string, { hits: number; misses: number }> = {};
    for (const [field, value] of Object.entries(fields)) {
      const [kind, ...role] = field.split(':');
      const entry = (byRole[role.join(':')] ??= { hits: 0, misses: 0 });
      if (kind === 'hits') entry.hits = Number(value);
      if (kind === 'misses') entry.misses = Number(value);
    }
    return cacheFigures(byRole);
  }
}
