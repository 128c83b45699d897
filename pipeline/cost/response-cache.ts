import type { ModelUsage } from '../models/language-model.ts';

/** What an endpoint answered to one request: the text or the parsed object, and the tokens it took. */
export interface CachedAnswer {
  text?: string;
  object?: unknown;
  usage: ModelUsage;
}

export interface CacheStats {
  entries: number;
  /** Entries past their time to live, which `prune` deletes. */
  expired: number;
  /** Size on disk (an embedded store) or in memory (Redis), in bytes; null when unknown. */
  bytes: number | null;
  oldest: string | null;
  newest: string | null;
}

/**
 * Answers already paid for, by request key. It holds answers and token counts only: the
 * key is a hash of what decides an answer, which never includes an API key.
 */
export interface ResponseCache {
  get(key: string): Promise<CachedAnswer | null>;
  set(key: string, answer: CachedAnswer): Promise<void>;
  stats(): Promise<CacheStats>;
  /** Deletes the expired entries; returns how many. */
  prune(): Promise<number>;
  /** Deletes every entry; returns how many. */
  clear(): Promise<number>;
  close(): Promise<void>;
}
