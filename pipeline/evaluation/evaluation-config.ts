import { Config, type ModelRole } from '../schemas/config.ts';

/**
 * The config an evaluation's models are built from: its targets and refusal judge. Model
 * building wants a generator and a judge too; the first target fills both slots, never called,
 * with batch off so they neither send batches nor are named by the Batch API check.
 */
export function evaluationConfig(options: { targets: ModelRole[]; refusalJudge?: ModelRole | null; simulator?: Partial<Config['simulator']> }): Config {
  const unused = { ...options.targets[0]!, batch: false };
  return Config.parse({
    generator: unused,
    judges: [unused],
    targets: options.targets,
    refusalJudge: options.refusalJudge ?? null,
    ...(options.simulator ? { simulator: options.simulator } : {}),
  });
}
