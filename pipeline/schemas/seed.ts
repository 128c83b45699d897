import { z } from 'zod';
import { INPUT_LIMITS } from './input-limits.ts';
import { Category } from './category.ts';

/** A harmful concept as a seed file holds it. */
export const SeedRow = z
  .object({
    id: z.string().min(1).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash and underscore only').describe('Stable identifier, unique across all seed files.'),
    concept: z.string().trim().min(3).max(INPUT_LIMITS.seedConceptCharacters, `at most ${INPUT_LIMITS.seedConceptCharacters} characters`).describe('The harmful concept, in a short phrase or sentence.'),
    category: Category,
    notes: z.string().max(INPUT_LIMITS.seedNotesCharacters, `at most ${INPUT_LIMITS.seedNotesCharacters} characters`).optional().describe('Free text for the seed author; passed to the generator as context.'),
  })
  .strict();
export type SeedRow = z.infer<typeof SeedRow>;

/** Where a seed came from: the bundled seeds, the user's own files, or seed expansion. */
export const SeedSource = z.enum(['bundled', 'file', 'generated']);
export type SeedSource = z.infer<typeof SeedSource>;

/** A harmful concept that the generator turns into benign-but-scary prompts. */
export const Seed = SeedRow.extend({
  /** Absent on seeds built in code (tests, read-back datasets of earlier versions); the loader always sets it. */
  source: SeedSource.optional(),
  /** The model and template that wrote a generated seed. */
  generatedBy: z.object({ model: z.string(), template: z.string() }).strict().optional(),
}).strict();
export type Seed = z.infer<typeof Seed>;
