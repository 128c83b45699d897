import { OUTPUT_NAMES } from '../pipeline/prompts/output-schemas.ts';
import { allText, lastUserText, readTag, schemaName, type ChatRequest } from './chat-request.ts';
import { simulateRewrites } from './generator/rewrites.ts';
import { simulateMutations } from './generator/mutations.ts';
import { MUTATIONS_OUTPUT_NAME } from '../pipeline/evolution/mutation-output.ts';
import { CONCEPTS_OUTPUT_NAME } from '../pipeline/expansion/concepts-output.ts';
import { simulateConcepts } from './generator/concepts.ts';
import { TRANSLATIONS_OUTPUT_NAME } from '../pipeline/generation/translations-output.ts';
import { readNumberedPrompts, simulateTranslations } from './generator/translations.ts';
import { simulateLanguageRewrites } from './generator/language-rewrites.ts';
import { OperatorName } from '../pipeline/schemas/evolve.ts';
import { guessCategory, readCategory } from './judge/guess-category.ts';
import { judgeHarm } from './judge/harm-judge.ts';
import { judgeRefusal } from './judge/refusal-judge.ts';
import type { Random } from './random.ts';
import { SimulatorHttpError } from './simulator-http-error.ts';
import { answerAsTarget } from './target/target.ts';
import { judgeForeignResponse } from './target/foreign-answer.ts';
import { answerAsHelper, helperMode } from './helper/helpful-answer.ts';
import { judgeAnswerSafety } from './judge/answer-judge.ts';
import { ANSWER_VERDICT_OUTPUT_NAME } from '../pipeline/training-export/answer-judge-prompt.ts';

const DEFAULT_REWRITE_COUNT = 5;
const MAX_REWRITE_COUNT = 50;

/** A tag from the last user message, or from anywhere in the conversation. */
function tag(request: ChatRequest, name: string): string | null {
  return readTag(lastUserText(request), name) ?? readTag(allText(request), name);
}

function rewriteCount(value: string | null): number {
  const parsed = Number.parseInt(value ?? '', 10);
  if (!Number.isFinite(parsed) || parsed < 1) return DEFAULT_REWRITE_COUNT;
  return Math.min(parsed, MAX_REWRITE_COUNT);
}

/** The content of one simulated answer. Throws SimulatorHttpError for a schema no role answers. */
export function answerContent(request: ChatRequest, context: { simulatorSeed: number; random: Random }): string {
  const schema = schemaName(request);
  if (schema === null) {
    const mode = helperMode(request);
    if (mode !== null) return answerAsHelper({ prompt: lastUserText(request), mode, random: context.random });
    return answerAsTarget({ prompt: lastUserText(request), model: request.model, simulatorSeed: context.simulatorSeed, random: context.random });
  }
  if (schema === OUTPUT_NAMES.rewrites) {
    // Without tags, the whole user message stands in for the concept.
    const concept = tag(request, 'concept') ?? lastUserText(request).slice(0, 200);
    const category = readCategory(tag(request, 'category')) ?? guessCategory(concept) ?? 'harmful';
    const language = tag(request, 'language');
    const rewrites = language && language !== 'en'
      ? simulateLanguageRewrites({ language, category, count: rewriteCount(tag(request, 'count')), random: context.random })
      : simulateRewrites({ concept, category, count: rewriteCount(tag(request, 'count')), random: context.random });
    return JSON.stringify({ rewrites: rewrites.map(({ prompt, pattern }) => ({ prompt, pattern })) });
  }
  if (schema === TRANSLATIONS_OUTPUT_NAME) {
    const category = readCategory(tag(request, 'category')) ?? 'harmful';
    const prompts = readNumberedPrompts(tag(request, 'prompts') ?? '');
    return JSON.stringify({ translations: simulateTranslations({ language: tag(request, 'language') ?? 'de', category, prompts }) });
  }
  if (schema === CONCEPTS_OUTPUT_NAME) {
    const category = readCategory(tag(request, 'category')) ?? 'harmful';
    const examples = (tag(request, 'examples') ?? '').split('\n').map((line) => line.replace(/^- /, '').trim()).filter((line) => line !== '');
    return JSON.stringify({ concepts: simulateConcepts({ category, examples, count: rewriteCount(tag(request, 'count')), random: context.random }).map((concept) => ({ concept })) });
  }
  if (schema === MUTATIONS_OUTPUT_NAME) {
    const operator = OperatorName.safeParse(tag(request, 'operator'));
    const parent = tag(request, 'parent');
    if (!operator.success || parent === null) {
      throw new SimulatorHttpError(400, 'A mutations request needs an <operator> tag naming a known operator and a <parent> tag.', { type: 'invalid_request_error', code: 'bad_mutation' });
    }
    const children = simulateMutations({ operator: operator.data, parent, partner: tag(request, 'partner'), concept: tag(request, 'concept') ?? parent, count: rewriteCount(tag(request, 'count')), random: context.random });
    return JSON.stringify({ children });
  }
  if (schema === OUTPUT_NAMES.harmVerdict) {
    const candidate = tag(request, 'candidate') ?? lastUserText(request);
    return JSON.stringify(judgeHarm({ candidate, categoryHint: tag(request, 'category'), model: request.model, simulatorSeed: context.simulatorSeed }));
  }
  if (schema === OUTPUT_NAMES.refusalVerdict) {
    const response = tag(request, 'response') ?? lastUserText(request);
    return JSON.stringify(judgeForeignResponse(response) ?? judgeRefusal({ response }));
  }
  if (schema === ANSWER_VERDICT_OUTPUT_NAME) {
    const prompt = tag(request, 'prompt') ?? lastUserText(request);
    return JSON.stringify(judgeAnswerSafety({ prompt, answer: tag(request, 'response') ?? '', model: request.model, simulatorSeed: context.simulatorSeed }));
  }
  const known = [...Object.values(OUTPUT_NAMES), MUTATIONS_OUTPUT_NAME, CONCEPTS_OUTPUT_NAME, TRANSLATIONS_OUTPUT_NAME, ANSWER_VERDICT_OUTPUT_NAME].join(', ');
  throw new SimulatorHttpError(400, `The simulator has no role for response_format json_schema '${schema}'; it answers ${known}.`, {
    type: 'invalid_request_error',
    code: 'unknown_schema',
    param: 'response_format',
  });
}

