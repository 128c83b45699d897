import { simulatedRoles } from '../models/create-models.ts';
import { redactUrl } from '../models/openai-model.ts';
import type { RoleUsage } from '../models/usage-meter.ts';
import { GENERATE_TEMPLATE_VERSION } from '../generation/generate-prompt.ts';
import { JUDGE_TEMPLATE_VERSION } from '../judging/judge-prompt.ts';
import { REFUSAL_JUDGE_TEMPLATE_VERSION } from '../refusal/refusal-judge-prompt.ts';
import { REFUSAL_CLASSIFIER_VERSION } from '../refusal/classify.ts';
import type { Config, ModelRole } from '../schemas/config.ts';
import { countOutcome, type RunOutcome, type StageCounts } from './run-outcome.ts';
import { packageVersions } from './versions.ts';

export interface Manifest {
  name: string;
  created_at: string;
  simulated: boolean;
  /** The roles a simulator answered (e.g. `judges[1]`): the built-in one or a standalone `scarecrow sim`; absent in manifests of older versions. */
  simulated_roles?: string[];
  versions: Record<string, string>;
  templates: Record<string, string>;
  refusal_classifier: string;
  config: unknown;
  counts: StageCounts & { generated: number };
  by_category: Record<string, StageCounts>;
  usage: Record<string, RoleUsage>;
  cost_usd: number | null;
  timings_ms: Record<string, number>;
  extra: Record<string, unknown>;
}

/** What a runner knows of a finished run besides its config: the outcome, what it cost and took, and who was simulated. */
export interface RunFacts {
  outcome: RunOutcome;
  usage: Record<string, RoleUsage>;
  timingsMs: Record<string, number>;
  simulated: boolean;
  /** The simulated roles, as the runner found them (standalone `scarecrow sim` endpoints included); those with no baseURL when omitted. */
  simulatedRoles?: string[];
  /** Further sections other parts add (diversity, dedupe figures, refresh changes). */
  extra?: Record<string, unknown>;
}

export interface BuildManifestOptions extends RunFacts {
  config: Config;
  now?: Date;
}

/** The run's record: what was asked (config without secrets), with what, and what came of it. */
export function buildManifest(options: BuildManifestOptions): Manifest {
  const { overall, byCategory } = countOutcome(options.outcome);
  const costs = Object.values(options.usage).map((usage) => usage.costUsd);
  return {
    name: options.config.name,
    created_at: (options.now ?? new Date()).toISOString(),
    simulated: options.simulated,
    simulated_roles: options.simulatedRoles ?? simulatedRoles(options.config),
    versions: packageVersions(),
    templates: { generate: GENERATE_TEMPLATE_VERSION, judge: JUDGE_TEMPLATE_VERSION, refusal_judge: REFUSAL_JUDGE_TEMPLATE_VERSION },
    refusal_classifier: REFUSAL_CLASSIFIER_VERSION,
    config: redactConfig(options.config),
    counts: { ...overall, generated: options.outcome.generated },
    by_category: byCategory,
    usage: options.usage,
    cost_usd: costs.length > 0 && costs.every((cost) => cost !== null) ? round((costs as number[]).reduce((a, b) => a + b, 0)) : null,
    timings_ms: options.timingsMs,
    extra: options.extra ?? {},
  };
}

/**
 * The config as recorded: keys never live in it (only the names of their variables),
 * but a base URL can carry credentials or tokens in its user part or query, so those go.
 */
export function redactConfig(config: Config): Config {
  const role = (model: ModelRole): ModelRole => (model.baseURL ? { ...model, baseURL: redactUrl(model.baseURL) } : model);
  return {
    ...config,
    generator: role(config.generator),
    judges: config.judges.map(role),
    targets: config.targets.map(role),
    refusalJudge: config.refusalJudge ? role(config.refusalJudge) : null,
    ...(config.seeds.expand.model ? { seeds: { ...config.seeds, expand: { ...config.seeds.expand, model: role(config.seeds.expand.model) } } } : {}),
  };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
