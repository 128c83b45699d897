import { buildGeneratePrompt, generateTemplateVersion } from './generate-prompt.ts';
import { GENERATOR_TEMPERATURE } from '../models/sampling.ts';
import { OUTPUT_NAMES, RewritesOutput } from '../prompts/output-schemas.ts';
import type { Candidate } from '../schemas/candidate.ts';
import { DEFAULT_LANGUAGE } from '../schemas/language-code.ts';
import type { Seed } from '../schemas/seed.ts';
import { normalisePrompt, promptId } from '../text/normalise.ts';
import type { StageContext } from '../models/stage-context.ts';
import { translateRewrites, type Untranslated } from './translate-rewrites.ts';

export interface GenerateOutput {
  candidates: Candidate[];
  /** Rewrites that were empty once normalised; counted so nothing vanishes. */
  emptyRewrites: number;
  /** In translate mode, English rewrites the generator gave no translation of into a language. */
  untranslated?: Untranslated[];
}

/**
 * One generator call per seed and language, each returning up to `rewritesPerSeed` candidate
 * prompts in that language; in translate mode, one English call and then one translation call
 * per other language.
 */
export async function generate(seed: Seed, context: StageContext): Promise<GenerateOutput> {
  const { languages, languageMode } = context.config.generate;
  if (languageMode === 'translate') return generateByTranslation({ seed, languages, context });
  const output: GenerateOutput = { candidates: [], emptyRewrites: 0 };
  for (const language of languages) {
    const written = await generateInLanguage({ seed, language, context });
    output.candidates.push(...written.candidates);
    output.emptyRewrites += written.emptyRewrites;
  }
  return output;
}

async function generateByTranslation(options: { seed: Seed; languages: readonly string[]; context: StageContext }): Promise<GenerateOutput> {
  const { seed, languages, context } = options;
  const english = await generateInLanguage({ seed, language: DEFAULT_LANGUAGE, context });
  // English rewrites are the sources; they are rows only when English is one of the run's languages.
  const output: GenerateOutput = { candidates: languages.includes(DEFAULT_LANGUAGE) ? [...english.candidates] : [], emptyRewrites: english.emptyRewrites, untranslated: [] };
  for (const language of languages) {
    if (language === DEFAULT_LANGUAGE || english.candidates.length === 0) continue;
    const translated = await translateRewrites({ seed, language, sources: english.candidates, context });
    output.candidates.push(...translated.candidates);
    output.untranslated!.push(...translated.untranslated);
  }
  return output;
}

async function generateInLanguage(options: { seed: Seed; language: string; context: StageContext }): Promise<GenerateOutput> {
  const { seed, language, context } = options;
  const { generator } = context.models;
  const count = context.config.generate.rewritesPerSeed;
  const { object } = await generator.generateObject({
    schema: RewritesOutput,
    name: OUTPUT_NAMES.rewrites,
    messages: await buildGeneratePrompt({ seed, count, language }),
    temperature: context.config.generator.temperature ?? GENERATOR_TEMPERATURE,
    signal: context.signal,
  });
  const rewrites = object.rewrites.slice(0, count);
  const kept = rewrites.filter((rewrite) => normalisePrompt(rewrite.prompt) !== '');
  return {
    emptyRewrites: rewrites.length - kept.length,
    candidates: kept.map((rewrite) => ({
      id: promptId(rewrite.prompt),
      prompt: rewrite.prompt.trim(),
      language,
      seed: { id: seed.id, concept: seed.concept, category: seed.category },
      pattern: rewrite.pattern.trim() || null,
      generator: { model: generator.id, template: generateTemplateVersion(language) },
    })),
  };
}
