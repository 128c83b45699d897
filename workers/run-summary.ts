import { z } from 'zod';

/** What a finished run leaves in Redis for `status` and the waiting submitter. */
export const RunSummary = z.object({
  dir: z.string(),
  sizes: z.object({ all: z.number(), hard: z.number(), toxic: z.number() }),
  counts: z.record(z.string(), z.number()),
  simulated: z.boolean(),
  seconds: z.number(),
  /** Where the export moved the dataset it replaced, and kept ones it removed as too old; summaries of older versions have none. */
  earlier: z.object({ kept: z.array(z.string()), removed: z.array(z.string()) }).default({ kept: [], removed: [] }),
  /** The budget limit that stopped the run, when one did. */
  budgetStoppedBy: z.enum(['budget.maxCalls', 'budget.maxCostUsd']).nullable().default(null),
});
export type RunSummary = z.infer<typeof RunSummary>;

/** Nothing succeeded: no record was made and something failed. The one rule both runners exit 1 on. */
export function nothingSucceeded(summary: RunSummary): boolean {
  const { judged = 0, seeds_failed: seedsFailed = 0, failed_candidates: failedCandidates = 0 } = summary.counts;
  return judged === 0 && seedsFailed + failedCandidates > 0;
}
