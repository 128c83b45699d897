import { join } from 'node:path';
import type { Dataset } from '../dataset/read-dataset.ts';
import { UserError } from '../errors/user-error.ts';
import { describeIssue } from '../input/describe-issue.ts';
import type { LoadedConfig } from '../input/load-config.ts';
import { Config, type ModelRole } from '../schemas/config.ts';
import type { TrainingFormat } from './training-formats.ts';

/** Who a training export calls: the helpful model, and the run's own judges, targets and refusal judge. */
export interface TrainingSetup {
  /** The run's config as its manifest records it: judges, judge rule, targets, probe settings, simulator seed. */
  run: Config;
  helper: ModelRole;
  /** Where the response cache is read from: the given config's cache settings, else the run's. */
  cache: Config['cache'];
  /** Every role the export may call, named as errors name them. */
  roles: { name: string; role: ModelRole }[];
}

/**
 * The helpful model comes from `helper` in --config, or from the run's config when the run
 * named one; its answers are judged by the run's judges and set against the run's targets,
 * both as the manifest records them (with the names of their key variables, never keys).
 * No helper anywhere is bad input: the message names the field and how to set it.
 */
export function trainingSetup(options: { dataset: Dataset; format: TrainingFormat; loaded?: LoadedConfig | null }): TrainingSetup {
  const manifestFile = join(options.dataset.dir, 'manifest.json');
  const parsed = Config.safeParse(options.dataset.manifest.config);
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error.issues[0]!);
    throw new UserError(`${manifestFile}: config.${field}: ${message} (the run's recorded config, whose judges and targets a training export uses)`, { file: manifestFile, field: `config.${field}` });
  }
  const run = parsed.data;
  const helper = options.loaded?.config.helper ?? run.helper ?? null;
  if (!helper) {
    const where = options.loaded?.file ? `${options.loaded.file}: helper: not set` : 'no --config names a helper';
    throw new UserError(
      `export --format ${options.format} needs a helpful model to write its answers, and ${where} (nor does the run's config in ${manifestFile}): add "helper": {"model": "...", "baseURL": "...", "apiKeyEnv": "..."} to a config file and pass it with --config (or "helper": {"model": "sim-helper"} for the built-in simulator)`,
      { field: 'helper', ...(options.loaded?.file ? { file: options.loaded.file } : {}) },
    );
  }
  const roles = [
    { name: `helper ${helper.model}`, role: helper },
    ...run.judges.map((role, index) => ({ name: `judges[${index}] ${role.model}`, role })),
    ...run.targets.map((role, index) => ({ name: `targets[${index}] ${role.model}`, role })),
    ...(run.refusalJudge ? [{ name: `refusalJudge ${run.refusalJudge.model}`, role: run.refusalJudge }] : []),
  ];
  return { run, helper, cache: options.loaded?.file ? options.loaded.config.cache : run.cache, roles };
}
