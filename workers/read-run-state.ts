import type { Redis } from 'ioredis';
import type { EarlierIndex } from '../pipeline/dedupe/earlier-index.ts';
import type { Settled } from '../pipeline/runs/map-with-progress.ts';
import { startRunState, type RunState } from '../pipeline/stages/run-state.ts';
import { STAGES, type StageDeclaration } from '../pipeline/stages/stage-graph.ts';
import type { RoleUsage, UsageMeter } from '../pipeline/models/usage-meter.ts';
import type { RunKeys } from './run-keys.ts';
import type { RunSpec } from './run-spec.ts';
import { releaseConsumed } from './release-consumed.ts';
import { parseStored, toSettled } from './stored-result.ts';

/** Results read from Redis in one HMGET: the stored text of a page is let go once its results are parsed. */
export const READ_PAGE_ITEMS = 1000;

/** What the results of one stage held, folded as they were read: for an item stage when its first item started and its last ended, for a barrier how long it took. */
export type StageReadBack = { stage: StageDeclaration; items: number; startedAt?: number; endedAt?: number; ms?: number };

/**
 * Rebuilds the run so far from the results stored in Redis, walking the stage graph up to
 * (not including) `until`, with each stage's own `items` and `collect`: the same functions,
 * in the same item order, as the in-process runner, so both account for every item alike.
 * Item results are read a page at a time, so the stored text of a whole stage is never held
 * next to its parsed results. With `release`, what no later stage reads is let go as soon as
 * its stage is folded in (release-consumed.ts), so a run read whole for the export holds each
 * prompt in what it writes, not in every stage the prompt went through.
 * Throws when a result is missing: the barrier that asked was opened too early.
 */
export async function readRunState(options: {
  redis: Redis;
  keys: RunKeys;
  spec: RunSpec;
  until?: string;
  against?: EarlierIndex;
  release?: boolean;
  /** Takes the usage of every item's attempt and every barrier, in the order they are read. */
  meter?: UsageMeter;
  /** Results per HMGET; READ_PAGE_ITEMS unless a test asks for pages of a few. */
  pageItems?: number;
}): Promise<{ state: RunState; stages: StageReadBack[] }> {
  const { redis, keys } = options;
  const state = startRunState({ seeds: options.spec.seeds, against: options.against });
  const stages: StageReadBack[] = [];
  for (const stage of STAGES as readonly StageDeclaration[]) {
    if (stage.name === options.until) break;
    const readBack: StageReadBack = { stage, items: 0 };
    if (stage.kind === 'item') {
      const items = stage.items(state);
      const settled: Settled<unknown, unknown>[] = [];
      const pageItems = options.pageItems ?? READ_PAGE_ITEMS;
      for (let start = 0; start < items.length; start += pageItems) {
        const page = items.slice(start, start + pageItems);
        const texts = await redis.hmget(keys.results(stage), ...page.map((item) => stage.itemId(item)));
        page.forEach((item, index) => {
          const text = texts[index];
          if (!text) throw new Error(`the ${stage.name} result of ${stage.over} ${stage.itemId(item)} is missing`);
          const result = parseStored(text, stage.output);
          options.meter?.merge(result.usage as Record<string, RoleUsage>);
          readBack.startedAt = Math.min(readBack.startedAt ?? Infinity, result.startedAt);
          readBack.endedAt = Math.max(readBack.endedAt ?? -Infinity, result.endedAt);
          settled.push(toSettled(item, result));
        });
      }
      readBack.items = items.length;
      stage.collect(settled, state);
    } else {
      const text = await redis.get(keys.results(stage));
      if (!text) throw new Error(`the ${stage.name} result is missing`);
      const raw = JSON.parse(text) as { ms: number; usage?: Record<string, RoleUsage> };
      stage.output.parse(raw); // checked, but used as stored so key order is kept
      stage.collect(raw, state);
      readBack.ms = raw.ms;
      if (raw.usage) options.meter?.merge(raw.usage);
    }
    if (options.release) releaseConsumed(stage.name, state);
    stages.push(readBack);
  }
  return { state, stages };
}
