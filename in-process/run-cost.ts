import { budgetCardSection, budgetRecord } from '../pipeline/cost/budget-record.ts';
import { CacheCounts } from '../pipeline/cost/cache-counts.ts';
import { openCache } from '../pipeline/cost/cache-location.ts';
import { simulatorCacheIdentity, type ModelCacheOptions } from '../pipeline/cost/cache-models.ts';
import { hasBudget, LocalCallBudget } from '../pipeline/cost/call-budget.ts';
import type { Config } from '../pipeline/schemas/config.ts';
import { simulatorVersion } from '../simulator/simulator-version.ts';

/**
 * An in-process run's cost controls: the response cache (an embedded database under the
 * output folder) and the budget, with what they add to the manifest and the card.
 */
export function openRunCost(options: { config: Config; outputDir: string; cache?: boolean }) {
  const { config } = options;
  const enabled = options.cache !== false && config.cache.enabled;
  const counts = new CacheCounts();
  const store = enabled ? openCache({ config, outputDir: options.outputDir }) : null;
  const cache: ModelCacheOptions | null = store ? { cache: store, counter: counts, simulatorIdentity: simulatorCacheIdentity({ version: simulatorVersion(), seed: config.simulator.seed }) } : null;
  const budget = hasBudget(config.budget) ? new LocalCallBudget(config.budget) : null;
  return {
    cache,
    budget,
    async extra(): Promise<Record<string, unknown>> {
      return {
        cache: enabled ? { enabled: true, ...counts.figures() } : { enabled: false },
        ...(budget ? { budget: budgetRecord(config.budget, await budget.state()) } : {}),
      };
    },
    async cardSections(): Promise<string[]> {
      const state = await budget?.state();
      return state?.stoppedBy ? [budgetCardSection(config.budget, state)] : [];
    },
    async stoppedBy() {
      return (await budget?.state())?.stoppedBy ?? null;
    },
    async close(): Promise<void> {
      await store?.close();
    },
  };
}
