import { z } from 'zod';
import { Seed } from '../schemas/seed.ts';

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
  /** Why calls failed (after their retries): the concepts they would have written are missing, not hidden. */
  failures: z.array(z.object({ category: z.string(), reason: z.string() })),
});
export type ExpansionSummary = z.infer<typeof ExpansionSummary>;

export const ExpandOutput = z.object({ seeds: z.array(Seed), summary: ExpansionSummary.nullable() });
export type ExpandOutput = z.infer<typeof ExpandOutput>;
