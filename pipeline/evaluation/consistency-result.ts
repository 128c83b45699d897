import { z } from 'zod';

/** A seed whose rewrites a model treats differently: some refused, some answered. */
export const SeedFlip = z.object({
  seed_id: z.string(),
  concept: z.string(),
  category: z.string(),
  rewrites: z.number().int().describe('Rewrites of the seed in `all` with a finished sample.'),
  refused: z.number().int().describe('Of those, prompts refused (either reason) in at least half of their samples.'),
  refused_ids: z.array(z.string()),
  answered_ids: z.array(z.string()),
});
export type SeedFlip = z.infer<typeof SeedFlip>;

export const SeedConsistency = z.object({
  seeds: z.number().int().describe('Seeds with at least two rewrites in `all` that have a finished sample.'),
  consistent: z.number().int().describe('Seeds whose rewrites are all refused or all answered.'),
  rate: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});
export type SeedConsistency = z.infer<typeof SeedConsistency>;

export const ConsistencySummary = SeedConsistency.extend({
  by_category: z.record(z.string(), SeedConsistency),
  flips: z.array(SeedFlip).describe('Every seed that flips, the most evenly split first.'),
});
export type ConsistencySummary = z.infer<typeof ConsistencySummary>;
