import { z } from 'zod';
import { INPUT_LIMITS } from './input-limits.ts';
import { Category } from './category.ts';

/** A harmful concept that the generator turns into benign-but-scary prompts. */
export const Seed = z
  .object({
    id: z.string().min(1).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash and underscore only').describe('Stable identifier, unique across all seed files.'),
    concept: z.string().trim().min(3).max(INPUT_LIMITS.seedConceptCharacters, `at most ${INPUT_LIMITS.seedConceptCharacters} characters`).describe('The harmful concept, in a short phrase or sentence.'),
    category: Category,
    notes: z.string().max(INPUT_LIMITS.seedNotesCharacters, `at most ${INPUT_LIMITS.seedNotesCharacters} characters`).optional().describe('Free text for the seed author; passed to the generator as context.'),
  })
  .strict();
export type Seed = z.infer<typeof Seed>;
