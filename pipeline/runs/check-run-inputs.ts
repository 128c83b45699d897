import { checkSimulatedBatchSupport } from '../batch-api/check-batch-support.ts';
import { isUserError, UserError } from '../errors/user-error.ts';
import { checkOutputFolder } from '../input/check-output-folder.ts';
import { resolveFromConfig, type LoadedConfig } from '../input/load-config.ts';
import { requireFile } from '../input/require-file.ts';
import { checkApiKeys } from '../models/create-models.ts';
import type { Seed } from '../schemas/seed.ts';
import { readPromptRows } from './load-against.ts';
import { selectSeeds } from './select-seeds.ts';

export interface CheckRunInputsOptions {
  loaded: LoadedConfig;
  /** The --output flag, when given; the config's output.dir otherwise. */
  outputDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Read every dedupe.against file through (validate); otherwise only check that each exists, as the run reads them next. */
  readAgainst?: boolean;
}

/**
 * Everything a run needs from the user checked before any model is called or anything
 * written: API key variables, a simulated role's batch: true with the simulator's Batch API
 * off, seed files, dedupe.against files, the output folder. Every
 * problem found is reported together, not only the first.
 */
export async function checkRunInputs(options: CheckRunInputsOptions): Promise<Seed[]> {
  const { loaded } = options;
  const { config } = loaded;
  const file = loaded.file ?? 'config';
  const problems: UserError[] = [];
  const attempt = async <T>(check: () => T | Promise<T>): Promise<T | undefined> => {
    try {
      return await check();
    } catch (error) {
      if (!isUserError(error)) throw error;
      problems.push(error);
      return undefined;
    }
  };
  await attempt(() => checkApiKeys(config, options.env, file));
  await attempt(() => checkSimulatedBatchSupport({ config, file: loaded.file ?? undefined }));
  const seeds = await attempt(() => selectSeeds(loaded));
  for (const path of config.dedupe.against) {
    const against = resolveFromConfig(loaded, path);
    await attempt(async () => {
      await requireFile(against).catch(() => {
        throw new UserError(`${file}: dedupe.against: ${against}: no such file`, { file, field: 'dedupe.against' });
      });
      if (options.readAgainst) await readPromptRows(against);
    });
  }
  const source = options.outputDir !== undefined ? '--output' : loaded.file ? `${loaded.file}: output.dir` : 'output.dir';
  await attempt(() => checkOutputFolder({ dir: options.outputDir ?? config.output.dir, name: config.name, source }));
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new UserError(`${problems.length} problems:\n${problems.map((problem) => problem.message).join('\n')}`, problems[0]!.details);
  return seeds!;
}
