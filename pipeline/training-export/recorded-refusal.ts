import type { LanguageModel } from '../models/language-model.ts';
import { sampleTarget } from '../refusal/sample-target.ts';
import type { DatasetRecord } from '../schemas/candidate.ts';
import type { Config } from '../schemas/config.ts';

export interface TargetAnswer {
  model: string;
  sample: number;
  text: string;
}

/**
 * A target's refusal of a hard prompt, as the probe got it. The dataset keeps refusal counts,
 * not texts, so each refused sample's request is made again exactly as the probe made it
 * (sampleTarget, same seed, temperature, max_tokens and role slot): with the response cache
 * that filled during the run, that is the recorded answer, at no call. The first sample the
 * refusal cascade labels a refusal, in target and sample order, is the one returned; null
 * when none is (a real target asked afresh, without the cache, may answer this time).
 */
export async function recordedRefusal(options: { record: DatasetRecord; config: Config; targets: LanguageModel[]; refusalJudge: LanguageModel | null; signal?: AbortSignal }): Promise<TargetAnswer | null> {
  const { record, config } = options;
  for (const probe of record.probes) {
    if (probe.refusals === 0) continue;
    const index = config.targets.findIndex((role) => role.model === probe.model);
    const target = options.targets[index];
    if (!target) continue;
    for (let sample = 0; sample < probe.samples; sample += 1) {
      const answer = await askAsProbed({ ...options, prompt: record.prompt, index, sample });
      // An empty answer counts as a refusal, but teaches nothing as a rejected answer.
      if (answer.refusal && answer.text.trim() !== '') return { model: probe.model, sample, text: answer.text };
    }
  }
  return null;
}

/**
 * A target's compliance with a toxic prompt: toxic prompts are never probed, so each target
 * is asked once (sample 0, as the probe would ask), in config order, and the first answer
 * the refusal cascade reads as compliance is returned; null when every target refused.
 * The model being trained complying with a harmful request is the rejected answer that
 * teaches it most.
 */
export async function targetCompliance(options: { prompt: string; config: Config; targets: LanguageModel[]; refusalJudge: LanguageModel | null; signal?: AbortSignal }): Promise<TargetAnswer | null> {
  for (const [index, target] of options.targets.entries()) {
    const answer = await askAsProbed({ ...options, index, sample: 0 });
    if (!answer.refusal && answer.text.trim() !== '') return { model: target.id, sample: 0, text: answer.text };
  }
  return null;
}

/** One sample of a target exactly as the probe asks it (sampleTarget), with the text it answered. */
async function askAsProbed(options: { prompt: string; index: number; sample: number; config: Config; targets: LanguageModel[]; refusalJudge: LanguageModel | null; signal?: AbortSignal }): Promise<{ refusal: boolean; text: string }> {
  const { config, index } = options;
  const target = options.targets[index]!;
  let text = '';
  const recording: LanguageModel = {
    id: target.id,
    generateText: async (call) => {
      const result = await target.generateText(call);
      text = result.text;
      return result;
    },
    generateObject: (call) => target.generateObject(call),
  };
  const verdict = await sampleTarget({
    target: recording,
    prompt: options.prompt,
    sample: options.sample,
    temperature: config.targets[index]?.temperature,
    maxTokens: config.probe.maxTokens ?? undefined,
    refusalJudge: options.refusalJudge,
    minConfidence: config.probe.classifierConfidence,
    signal: options.signal,
  });
  return { refusal: verdict.refusal, text };
}
