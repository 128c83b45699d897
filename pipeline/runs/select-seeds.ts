import { join } from 'node:path';
import { resolveFromConfig, type LoadedConfig } from '../input/load-config.ts';
import { PROJECT_ROOT } from '../input/project-root.ts';
import { loadSeeds } from '../input/load-seeds.ts';
import type { Seed } from '../schemas/seed.ts';

/** The seeds a run uses: from the configured paths (the bundled seeds when none are named), the configured categories, at most `limit` per category (the first by id). */
export async function selectSeeds(loaded: LoadedConfig): Promise<Seed[]> {
  const { seeds: options } = loaded.config;
  const paths = loaded.bundledSeeds ? [join(PROJECT_ROOT, 'seeds')] : options.paths.map((path) => resolveFromConfig(loaded, path));
  const all = await loadSeeds(paths);
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
