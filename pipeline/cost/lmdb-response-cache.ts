import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { open, type RootDatabase } from 'lmdb';
import type { CacheStats, CachedAnswer, ResponseCache } from './response-cache.ts';

interface Entry {
  storedAt: number;
  answer: CachedAnswer;
}

const FILE = 'responses.mdb';

/**
 * The in-process response cache: an embedded LMDB database in one folder, safe for several
 * processes at once (a run and `scarecrow cache stats`). Entries older than the time to
 * live are treated as absent and deleted by `prune`.
 */
export class LmdbResponseCache implements ResponseCache {
  private constructor(
    private readonly db: RootDatabase<Entry, string>,
    private readonly dir: string,
    private readonly ttlMs: number,
  ) {}

  static open(options: { dir: string; ttlMs: number }): LmdbResponseCache {
    mkdirSync(options.dir, { recursive: true });
    const db = open<Entry, string>({ path: join(options.dir, FILE), compression: true });
    return new LmdbResponseCache(db, options.dir, options.ttlMs);
  }

  private fresh(entry: Entry | undefined, now = Date.now()): entry is Entry {
    return entry !== undefined && now - entry.storedAt < this.ttlMs;
  }

  async get(key: string): Promise<CachedAnswer | null> {
    const entry = this.db.get(key);
    return this.fresh(entry) ? entry.answer : null;
  }

  async set(key: string, answer: CachedAnswer): Promise<void> {
    await this.db.put(key, { storedAt: Date.now(), answer });
  }

  async stats(): Promise<CacheStats> {
    let entries = 0;
    let expired = 0;
    let oldest = Infinity;
    let newest = -Infinity;
    const now = Date.now();
    for (const { value } of this.db.getRange()) {
      entries += 1;
      if (!this.fresh(value, now)) expired += 1;
      oldest = Math.min(oldest, value.storedAt);
      newest = Math.max(newest, value.storedAt);
    }
    const bytes = readdirSync(this.dir).filter((name) => name.startsWith(FILE)).reduce((sum, name) => sum + statSync(join(this.dir, name)).size, 0);
    const when = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);
    return { entries, expired, bytes, oldest: when(oldest), newest: when(newest) };
  }

  async prune(): Promise<number> {
    const now = Date.now();
    const stale = [...this.db.getRange()].filter(({ value }) => !this.fresh(value, now)).map(({ key }) => key);
    await this.db.transaction(() => {
      for (const key of stale) this.db.remove(key);
    });
    return stale.length;
  }

  async clear(): Promise<number> {
    const count = this.db.getCount();
    await this.db.clearAsync();
    return count;
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
