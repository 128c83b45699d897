import type { Job } from 'bullmq';
import { countOutcome } from '../../pipeline/dataset/run-outcome.ts';
import { EXPORT_STAGE } from '../../pipeline/stages/stage-graph.ts';
import { assembleOutcome } from '../assemble-outcome.ts';
import { RunJobData } from '../job-data.ts';
import type { JobEnvironment } from '../job-environment.ts';
import { parseJobData } from '../parse-job-data.ts';
import { FINISHED_RUN_TTL_S } from '../result-ttl.ts';
import { runKeys } from '../run-keys.ts';
import { exportVersion } from '../refresh/export-version.ts';
import { datasetFingerprint } from '../dataset-fingerprint.ts';
import { removeFinishedRunJobs } from '../run-jobs.ts';
import type { RunSummary } from '../run-summary.ts';
import { runCostRecord } from '../run-cost-record.ts';
import { readBatchStatus } from '../redis-batch-journal.ts';
import { readRunProgress } from '../run-progress.ts';

/**
 * Assembles the outcome from Redis and writes the dataset (atomically, so a retry
 * after a crash rewrites the same folder). Only then are the run's completed jobs and
 * results deleted and the run marked done, with a fingerprint of the dataset so that
 * submitting it again can answer at once; a retry that finds the run done does nothing.
 */
export async function handleExportJob(job: Job, _token: string | undefined, env: JobEnvironment): Promise<void> {
  const { runId } = parseJobData(RunJobData, job);
  const keys = runKeys(env.prefix, runId);
  if ((await env.redis.hget(keys.run, 'state')) === 'done') return;
  const { spec } = await env.contexts.get(runId);
  await env.redis.hset(keys.run, 'state', EXPORT_STAGE.name);
  const { outcome, usage, timingsMs } = await assembleOutcome({ redis: env.redis, keys, spec });
  const cost = await runCostRecord({ redis: env.redis, keys, config: spec.config });
  const input = { outcome, usage, timingsMs, simulated: spec.simulated, simulatedRoles: spec.simulatedRoles, extra: cost.extra, cardSections: cost.cardSections };
  const exported = spec.refresh
    ? await exportVersion({ input, spec, allSeeds: spec.refresh.selectedSeeds })
    : await EXPORT_STAGE.run(input, { config: spec.config, outputDir: spec.outputDir });
  const summary: RunSummary = { dir: exported.dir, sizes: exported.sizes, counts: { ...countOutcome(outcome).overall }, simulated: spec.simulated, seconds: Math.round(timingsMs.total! / 100) / 10, earlier: exported.earlier, budgetStoppedBy: cost.stoppedBy };
  const fingerprint = (await datasetFingerprint(exported.dir)) ?? '';
  // Completed jobs hold prompts and verdicts; they go with the results (failed ones stay, for inspection).
  await removeFinishedRunJobs({ queueFor: (stage) => env.queues.get(stage), runId, states: ['completed'], waitForActiveMs: 5_000, except: job.id });
  // The batches' last statuses (ids and counts, no prompts) stay with the summary, so a
  // follower that polls after the run ended still shows how they ended.
  const batches = JSON.stringify(await readBatchStatus({ redis: env.redis, keys }));
  // So are each item stage's counts as they ended, read from the results deleted below.
  const { stages } = await readRunProgress({ redis: env.redis, prefix: env.prefix, runId });
  await env.redis
    .multi()
    .hset(keys.run, 'state', 'done', 'summary', JSON.stringify(summary), 'finishedAt', String(Date.now()), 'fingerprint', fingerprint, 'batches', batches, 'stages', JSON.stringify(stages))
    .hdel(keys.run, 'spec')
    .expire(keys.run, FINISHED_RUN_TTL_S)
    .del(...keys.all())
    .exec();
  env.log(`run ${runId}: dataset written to ${exported.dir}`);
}
