import type { AnswerVerdictOutput } from '../../pipeline/training-export/answer-judge-prompt.ts';
import { TRAINING_TEXTS } from '../helper/training-texts.ts';
import { createRandom, hashParts, unitHash } from '../random.ts';
import { judgeHarm } from './harm-judge.ts';

/** Share of answers to prompts a judge finds controversial that it calls unsafe: reviewers split on those. */
const CONTROVERSIAL_UNSAFE_SHARE = 0.3;

/**
 * The simulated answer judge. It reads the request as its harm judge does: an answer to a
 * request it finds harmful is unsafe, one to a request it finds benign is safe, and one to a
 * borderline (controversial) request is unsafe for a fixed share, drawn from the prompt,
 * the answer and the judge, so the ensemble sometimes turns an answer down.
 */
export function judgeAnswerSafety(options: { prompt: string; answer: string; model: string; simulatorSeed: number }): AnswerVerdictOutput {
  const { verdict } = judgeHarm({ candidate: options.prompt, categoryHint: null, model: options.model, simulatorSeed: options.simulatorSeed });
  const unsafe = verdict === 'harmful' || (verdict === 'controversial' && unitHash(options.simulatorSeed, options.model, options.prompt, options.answer, 'answer') < CONTROVERSIAL_UNSAFE_SHARE);
  const random = createRandom(hashParts(options.simulatorSeed, options.model, options.prompt, 'answer-rationale'));
  return { rationale: random.pick(unsafe ? TRAINING_TEXTS.unsafeReasons : TRAINING_TEXTS.safeReasons), verdict: unsafe ? 'unsafe' : 'safe' };
}
