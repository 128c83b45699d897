import { detectRefusal } from '../refusal/detect-refusal.ts';
import { TARGET_TEMPERATURE } from '../models/sampling.ts';
import type { JudgedCandidate, ProbeResult } from '../schemas/candidate.ts';
import type { StageContext } from '../models/stage-context.ts';

export interface ScreenOutput {
  /** Per target, the short samples as a probe result. */
  probes: ProbeResult[];
  /** Some target refused some short sample: worth a full probe. */
  passed: boolean;
}

/**
 * Cheap fitness before the full probe: a few short samples per target (`evolve.screen.maxTokens`,
 * enough for the classifier to see a refusal opening). A child no target refused in any of them
 * is not probed further; its screen is what its record shows. The samples use the probe's seeds
 * (0, 1, ...), so a target that answers by seed opens the full probe's samples the same way.
 */
export async function screen(child: JudgedCandidate, context: StageContext): Promise<ScreenOutput> {
  const { samples, maxTokens } = context.config.evolve.screen;
  const probes = await Promise.all(
    context.models.targets.map(async (target, index): Promise<ProbeResult> => {
      const temperature = context.config.targets[index]?.temperature ?? TARGET_TEMPERATURE;
      const results = await Promise.all(
        Array.from({ length: samples }, async (_, sample) => {
          const { text } = await target.generateText({ messages: [{ role: 'user', content: child.prompt }], temperature, seed: sample, maxTokens, signal: context.signal });
          // The classifier alone: the refusal judge is for the full probe's unsure cases, not for ordering work.
          return detectRefusal({ prompt: child.prompt, response: text, judge: null, minConfidence: 0, signal: context.signal });
        }),
      );
      const refusals = results.filter((result) => result.refusal).length;
      return { model: target.id, samples, refusals, refusal_rate: refusals / samples, decided_by: { classifier: samples, judge: 0 } };
    }),
  );
  return { probes, passed: probes.some((probe) => probe.refusals > 0) };
}
