import { z } from 'zod';

/** Where answers already paid for are kept, so a rerun that changes only what happens after the calls makes none. */
export const CacheConfig = z
  .object({
    enabled: z.boolean().default(true).describe('Answers are looked up in the response cache before a call is made, and kept there after; --no-cache turns it off for one run.'),
    dir: z.string().nullable().default(null).describe('Folder of the in-process response cache (an embedded LMDB database), relative to the working directory; null for .scarecrow-cache in output.dir. Queued runs keep it in Redis.'),
    ttlHours: z.number().positive().default(720).describe('Cached answers older than this are not used; `scarecrow cache prune` deletes them.'),
  })
  .strict();
export type CacheConfig = z.infer<typeof CacheConfig>;

/** Limits checked before each call is made; a run that reaches one stops starting work and writes what is settled. */
export const BudgetConfig = z
  .object({
    maxCalls: z.number({ error: 'must be a whole number of calls, or null for no limit' }).int({ error: 'must be a whole number of calls' }).positive({ error: 'must be at least 1 call (null for no limit)' }).nullable().default(null).describe('Model calls a run may make (attempts included; cached answers are free); null for no limit.'),
    maxCostUsd: z.number({ error: 'must be a number of US dollars, or null for no limit' }).positive({ error: 'must be more than 0 US dollars (null for no limit)' }).nullable().default(null).describe("US dollars a run may spend, from the roles' pricing (every role needs one); null for no limit."),
  })
  .strict();
export type BudgetConfig = z.infer<typeof BudgetConfig>;

/** A cost limit is only checkable when every role says what its tokens cost. */
export function checkBudgetPricing(
  config: { budget: BudgetConfig; generator: Priced; judges: Priced[]; targets: Priced[]; refusalJudge?: Priced | null; seeds?: { expand: { perCategory: number; model?: Priced } } },
  issues: z.RefinementCtx,
): void {
  if (config.budget.maxCostUsd === null) return;
  const roles: [string, Priced][] = [['generator', config.generator], ...config.judges.map((role, index) => [`judges[${index}]`, role] as [string, Priced]), ...config.targets.map((role, index) => [`targets[${index}]`, role] as [string, Priced])];
  if (config.refusalJudge) roles.push(['refusalJudge', config.refusalJudge]);
  if (config.seeds?.expand.model && config.seeds.expand.perCategory > 0) roles.push(['seeds.expand.model', config.seeds.expand.model]);
  const unpriced = roles.filter(([, role]) => !role.pricing).map(([name, role]) => `${name} (${role.model})`);
  if (unpriced.length === 0) return;
  issues.addIssue({ code: 'custom', path: ['budget', 'maxCostUsd'], message: `needs pricing on every role to count cost, and ${unpriced.join(', ')} ${unpriced.length === 1 ? 'has' : 'have'} none: add pricing or drop maxCostUsd` });
}

interface Priced {
  model: string;
  pricing?: unknown;
}
