import { buildGeneratePrompt, generateTemplateVersion } from './generate-prompt.ts';
import { GENERATOR_TEMPERATURE } from '../models/sampling.ts';
import { OUTPUT_NAMES, RewritesOutput } from '../prompts/output-schemas.ts';
import type { Candidate } from '../schemas/candidate.ts';
import type { Seed } from '../schemas/seed.ts';
import { normalisePrompt, promptId } from '../text/normalise.ts';
import type { StageContext } from '../stages/stage-context.ts';

export interface GenerateOutput {
  candidates: Candidate[];
  /** Rewrites that were empty once normalised; counted so nothing vanishes. */
  emptyRewrites: number;
}

/** One generator call per seed and language, each returning up to `rewritesPerSeed` candidate prompts in that language. */
export async function generate(seed: Seed, context: StageContext): Promise<GenerateOutput> {
  const output: GenerateOutput = { candidates: [], emptyRewrites: 0 };
  for (const language of context.config.generate.languages) {
    const written = await generateInLanguage({ seed, language, context });
    output.candidates.push(...written.candidates);
    output.emptyRewrites += written.emptyRewrites;
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
