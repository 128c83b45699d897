import type { Redis } from 'ioredis';
import { budgetCardSection, budgetRecord } from '../pipeline/cost/budget-record.ts';
import { hasBudget } from '../pipeline/cost/call-budget.ts';
import type { Config } from '../pipeline/schemas/config.ts';
import { RedisCallBudget } from './redis-call-budget.ts';
import { RedisCacheCounter } from './redis-cache-counter.ts';
import type { RunKeys } from './run-keys.ts';
import { usesBatches } from '../pipeline/batch-api/batch-models.ts';
import { readBatchCounts } from './redis-batch-journal.ts';

/** What a queued run's cache and budget add to its manifest and card, read from Redis at the export, as the in-process runner adds them. */
export async function runCostRecord(options: { redis: Redis; keys: RunKeys; config: Config }) {
  const { redis, keys, config } = options;
  const budget = hasBudget(config.budget) ? await RedisCallBudget.read(redis, keys.budget) : null;
  const extra: Record<string, unknown> = {
    cache: config.cache.enabled ? { enabled: true, ...(await RedisCacheCounter.read(redis, keys.cache)) } : { enabled: false },
    ...(budget ? { budget: budgetRecord(config.budget, budget) } : {}),
    ...(usesBatches(config) ? { batch: await readBatchCounts({ redis, keys }) } : {}),
  };
  return { extra, cardSections: budget?.stoppedBy ? [budgetCardSection(config.budget, budget)] : [], stoppedBy: budget?.stoppedBy ?? null };
}
