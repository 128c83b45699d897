import { z } from 'zod';

/** Concepts one run may add per category: past this, a typo (an extra zero) would cost hours of generator calls. */
export const MAX_EXPANSION_PER_CATEGORY = 5_000;

/** Seed expansion: the generator writes new harmful concepts per category before any rewrite is asked. */
export const ExpandConfig = z
  .object({
    perCategory: z
      .number()
      .int()
      .min(0)
      .max(MAX_EXPANSION_PER_CATEGORY, `at most ${MAX_EXPANSION_PER_CATEGORY} new concepts per category`)
      .default(0)
      .describe('New seed concepts the generator writes per category, deduplicated against every seed; 0 for none.'),
    batchSize: z.number().int().min(1).max(50).default(25).describe('Concepts asked of the generator per call.'),
    examples: z.number().int().min(1).max(20).default(5).describe("Existing seeds of the category shown to the generator as examples in each call."),
  })
  .strict();
export type ExpandConfig = z.infer<typeof ExpandConfig>;
