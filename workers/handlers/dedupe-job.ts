import type { Job } from 'bullmq';
import { performance } from 'node:perf_hooks';
import { EarlierIndex } from '../../pipeline/dedupe/earlier-index.ts';
import { collectGenerated } from '../../pipeline/runs/collect-results.ts';
import { dedupe } from '../../pipeline/dedupe/dedupe-stage.ts';
import { readGenerated, type DedupeRecord } from '../assemble-outcome.ts';
import { DedupeJobData } from '../job-data.ts';
import type { JobEnvironment } from '../job-environment.ts';
import { parseJobData } from '../parse-job-data.ts';
import { RESULT_TTL_MS } from '../result-ttl.ts';
import { runKeys } from '../run-keys.ts';
import type { RunSpec } from '../run-spec.ts';
import { toSettled } from '../stored-result.ts';
import { exportWhenSettled } from './export-when-settled.ts';

/**
 * The barrier after generation, as one job: dedupe needs every candidate at once
 * (it keeps the smallest id of each group). Its result is deterministic, so a
 * retried dedupe job stores the same survivors and adds the same judge job ids.
 */
export async function handleDedupeJob(job: Job, _token: string | undefined, env: JobEnvironment): Promise<void> {
  const { runId } = parseJobData(DedupeJobData, job);
  const { spec, models } = await env.contexts.get(runId);
  const keys = runKeys(env.prefix, runId);
  const started = performance.now();
  const generated = await readGenerated({ redis: env.redis, keys, seeds: spec.seeds });
  const { candidates } = collectGenerated(generated.map(({ seed, stored }) => toSettled(seed, stored)));
  const { kept, duplicates } = await dedupe({ candidates, against: await againstIndex(spec) }, { config: spec.config, models });
  const record: DedupeRecord = { kept, duplicates, ms: performance.now() - started };
  await env.redis.multi().set(keys.deduped, JSON.stringify(record), 'PX', RESULT_TTL_MS).hset(keys.run, 'kept', String(kept.length)).exec();

  // Candidates already judged (this job is a retry) need no second judge job.
  const judged = new Set(await env.redis.hkeys(keys.judged));
  const toJudge = kept.filter((candidate) => !judged.has(candidate.id));
  await env.queues.addMany({ stage: 'judge', runId, items: toJudge.map((candidate) => ({ itemId: candidate.id, data: { runId, candidate } })), config: spec.config });
  await exportWhenSettled({ env, runId, config: spec.config, settled: await env.redis.hlen(keys.settled), kept: String(kept.length) });
}

async function againstIndex(spec: RunSpec): Promise<EarlierIndex | undefined> {
  if (spec.against.length === 0) return undefined;
  const index = EarlierIndex.empty();
  for (const source of spec.against) await index.add({ items: source.items, source: source.source });
  return index;
}
