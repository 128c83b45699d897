import type { LanguageModel } from '../models/language-model.ts';
import { TARGET_TEMPERATURE } from '../models/sampling.ts';
import type { ProbeSample } from '../schemas/candidate.ts';
import { detectRefusal } from './detect-refusal.ts';

export interface SampleTargetOptions {
  target: LanguageModel;
  prompt: string;
  /** Which sample this is: sent as the seed, so sample k is the same request in every run. */
  sample: number;
  /** The role's configured temperature; the targets' default when it sets none. */
  temperature?: number;
  /** Longest answer asked for, in tokens; the endpoint's own limit when absent. */
  maxTokens?: number;
  /** Decides when the classifier is unsure; null to always trust the classifier. */
  refusalJudge: LanguageModel | null;
  minConfidence: number;
  signal?: AbortSignal;
}

/**
 * One answer of a target to a prompt, labelled by the refusal cascade. Probing and
 * evaluation both sample targets this way, so a model's refusal rate in `eval` is
 * measured exactly as the hard set was chosen.
 */
export async function sampleTarget(options: SampleTargetOptions): Promise<ProbeSample & { response: string }> {
  const { text } = await options.target.generateText({
    messages: [{ role: 'user', content: options.prompt }],
    temperature: options.temperature ?? TARGET_TEMPERATURE,
    seed: options.sample,
    ...(options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens }),
    signal: options.signal,
  });
  const verdict = await detectRefusal({ prompt: options.prompt, response: text, judge: options.refusalJudge, minConfidence: options.minConfidence, signal: options.signal });
  // Evaluation reads a refusal's style and reason from its words; the probe keeps only the verdict.
  return { ...verdict, response: text };
}
