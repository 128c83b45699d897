import { z } from 'zod';

/** What the generator answers to a mutation request; its own response format name, so an endpoint can tell the task apart. */
export const MutationsOutput = z.object({
  children: z.array(
    z.object({
      prompt: z.string().describe('The mutated prompt, as a user would type it.'),
      change: z.string().describe('In a few words, what was changed from the parent.'),
    }),
  ),
});
export type MutationsOutput = z.infer<typeof MutationsOutput>;

export const MUTATIONS_OUTPUT_NAME = 'mutations';
