import type { LanguageModel } from '../models/language-model.ts';
import { sampleTarget } from '../refusal/sample-target.ts';
import type { DatasetRecord } from '../schemas/candidate.ts';
import type { Config } from '../schemas/config.ts';

export interface TargetRefusal {
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
export async function recordedRefusal(options: { record: DatasetRecord; config: Config; targets: LanguageModel[]; refusalJudge: LanguageModel | null; signal?: AbortSignal }): Promise<TargetRefusal | null> {
  const { record, config } = options;
  for (const probe of record.probes) {
    if (probe.refusals === 0) continue;
    const index = config.targets.findIndex((role) => role.model === probe.model);
    const target = options.targets[index];
    if (!target) continue;
    for (let sample = 0; sample < probe.samples; sample += 1) {
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
        prompt: record.prompt,
        sample,
        temperature: config.targets[index]?.temperature,
        maxTokens: config.probe.maxTokens ?? undefined,
        refusalJudge: options.refusalJudge,
        minConfidence: config.probe.classifierConfidence,
        signal: options.signal,
      });
      // An empty answer counts as a refusal, but teaches nothing as a rejected answer.
      if (verdict.refusal && text.trim() !== '') return { model: probe.model, sample, text };
    }
  }
  return null;
}
