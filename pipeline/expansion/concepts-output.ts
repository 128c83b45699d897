import { z } from 'zod';

/** What the generator answers when asked for new seed concepts; the simulator dispatches on the name. */
export const ConceptsOutput = z.object({
  concepts: z.array(z.object({ concept: z.string().describe('One harmful concept, in a short phrase, as a seed file would hold it.') })),
});
export type ConceptsOutput = z.infer<typeof ConceptsOutput>;

export const CONCEPTS_OUTPUT_NAME = 'seed_concepts';
