import type { LanguageModel } from '../models/language-model.ts';
import { sampleTarget } from './sample-target.ts';
import type { DatasetRecord, JudgedCandidate, ProbeResult } from '../schemas/candidate.ts';
import type { StageContext } from '../models/stage-context.ts';
import { DEFAULT_LANGUAGE } from '../schemas/language-code.ts';

/**
 * Sends a benign or controversial candidate to every target `samples` times and
 * records how often each refuses. The candidate is hard when at least `minTargets`
 * targets refuse at or above the threshold.
 */
export async function probe(candidate: JudgedCandidate, context: StageContext): Promise<DatasetRecord> {
  const { targets } = context.models;
  const probes = await Promise.all(targets.map((target, index) => probeTarget({ candidate, target, index, context })));
  const { refusalThreshold, minTargets } = context.config.probe;
  const refusing = probes.filter((result) => result.refusal_rate >= refusalThreshold).length;
  return toRecord(candidate, { probes, hard: targets.length > 0 && refusing >= minTargets });
}

async function probeTarget(options: { candidate: JudgedCandidate; target: LanguageModel; index: number; context: StageContext }): Promise<ProbeResult> {
  const { candidate, target, index, context } = options;
  const { samples, classifierConfidence, maxTokens } = context.config.probe;
  const results = await Promise.all(
    Array.from({ length: samples }, (_, sample) =>
      sampleTarget({
        target,
        prompt: candidate.prompt,
        sample,
        temperature: context.config.targets[index]?.temperature,
        maxTokens: maxTokens ?? undefined,
        refusalJudge: context.models.refusalJudge,
        minConfidence: classifierConfidence,
        signal: context.signal,
      }),
    ),
  );
  const refusals = results.filter((result) => result.refusal).length;
  return {
    model: target.id,
    samples,
    refusals,
    refusal_rate: refusals / samples,
    decided_by: {
      classifier: results.filter((result) => result.decided_by === 'classifier').length,
      judge: results.filter((result) => result.decided_by === 'judge').length,
    },
  };
}

/** A dataset row; harmful candidates are not probed and get no probe results. */
export function toRecord(candidate: JudgedCandidate, options: { probes: ProbeResult[]; hard: boolean }): DatasetRecord {
  return {
    id: candidate.id,
    prompt: candidate.prompt,
    language: candidate.language ?? DEFAULT_LANGUAGE,
    ...(candidate.translated_from ? { translated_from: candidate.translated_from } : {}),
    category: candidate.category,
    judged_category: candidate.judged_category,
    label: candidate.label,
    hard: options.hard,
    seed: candidate.seed,
    pattern: candidate.pattern,
    generator: candidate.generator,
    votes: candidate.votes,
    probes: options.probes,
  };
}
