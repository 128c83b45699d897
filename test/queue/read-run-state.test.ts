import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageMeter } from '../../pipeline/models/usage-meter.ts';
import { Config } from '../../pipeline/schemas/config.ts';
import type { Candidate } from '../../pipeline/schemas/candidate.ts';
import type { Seed } from '../../pipeline/schemas/seed.ts';
import { stageNamed } from '../../pipeline/stages/stage-graph.ts';
import { readRunState } from '../../workers/read-run-state.ts';
import { runKeys } from '../../workers/run-keys.ts';
import type { RunSpec } from '../../workers/run-spec.ts';
import { deletePrefix, REDIS_URL, testPrefix } from './support.ts';

const SEEDS: Seed[] = Array.from({ length: 5 }, (_, index) => ({ id: `violence-00${index + 1}`, concept: `concept ${index + 1}`, category: 'violence' }));
const candidateOf = (seed: Seed): Candidate => ({ id: `p-${seed.id}`, prompt: `a prompt about ${seed.concept}`, seed: { id: seed.id, concept: seed.concept, category: seed.category }, pattern: null, generator: { model: 'sim-generator', template: 't' } });
const usage = { generator: { calls: 1, failedCalls: 0, promptTokens: 10, completionTokens: 5, costUsd: null } };

describe('reading a run back from Redis', () => {
  const prefix = testPrefix();
  const redis = new Redis(REDIS_URL);
  afterEach(async () => {
    await deletePrefix(prefix);
    redis.disconnect();
  });

  it('reads item results a page at a time, in item order, folds their usage and times, and lets go of what the export no longer reads', async () => {
    const keys = runKeys(prefix, 'run1');
    const spec = { runId: 'run1', createdAt: 0, config: Config.parse({}), seeds: SEEDS, against: [], outputDir: '/nowhere', simulated: true, refresh: null } as RunSpec;
    await redis.set(keys.results(stageNamed('expand')!), JSON.stringify({ seeds: [], summary: null, failures: [], ms: 3 }));
    // Stored out of order: the order read back is the items', not the hash's.
    for (const [index, seed] of [...SEEDS.entries()].reverse()) {
      const stored = { ok: true, value: { candidates: [candidateOf(seed)], emptyRewrites: 0 }, usage, startedAt: 1000 + index, endedAt: 2000 + index };
      await redis.hset(keys.results(stageNamed('generate')!), seed.id, JSON.stringify(stored));
    }
    await redis.set(keys.results(stageNamed('dedupe')!), JSON.stringify({ kept: SEEDS.map(candidateOf), duplicates: [], ms: 7 }));

    const meter = new UsageMeter();
    const { state, stages } = await readRunState({ redis, keys, spec, until: 'judge', meter, pageItems: 2, release: true });
    expect(state.kept.map((candidate) => candidate.id)).toEqual(SEEDS.map((seed) => `p-${seed.id}`));
    expect(meter.snapshot().generator!.calls).toBe(5);
    expect(stages.map(({ stage, items, startedAt, endedAt, ms }) => [stage.name, items, startedAt, endedAt, ms])).toEqual([
      ['expand', 0, undefined, undefined, 3],
      ['generate', 5, 1000, 2004, undefined],
      ['dedupe', 0, undefined, undefined, 7],
    ]);
    // Released after dedupe: their number stays for the outcome, the candidates themselves go.
    expect(state.candidates.length).toBe(5);
    expect(state.candidates.filter(Boolean)).toEqual([]);
    // Without release, a barrier job reads them as they were.
    const { state: whole } = await readRunState({ redis, keys, spec, until: 'judge', pageItems: 2 });
    expect(whole.candidates.map((candidate) => candidate.seed.id)).toEqual(SEEDS.map((seed) => seed.id));

    await redis.hdel(keys.results(stageNamed('generate')!), 'violence-004');
    await expect(readRunState({ redis, keys, spec, until: 'judge', pageItems: 2 })).rejects.toThrow('the generate result of seed violence-004 is missing');
  });
});
