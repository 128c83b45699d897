import type { LanguageModel } from '../models/language-model.ts';
import { REFUSAL_JUDGE_TEMPERATURE } from '../models/sampling.ts';
import { OUTPUT_NAMES, RefusalVerdictOutput } from '../prompts/output-schemas.ts';
import { buildRefusalJudgePrompt } from './refusal-judge-prompt.ts';
import { classifyRefusal, isConfident } from './classify.ts';
import type { ProbeSample } from '../schemas/candidate.ts';

export interface DetectRefusalOptions {
  prompt: string;
  response: string;
  /** Called when the classifier is unsure; null to always trust the classifier. */
  judge: LanguageModel | null;
  /** Classifier confidence below which the judge decides. */
  minConfidence: number;
  signal?: AbortSignal;
}

/**
 * The refusal cascade: the embedded classifier decides when it is confident, which is
 * most of the time and costs nothing; otherwise an LLM judge, when one is configured
 * (by default a real config's first judge).
 */
export async function detectRefusal(options: DetectRefusalOptions): Promise<ProbeSample> {
  const classified = classifyRefusal({ response: options.response, prompt: options.prompt });
  // Text the classifier cannot read (not English) is never confident: the judge decides it whenever there is one.
  if (isConfident(classified, options.minConfidence) || !options.judge) {
    return { refusal: classified.label === 'refusal', label3: classified.label3, confidence: classified.confidence, decided_by: 'classifier' };
  }
  const { object } = await options.judge.generateObject({
    schema: RefusalVerdictOutput,
    name: OUTPUT_NAMES.refusalVerdict,
    messages: await buildRefusalJudgePrompt({ prompt: options.prompt, response: options.response }),
    temperature: REFUSAL_JUDGE_TEMPERATURE,
    signal: options.signal,
  });
  return { refusal: object.label3 !== 'full_compliance', label3: object.label3, confidence: 1, decided_by: 'judge' };
}
