import type { Redis } from 'ioredis';
import type { RunOutcome } from '../pipeline/dataset/run-outcome.ts';
import { UsageMeter, type RoleUsage } from '../pipeline/models/usage-meter.ts';
import { outcomeOf } from '../pipeline/stages/run-state.ts';
import { readRunState } from './read-run-state.ts';
import type { RunKeys } from './run-keys.ts';
import type { RunSpec } from './run-spec.ts';

/**
 * The run's outcome from the results stored in Redis, with the usage of every item's
 * attempt and each stage's time: an item stage from its first start to its last end,
 * a barrier as it measured itself.
 */
export async function assembleOutcome(options: { redis: Redis; keys: RunKeys; spec: RunSpec }): Promise<{ outcome: RunOutcome; usage: Record<string, RoleUsage>; timingsMs: Record<string, number> }> {
  const { state, stages } = await readRunState(options);
  const meter = new UsageMeter();
  const timingsMs: Record<string, number> = {};
  for (const { stage, results, ms, usage } of stages) {
    for (const result of results) meter.merge(result.usage as Record<string, RoleUsage>);
    // A barrier that calls models (the search rounds) stores its usage with its output.
    if (usage) meter.merge(usage);
    if (ms !== undefined) timingsMs[stage.name] = Math.round(ms);
    else if (results.length > 0) {
      timingsMs[stage.name] = Math.max(...results.map((result) => result.endedAt)) - Math.min(...results.map((result) => result.startedAt));
    }
  }
  timingsMs.total = Date.now() - options.spec.createdAt;
  return { outcome: outcomeOf(state), usage: meter.snapshot(), timingsMs };
}
