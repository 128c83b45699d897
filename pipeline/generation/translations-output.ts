import { z } from 'zod';

/** What the generator answers when asked to translate a seed's English rewrites; the simulator dispatches on the name. */
export const TranslationsOutput = z.object({
  translations: z.array(
    z.object({
      number: z.number().int().describe('The number of the English prompt translated, as listed.'),
      prompt: z.string().describe('The prompt in the target language, as its speakers would type it.'),
    }),
  ),
});
export type TranslationsOutput = z.infer<typeof TranslationsOutput>;

export const TRANSLATIONS_OUTPUT_NAME = 'translations';
