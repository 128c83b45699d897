import type { Failure, JudgedCandidate } from '../schemas/candidate.ts';
import type { Config } from '../schemas/config.ts';

/** Whether a judged candidate goes on to the targets. Harmful ones go to the toxic set unprobed: refusing them is what a model should do. */
export function isProbed(candidate: JudgedCandidate): boolean {
  return candidate.label !== 'harmful';
}

/** Whether probing calls any model: a run without targets probes with no call, so a runner need not give it work of its own. */
export function probeCallsModel(config: Config): boolean {
  return config.targets.length > 0;
}

/** Candidates the generator returned, before dedupe: the ones kept as candidates plus the empty rewrites recorded as failures. */
export function generatedCount(options: { candidates: number; failures: Failure[] }): number {
  return options.candidates + options.failures.filter((failure) => failure.stage === 'generate' && failure.kind === 'candidate').length;
}
