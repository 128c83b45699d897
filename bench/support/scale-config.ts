import { CATEGORIES } from '../../pipeline/schemas/category.ts';
import { Config } from '../../pipeline/schemas/config.ts';

/** Rewrites per seed in bench:scale. */
export const REWRITES = 25;
/** The bundled seeds expansion starts from. */
export const BUNDLED_SEEDS = 320;

/**
 * The config bench:scale runs at `candidates`: the bundled seeds grown by expansion to about
 * candidates / 25 seeds (3% over), 25 rewrites each, the simulator seeded with 1.
 */
export function scaleConfig(options: { candidates: number; latencyMs: number; concurrency: number }): Config {
  const seeds = Math.ceil(options.candidates / REWRITES);
  // A few per cent more than needed: expansion can end a category a few concepts short once its duplicates run high.
  const perCategory = Math.max(0, Math.ceil(((seeds - BUNDLED_SEEDS) / CATEGORIES.length) * 1.03));
  const role = (model: string) => ({ model, maxConcurrency: options.concurrency });
  return Config.parse({
    name: 'bench-scale',
    seeds: { paths: ['seeds'], expand: { perCategory } },
    generator: role('sim-generator'),
    judges: [role('sim-judge-1')],
    targets: [role('sim-target')],
    generate: { rewritesPerSeed: REWRITES },
    probe: { samples: 1 },
    simulator: { seed: 1, latencyMs: options.latencyMs },
  });
}
