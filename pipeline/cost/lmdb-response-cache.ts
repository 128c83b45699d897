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
 *
 * A call does not wait for its answer to reach the disk: LMDB commits the answers stored while
 * a commit is under way together in the next one, where awaiting each put made a transaction
 * and a sync per answer (a third of a default run's CPU). Until its commit an answer is read
 * from `unwritten`, so a request asked again meanwhile is still a hit; `close` waits for every
 * commit.
 */
export class LmdbResponseCache implements ResponseCache {
  private readonly unwritten = new Map<string, Entry>();
  private readonly writes = new Set<Promise<void>>();
  private writeFailure: unknown = null;

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
    const entry = this.unwritten.get(key) ?? this.db.get(key);
    return this.fresh(entry) ? entry.answer : null;
  }

  async set(key: string, answer: CachedAnswer): Promise<void> {
    const entry: Entry = { storedAt: Date.now(), answer };
    this.unwritten.set(key, entry);
    const write = this.db.put(key, entry).then(
      () => {
        if (this.unwritten.get(key) === entry) this.unwritten.delete(key);
      },
      (error: unknown) => {
        this.writeFailure ??= error;
      },
    );
    this.writes.add(write);
    void write.finally(() => this.writes.delete(write));
  }

  /** Every answer stored so far, committed: what stats, prune and clear see. */
  private async committed(): Promise<void> {
    await Promise.all(this.writes);
  }

  async stats(): Promise<CacheStats> {
    await this.committed();
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
    await this.committed();
    const now = Date.now();
    const stale = [...this.db.getRange()].filter(({ value }) => !this.fresh(value, now)).map(({ key }) => key);
    await this.db.transaction(() => {
      for (const key of stale) this.db.remove(key);
    });
    return stale.length;
  }

  async clear(): Promise<number> {
    await this.committed();
    const count = this.db.getCount();
    await this.db.clearAsync();
    return count;
  }

  /** Waits for every answer to be committed; a failed commit is reported here, once the run's calls are done. */
  async close(): Promise<void> {
    await this.committed();
    await this.db.close();
    if (this.writeFailure !== null) throw this.writeFailure;
  }
}
