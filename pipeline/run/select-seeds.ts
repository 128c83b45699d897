import { resolveFromConfig, type LoadedConfig } from '../loading/load-config.ts';
import { loadSeeds } from '../loading/load-seeds.ts';
import type { Seed } from '../schemas/seed.ts';

/** The seeds a run uses: from the configured paths, the configured categories, at most `limit` per category (the first by id). */
export async function selectSeeds(loaded: LoadedConfig): Promise<Seed[]> {
  const { seeds: options } = loaded.config;
  const all = await loadSeeds(options.paths.map((path) => resolveFromConfig(loaded, path)));
  const wanted = new Set(options.categories);
  const taken = new Map<string, number>();
  return all.filter((seed) => {
    if (!wanted.has(seed.category)) return false;
    const count = taken.get(seed.category) ?? 0;
    if (options.limit !== null && count >= options.limit) return false;
    taken.set(seed.category, count + 1);
    return true;
  });
}
