import { z } from 'zod';
import { Seed } from '../schemas/seed.ts';
import { Failure } from '../schemas/candidate.ts';

/** What seed expansion did for one category: every concept asked for is kept or counted under why it was not. */
export const CategoryExpansion = z.object({
  asked: z.number().int(),
  returned: z.number().int(),
  /** Too short, too long, or empty once trimmed. */
  invalid: z.number().int(),
  duplicates_of_seeds: z.number().int(),
  duplicates_of_new: z.number().int(),
  /** Kept beyond `perCategory` (a batch's last concepts) and left out. */
  surplus: z.number().int(),
  kept: z.number().int(),
  calls: z.number().int(),
  failed_calls: z.number().int(),
});
export type CategoryExpansion = z.infer<typeof CategoryExpansion>;

export const ExpansionSummary = z.object({
  template: z.string(),
  model: z.string(),
  per_category: z.number().int(),
  categories: z.record(z.string(), CategoryExpansion),
  /** Why calls failed (after their retries): the concepts they would have written are missing, not hidden. `request` is the call's number in its category, `count` the concepts it asked. */
  failures: z.array(z.object({ category: z.string(), reason: z.string(), request: z.number().int().optional(), count: z.number().int().optional() })),
});
export type ExpansionSummary = z.infer<typeof ExpansionSummary>;

/** `failures`: each failed call and each category left short, as failures.jsonl records them. */
export const ExpandOutput = z.object({ seeds: z.array(Seed), summary: ExpansionSummary.nullable(), failures: z.array(Failure).default([]) });
export type ExpandOutput = z.infer<typeof ExpandOutput>;
