import type { Redis } from 'ioredis';
import type { EarlierIndex } from '../pipeline/dedupe/earlier-index.ts';
import { startRunState, type RunState } from '../pipeline/stages/run-state.ts';
import { STAGES, type StageDeclaration } from '../pipeline/stages/stage-graph.ts';
import type { RoleUsage } from '../pipeline/models/usage-meter.ts';
import type { RunKeys } from './run-keys.ts';
import type { RunSpec } from './run-spec.ts';
import { parseStored, toSettled, type StoredResult } from './stored-result.ts';

/** What the results of one stage held: for an item stage every item's stored result, for a barrier how long it took. */
export type StageReadBack = { stage: StageDeclaration; results: StoredResult<unknown>[]; ms?: number; usage?: Record<string, RoleUsage> };

/**
 * Rebuilds the run so far from the results stored in Redis, walking the stage graph up to
 * (not including) `until`, with each stage's own `items` and `collect`: the same functions,
 * in the same item order, as the in-process runner, so both account for every item alike.
 * Throws when a result is missing: the barrier that asked was opened too early.
 */
export async function readRunState(options: { redis: Redis; keys: RunKeys; spec: RunSpec; until?: string; against?: EarlierIndex }): Promise<{ state: RunState; stages: StageReadBack[] }> {
  const { redis, keys } = options;
  const state = startRunState({ seeds: options.spec.seeds, against: options.against });
  const stages: StageReadBack[] = [];
  for (const stage of STAGES as readonly StageDeclaration[]) {
    if (stage.name === options.until) break;
    if (stage.kind === 'item') {
      const items = stage.items(state);
      const stored = items.length > 0 ? await redis.hgetall(keys.results(stage)) : {};
      const results = items.map((item) => {
        const id = stage.itemId(item);
        const text = stored[id];
        if (!text) throw new Error(`the ${stage.name} result of ${stage.over} ${id} is missing`);
        return parseStored(text, stage.output);
      });
      stage.collect(items.map((item, index) => toSettled(item, results[index]!)), state);
      stages.push({ stage, results });
    } else {
      const text = await redis.get(keys.results(stage));
      if (!text) throw new Error(`the ${stage.name} result is missing`);
      const raw = JSON.parse(text) as { ms: number; usage?: Record<string, RoleUsage> };
      stage.output.parse(raw); // checked, but used as stored so key order is kept
      stage.collect(raw, state);
      stages.push({ stage, results: [], ms: raw.ms, usage: raw.usage });
    }
  }
  return { state, stages };
}
