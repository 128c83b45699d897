import { zodResponseFormat } from 'openai/helpers/zod';
import type { z } from 'zod';
import { GENERATE_MESSAGES, GENERATE_TEMPLATE_VERSION, NATIVE_LANGUAGE_VERSION } from '../generation/generate-prompt.ts';
import { EXPAND_MESSAGES, EXPAND_TEMPLATE_VERSION } from '../expansion/expand-prompt.ts';
import { TRANSLATE_MESSAGES, TRANSLATE_TEMPLATE_VERSION } from '../generation/translate-prompt.ts';
import { TRANSLATIONS_OUTPUT_NAME, TranslationsOutput } from '../generation/translations-output.ts';
import { CONCEPTS_OUTPUT_NAME, ConceptsOutput } from '../expansion/concepts-output.ts';
import { JUDGE_MESSAGES, JUDGE_TEMPLATE_VERSION } from '../judging/judge-prompt.ts';
import { GENERATOR_TEMPERATURE, JUDGE_TEMPERATURE, REFUSAL_JUDGE_TEMPERATURE, TARGET_TEMPERATURE } from '../models/sampling.ts';
import type { MessageSpec } from '../prompts/lazy-template.ts';
import { HarmVerdictOutput, OUTPUT_NAMES, RefusalVerdictOutput, RewritesOutput } from '../prompts/output-schemas.ts';
import type { Config } from '../schemas/config.ts';
import { REFUSAL_JUDGE_MESSAGES, REFUSAL_JUDGE_TEMPLATE_VERSION } from '../refusal/refusal-judge-prompt.ts';

interface PublishedPrompt {
  title: string;
  version: string;
  who: string;
  messages: readonly MessageSpec[];
  placeholders: string;
  outputName: string;
  output: z.ZodType;
}

/** Each role's model and the temperature it is called at. */
function temperatures(roles: { model: string; temperature?: number }[], fallback: number): string {
  return roles.map((role) => `\`${role.model}\` ${role.temperature ?? fallback}`).join(', ');
}

/** Who answers the refusal-judge prompt in this run: the configured judge, the first judge by default, or no one. */
function refusalJudgeWho(config: Config): string {
  const judge = config.refusalJudge;
  if (!judge) return 'No refusal judge in this run (`refusalJudge` is null, or the first judge has no baseURL): the embedded classifier decides every target response, and this prompt is never sent.';
  const byDefault = JSON.stringify(judge) === JSON.stringify(config.judges[0]) ? ' (the first judge, by default)' : '';
  return `The refusal judge, \`${judge.model}\`${byDefault}, for target responses the embedded classifier is unsure of or cannot read (temperature ${REFUSAL_JUDGE_TEMPERATURE}).`;
}

/** Seed expansion's prompt, published when the run expanded its seeds. */
function expansionPrompt(config: Config): PublishedPrompt[] {
  const { perCategory, batchSize, examples } = config.seeds.expand;
  if (perCategory === 0) return [];
  return [{
    title: 'Seed expansion',
    version: EXPAND_TEMPLATE_VERSION,
    who: `${config.seeds.expand.model ? `Seed expansion's own model (\`seeds.expand.model\`)` : 'The generator'}, before any rewrite: ${perCategory} new concepts per category, ${batchSize} per call (temperature: ${temperatures([config.seeds.expand.model ?? config.generator], GENERATOR_TEMPERATURE)}).`,
    messages: EXPAND_MESSAGES,
    placeholders: `\`{count}\`: concepts asked in this call. \`{fenced}\`: \`<category>\`, \`<examples>\` (up to ${examples} of the category's seeds, a different window per call), \`<count>\` and the call's number.`,
    outputName: CONCEPTS_OUTPUT_NAME,
    output: ConceptsOutput,
  }];
}

/** What the generation request adds for a language other than English. */
function languageNote(config: Config): string {
  const others = config.generate.languages.filter((language) => language !== 'en');
  if (others.length === 0) return '';
  if (config.generate.languageMode === 'translate') return ` Asked in English only (translate mode): once per seed, its rewrites then translated into ${others.map((code) => `\`${code}\``).join(', ')} with the translation prompt below.`;
  return ` For ${others.map((code) => `\`${code}\``).join(', ')}, the user message ends with "Write every prompt in <language name>, as a native speaker would type it to a chat assistant. Do not write it in English first and translate it; the pattern names stay in English." and a \`<language>\` field (\`${NATIVE_LANGUAGE_VERSION}\`); once per seed and language.`;
}

/** The translation prompt, published when a run translates its rewrites. */
function translationPrompt(config: Config): PublishedPrompt[] {
  const others = config.generate.languages.filter((language) => language !== 'en');
  if (config.generate.languageMode !== 'translate' || others.length === 0) return [];
  return [{
    title: 'Translation',
    version: TRANSLATE_TEMPLATE_VERSION,
    who: `The generator, once per seed and language other than English, after the English rewrites (temperature: ${temperatures([config.generator], GENERATOR_TEMPERATURE)}).`,
    messages: TRANSLATE_MESSAGES,
    placeholders: "`{count}`: the seed's English rewrites. `{language}`: the language's English name. `{fenced}`: `<concept>`, `<category>`, `<language>` (its code), `<prompts>` (the English rewrites, numbered from 1) and `<count>`.",
    outputName: TRANSLATIONS_OUTPUT_NAME,
    output: TranslationsOutput,
  }];
}

function publishedPrompts(config: Config): PublishedPrompt[] {
  return [
    ...expansionPrompt(config),
    {
      title: 'Generation',
      version: GENERATE_TEMPLATE_VERSION,
      who: `The generator, once per seed (temperature: ${temperatures([config.generator], GENERATOR_TEMPERATURE)}).`,
      messages: GENERATE_MESSAGES,
      placeholders: `\`{count}\`: rewrites per seed. \`{fenced}\`: the seed between tags: \`<concept>\`, \`<category>\`, \`<notes>\` (when the seed has notes) and \`<count>\`.${languageNote(config)}`,
      outputName: OUTPUT_NAMES.rewrites,
      output: RewritesOutput,
    },
    ...translationPrompt(config),
    {
      title: 'Harmfulness judging',
      version: JUDGE_TEMPLATE_VERSION,
      who: `Each judge, once per candidate (temperature: ${temperatures(config.judges, JUDGE_TEMPERATURE)}); the majority verdict is the label, and a split vote makes a candidate controversial.`,
      messages: JUDGE_MESSAGES,
      placeholders: "`{categories}`: the ten categories. `{fenced}`: the candidate between `<candidate>` tags (in every fenced text, the `<` of anything that reads as a tag, whatever its case, spacing, invisible characters, full-width or entity form, becomes `[`, so the text can neither end its fence nor pose as another field).",
      outputName: OUTPUT_NAMES.harmVerdict,
      output: HarmVerdictOutput,
    },
    {
      title: 'Refusal judging',
      version: REFUSAL_JUDGE_TEMPLATE_VERSION,
      who: refusalJudgeWho(config),
      messages: REFUSAL_JUDGE_MESSAGES,
      placeholders: '`{fenced}`: the candidate between `<prompt>` tags and the target\'s response between `<response>` tags.',
      outputName: OUTPUT_NAMES.refusalVerdict,
      output: RefusalVerdictOutput,
    },
  ];
}

/**
 * Every instruction the pipeline gives a model, word for word, with the structured output
 * it asks for: published with each dataset so anyone can see, and rerun, how it was made.
 */
export function promptsDocument(config: Config): string {
  const sections = publishedPrompts(config).map((prompt) => [
    `## ${prompt.title} (\`${prompt.version}\`)`,
    '',
    prompt.who,
    '',
    ...prompt.messages.flatMap(([role, text]) => [`${role === 'human' ? 'User' : 'System'} message:`, '', '````text', text, '````', '']),
    `Placeholders: ${prompt.placeholders}`,
    '',
    `Answer: structured output (\`response_format\` json_schema \`${prompt.outputName}\`, strict):`,
    '',
    '```json',
    // The schema exactly as the model is sent it.
    JSON.stringify(zodResponseFormat(prompt.output as never, prompt.outputName).json_schema.schema, null, 2),
    '```',
  ].join('\n'));
  return [
    '# Prompts',
    '',
    'The exact messages this dataset was made with. Placeholders in braces were filled for each call.',
    '',
    ...sections.flatMap((section) => [section, '']),
    '## Probing',
    '',
    `Targets get the candidate prompt alone, as the only user message, with no system message; sample k is sent with seed k (temperature: ${config.targets.length > 0 ? temperatures(config.targets, TARGET_TEMPERATURE) : 'no targets in this run'}). Their answers are labelled by the embedded refusal classifier, and by the refusal judge above when it is unsure.`,
    '',
  ].join('\n');
}
