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
 * a barrier as it measured itself. Read for the export only, so each stage's input is let
 * go once no later stage reads it.
 */
export async function assembleOutcome(options: { redis: Redis; keys: RunKeys; spec: RunSpec }): Promise<{ outcome: RunOutcome; usage: Record<string, RoleUsage>; timingsMs: Record<string, number> }> {
  const meter = new UsageMeter();
  const { state, stages } = await readRunState({ ...options, meter, release: true });
  const timingsMs: Record<string, number> = {};
  for (const { stage, items, startedAt, endedAt, ms } of stages) {
    if (ms !== undefined) timingsMs[stage.name] = Math.round(ms);
    else if (items > 0) timingsMs[stage.name] = endedAt! - startedAt!;
  }
  timingsMs.total = Date.now() - options.spec.createdAt;
  return { outcome: outcomeOf(state), usage: meter.snapshot(), timingsMs };
}
