import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { RunOutcome } from '../pipeline/dataset/run-outcome.ts';
import { UsageMeter, type RoleUsage } from '../pipeline/models/usage-meter.ts';
import { collectGenerated, collectJudged, collectProbed, harmfulRecords } from '../pipeline/runs/collect-results.ts';
import { Candidate, DatasetRecord, DuplicateRecord, JudgedCandidate } from '../pipeline/schemas/candidate.ts';
import type { Seed } from '../pipeline/schemas/seed.ts';
import type { RunKeys } from './run-keys.ts';
import type { RunSpec } from './run-spec.ts';
import { parseStored, toSettled, type StoredResult } from './stored-result.ts';

export const GenerateValue = z.object({ candidates: z.array(Candidate), emptyRewrites: z.number().int() });

/** What the dedupe job stores: the survivors in judging order and what was removed. */
export const DedupeRecord = z.object({ kept: z.array(Candidate), duplicates: z.array(DuplicateRecord), ms: z.number() });
export type DedupeRecord = z.infer<typeof DedupeRecord>;

/** The generate results of every seed, in seed order; throws when one is missing (the barrier was opened too early). */
export async function readGenerated(options: { redis: Redis; keys: RunKeys; seeds: Seed[] }) {
  const stored = await options.redis.hgetall(options.keys.generated);
  return options.seeds.map((seed) => {
    const text = stored[seed.id];
    if (!text) throw new Error(`the generate result of seed ${seed.id} is missing`);
    return { seed, stored: parseStored(text, GenerateValue) };
  });
}

/**
 * Rebuilds the run's outcome from the results stored in Redis through the same
 * collect-results functions the in-process runner uses, in the same item order, so
 * both runners account for every seed and candidate alike.
 */
export async function assembleOutcome(options: { redis: Redis; keys: RunKeys; spec: RunSpec }): Promise<{ outcome: RunOutcome; usage: Record<string, RoleUsage>; timingsMs: Record<string, number> }> {
  const { redis, keys, spec } = options;
  const stages: { name: string; results: StoredResult<unknown>[] }[] = [];
  const generatedRaw = await readGenerated({ redis, keys, seeds: spec.seeds });
  stages.push({ name: 'generate', results: generatedRaw.map((entry) => entry.stored) });
  const { candidates, failures } = collectGenerated(generatedRaw.map(({ seed, stored }) => toSettled(seed, stored)));

  const dedupeText = await redis.get(keys.deduped);
  if (!dedupeText) throw new Error('the dedupe result is missing');
  const raw = JSON.parse(dedupeText) as DedupeRecord;
  DedupeRecord.parse(raw); // checked, but used as stored so key order is kept
  const deduped = raw;

  const judgedRaw = await redis.hgetall(keys.judged);
  const judgedStored = deduped.kept.map((candidate) => {
    const text = judgedRaw[candidate.id];
    if (!text) throw new Error(`the judge result of candidate ${candidate.id} is missing`);
    return { candidate, stored: parseStored(text, JudgedCandidate) };
  });
  stages.push({ name: 'judge', results: judgedStored.map((entry) => entry.stored) });
  const judged = collectJudged(judgedStored.map(({ candidate, stored }) => toSettled(candidate, stored)), failures);

  const probedRaw = await redis.hgetall(keys.probed);
  const probedStored = judged
    .filter((candidate) => candidate.label !== 'harmful')
    .map((candidate) => {
      const text = probedRaw[candidate.id];
      if (!text) throw new Error(`the probe result of candidate ${candidate.id} is missing`);
      return { candidate, stored: parseStored(text, DatasetRecord) };
    });
  stages.push({ name: 'probe', results: probedStored.map((entry) => entry.stored) });
  const records = [...collectProbed(probedStored.map(({ candidate, stored }) => toSettled(candidate, stored)), failures), ...harmfulRecords(judged)];

  const outcome: RunOutcome = {
    seeds: spec.seeds,
    generated: candidates.length + failures.filter((failure) => failure.stage === 'generate' && failure.kind === 'candidate').length,
    records,
    duplicates: deduped.duplicates,
    failures,
  };
  const meter = new UsageMeter();
  const timingsMs: Record<string, number> = {};
  for (const stage of stages) {
    for (const result of stage.results) meter.merge(result.usage as Record<string, RoleUsage>);
    if (stage.results.length > 0) {
      timingsMs[stage.name] = Math.max(...stage.results.map((result) => result.endedAt)) - Math.min(...stage.results.map((result) => result.startedAt));
    }
    if (stage.name === 'generate') timingsMs.dedupe = Math.round(deduped.ms);
  }
  timingsMs.total = Date.now() - spec.createdAt;
  return { outcome, usage: meter.snapshot(), timingsMs };
}
