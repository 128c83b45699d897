import { packageVersions } from '../dataset/versions.ts';
import { usesSimulator } from '../models/create-models.ts';
import { GENERATE_TEMPLATE_VERSION } from '../generation/generate-prompt.ts';
import { JUDGE_TEMPLATE_VERSION } from '../judging/judge-prompt.ts';
import { REFUSAL_JUDGE_TEMPLATE_VERSION } from '../refusal/refusal-judge-prompt.ts';
import { REFUSAL_CLASSIFIER_VERSION } from '../refusal/version.ts';
import { LANGUAGE_CHECK_VERSION } from '../refusal/language.ts';
import type { Config } from '../schemas/config.ts';
import { MUTATE_TEMPLATE_VERSION } from '../evolution/mutate-prompt.ts';
import { configuredOperators } from '../evolution/operators.ts';

/** The versions of this build that decide a run's answers, besides its config and seeds. */
export interface AnswerVersions {
  scarecrow: string;
  templates: { generate: string; judge: string; refusal_judge: string };
  refusal_classifier: string;
  /** The built-in simulator's, when it answers a role; null when every role has an endpoint. */
  simulator: string | null;
  /** The mutation template and each configured operator's version, for a run with search rounds; absent otherwise. */
  mutate?: string;
}

/** `simulatorVersion` is asked only when the built-in simulator answers a role; whoever starts it knows its version. */
export function answerVersions(config: Config, simulatorVersion: () => string): AnswerVersions {
  return {
    scarecrow: packageVersions().scarecrow,
    templates: { generate: GENERATE_TEMPLATE_VERSION, judge: JUDGE_TEMPLATE_VERSION, refusal_judge: REFUSAL_JUDGE_TEMPLATE_VERSION },
    // The language check decides which responses the classifier defers on, so it is part of its answers.
    refusal_classifier: `${REFUSAL_CLASSIFIER_VERSION}+${LANGUAGE_CHECK_VERSION}`,
    simulator: usesSimulator(config) ? simulatorVersion() : null,
    // Only a run with rounds depends on the operators' wording, so a one-shot run's versions stay as they were.
    ...(config.evolve.rounds > 0 ? { mutate: [MUTATE_TEMPLATE_VERSION, ...configuredOperators(config.evolve.operators).map((operator) => operator.version)].join(' ') } : {}),
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
    ['mutation templates', before.mutate ?? null, after.mutate ?? null],
  ];
  return pairs.filter(([, was, now]) => was !== now).map(([name, was, now]) => `${name} ${was ?? 'none'} -> ${now ?? 'none'}`);
}
