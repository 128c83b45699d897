import { z } from 'zod';
import { GENERATE_TEMPLATE_VERSION } from './generate-prompt.ts';
import { buildTranslatePrompt, TRANSLATE_TEMPLATE_VERSION } from './translate-prompt.ts';
import { TRANSLATIONS_OUTPUT_NAME, TranslationsOutput } from './translations-output.ts';
import { GENERATOR_TEMPERATURE } from '../models/sampling.ts';
import type { Candidate } from '../schemas/candidate.ts';
import type { Seed } from '../schemas/seed.ts';
import type { StageContext } from '../models/stage-context.ts';
import { normalisePrompt, promptId } from '../text/normalise.ts';

/** An English rewrite left without a translation into a language: it ends in failures.jsonl. */
export const Untranslated = z.object({ language: z.string(), source_id: z.string(), source_prompt: z.string() });
export type Untranslated = z.infer<typeof Untranslated>;

/** The template a translated candidate records. */
export const TRANSLATED_TEMPLATE = `${GENERATE_TEMPLATE_VERSION}+${TRANSLATE_TEMPLATE_VERSION}`;

/**
 * Translate mode's second step: one generator call translates every English rewrite of a seed
 * into one language. Each translation keeps its English source (translated_from) and pattern;
 * a source with no translation, or an empty one, is returned as untranslated, not dropped.
 */
export async function translateRewrites(options: { seed: Seed; language: string; sources: readonly Candidate[]; context: StageContext }): Promise<{ candidates: Candidate[]; untranslated: Untranslated[] }> {
  const { seed, language, sources, context } = options;
  const { generator } = context.models;
  const { object } = await generator.generateObject({
    schema: TranslationsOutput,
    name: TRANSLATIONS_OUTPUT_NAME,
    messages: await buildTranslatePrompt({ seed, language, prompts: sources.map((source) => source.prompt) }),
    temperature: context.config.generator.temperature ?? GENERATOR_TEMPERATURE,
    signal: context.signal,
  });
  // By number, the first answer for each: a model that skips or repeats one must not shift the rest onto the wrong source.
  const byNumber = new Map<number, string>();
  for (const translation of object.translations) if (!byNumber.has(translation.number)) byNumber.set(translation.number, translation.prompt.trim());
  const candidates: Candidate[] = [];
  const untranslated: Untranslated[] = [];
  sources.forEach((source, index) => {
    const text = byNumber.get(index + 1) ?? '';
    if (normalisePrompt(text) === '') {
      untranslated.push({ language, source_id: source.id, source_prompt: source.prompt });
      return;
    }
    candidates.push({
      id: promptId(text),
      prompt: text,
      language,
      translated_from: { id: source.id, prompt: source.prompt },
      seed: source.seed,
      pattern: source.pattern,
      generator: { model: generator.id, template: TRANSLATED_TEMPLATE },
    });
  });
  return { candidates, untranslated };
}
