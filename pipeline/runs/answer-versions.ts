import { packageVersions } from '../dataset/versions.ts';
import { usesSimulator } from '../models/create-models.ts';
import { GENERATE_TEMPLATE_VERSION } from '../generation/generate-prompt.ts';
import { JUDGE_TEMPLATE_VERSION } from '../judging/judge-prompt.ts';
import { REFUSAL_JUDGE_TEMPLATE_VERSION } from '../refusal/refusal-judge-prompt.ts';
import { REFUSAL_CLASSIFIER_VERSION } from '../refusal/version.ts';
import type { Config } from '../schemas/config.ts';

/** The versions of this build that decide a run's answers, besides its config and seeds. */
export interface AnswerVersions {
  scarecrow: string;
  templates: { generate: string; judge: string; refusal_judge: string };
  refusal_classifier: string;
  /** The built-in simulator's, when it answers a role; null when every role has an endpoint. */
  simulator: string | null;
}

/** `simulatorVersion` is asked only when the built-in simulator answers a role; whoever starts it knows its version. */
export function answerVersions(config: Config, simulatorVersion: () => string): AnswerVersions {
  return {
    scarecrow: packageVersions().scarecrow,
    templates: { generate: GENERATE_TEMPLATE_VERSION, judge: JUDGE_TEMPLATE_VERSION, refusal_judge: REFUSAL_JUDGE_TEMPLATE_VERSION },
    refusal_classifier: REFUSAL_CLASSIFIER_VERSION,
    simulator: usesSimulator(config) ? simulatorVersion() : null,
  };
}

/** What differs between two sets of versions, as `judge template judge-v1 -> judge-v2`; empty when none does. */
export function versionChanges(before: AnswerVersions, after: AnswerVersions): string[] {
  const pairs: [string, string | null, string | null][] = [
    ['scarecrow', before.scarecrow, after.scarecrow],
    ['generate template', before.templates?.generate, after.templates.generate],
    ['judge template', before.templates?.judge, after.templates.judge],
    ['refusal judge template', before.templates?.refusal_judge, after.templates.refusal_judge],
    ['refusal classifier', before.refusal_classifier, after.refusal_classifier],
    ['simulator', before.simulator, after.simulator],
  ];
  return pairs.filter(([, was, now]) => was !== now).map(([name, was, now]) => `${name} ${was ?? 'none'} -> ${now ?? 'none'}`);
}
