import { join, resolve } from 'node:path';
import type { Config } from '../schemas/config.ts';
import { LmdbResponseCache } from './lmdb-response-cache.ts';

/** The folder, inside the output folder unless the config names one: that folder is writable (a run checks it) and ignored by git. */
export const DEFAULT_CACHE_FOLDER = '.scarecrow-cache';

export function cacheDir(options: { config: Config; outputDir?: string }): string {
  return resolve(options.config.cache.dir ?? join(options.outputDir ?? options.config.output.dir, DEFAULT_CACHE_FOLDER));
}

export function openCache(options: { config: Config; outputDir?: string }): LmdbResponseCache {
  return LmdbResponseCache.open({ dir: cacheDir(options), ttlMs: options.config.cache.ttlHours * 3_600_000 });
}
