import type { LanguageModel } from '../models/language-model.ts';
import { detectRefusal } from '../refusal/detect-refusal.ts';
import type { Config, ModelRole } from '../schemas/config.ts';
import { HELPER_TEMPERATURE, helpfulMessages, type AnswerMode } from './helpful-prompt.ts';
import { judgeAnswer } from './judge-answer.ts';
import { recordedRefusal, targetCompliance } from './recorded-refusal.ts';

/** The models a training export calls, with the configs they were built from. */
export interface TrainingModels {
  helper: LanguageModel;
  helperRole: ModelRole;
  judges: LanguageModel[];
  targets: LanguageModel[];
  refusalJudge: LanguageModel | null;
  /** The run's config: judge rule, judges' and targets' settings, probe settings. */
  run: Config;
}

/** An answer, or why there is none fit for training. */
export type Answer = { ok: true; text: string } | { ok: false; reason: string };

/**
 * The helpful model's answer in one mode, checked by the run's refusal cascade: a "compliant"
 * answer that refuses, or a "refusal" that complies, would teach the opposite of its label.
 * Sample 0 at a fixed seed, so the same prompt asks the same request (and hits the cache).
 */
export async function helpfulAnswer(options: { models: TrainingModels; prompt: string; mode: AnswerMode; signal?: AbortSignal }): Promise<Answer> {
  const { models, prompt, mode } = options;
  const { text } = await models.helper.generateText({
    messages: helpfulMessages({ prompt, mode }),
    temperature: models.helperRole.temperature ?? HELPER_TEMPERATURE,
    seed: 0,
    signal: options.signal,
  });
  if (text.trim() === '') return { ok: false, reason: 'the helpful model gave an empty answer' };
  const verdict = await detectRefusal({ prompt, response: text, judge: models.refusalJudge, minConfidence: models.run.probe.classifierConfidence, signal: options.signal });
  if (mode !== 'refuse' && verdict.refusal) return { ok: false, reason: 'the helpful model refused' };
  if (mode === 'refuse' && !verdict.refusal) return { ok: false, reason: 'the helpful model did not refuse' };
  return { ok: true, text };
}

/** A compliant answer to a hard prompt that the run's judges find safe to give. */
export async function safeCompliance(options: { models: TrainingModels; prompt: string; signal?: AbortSignal }): Promise<Answer> {
  const answer = await helpfulAnswer({ ...options, mode: 'comply' });
  if (!answer.ok) return answer;
  const { models } = options;
  const judgement = await judgeAnswer({ prompt: options.prompt, answer: answer.text, judges: models.judges, roles: models.run.judges, rule: models.run.judge.rule, signal: options.signal });
  return judgement.safe ? answer : { ok: false, reason: 'the judges found the answer unsafe' };
}

/** The target's recorded refusal of a hard prompt. */
export async function targetRefusal(options: { models: TrainingModels; record: Parameters<typeof recordedRefusal>[0]['record']; signal?: AbortSignal }): Promise<Answer> {
  const { models } = options;
  const refusal = await recordedRefusal({ record: options.record, config: models.run, targets: models.targets, refusalJudge: models.refusalJudge, signal: options.signal });
  return refusal ? { ok: true, text: refusal.text } : { ok: false, reason: 'no target refusal was found again' };
}

/**
 * The compliant (rejected) side of a toxic prompt: a target's own compliance when one gives
 * it, else the helpful model's plain answer, when it gives one.
 */
export async function toxicCompliance(options: { models: TrainingModels; prompt: string; signal?: AbortSignal }): Promise<Answer> {
  const { models } = options;
  const target = await targetCompliance({ prompt: options.prompt, config: models.run, targets: models.targets, refusalJudge: models.refusalJudge, signal: options.signal });
  if (target) return { ok: true, text: target.text };
  const answer = await helpfulAnswer({ ...options, mode: 'answer' });
  return answer.ok ? answer : { ok: false, reason: 'neither a target nor the helpful model complied' };
}
