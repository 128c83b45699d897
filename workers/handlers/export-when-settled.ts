import type { Config } from '../../pipeline/schemas/config.ts';
import type { JobEnvironment } from '../job-environment.ts';

/*
 * Why a coordinator of counters rather than BullMQ flows: a flow's parent must be added
 * with its children, but a run's children appear as it goes (dedupe decides the judge
 * jobs, each judge verdict decides whether a probe job exists). Here every result is an
 * idempotent HSET under a content id, done before the job completes, and whoever sees
 * the count reach the total adds the next barrier job under a content job id. A crash
 * at any point re-runs the job, which rewrites the same result and re-checks the count,
 * so no barrier is missed and none fires twice; and it costs one round trip per job.
 */

/**
 * The export barrier: every job that settles a candidate checks the count after its
 * own write, so whichever settles last (or its retry) adds the export job; its
 * content id makes a second add a no-op.
 */
export async function exportWhenSettled(options: { env: JobEnvironment; runId: string; config: Config; settled: number; kept: string | null }): Promise<void> {
  const { env, runId, config } = options;
  if (options.kept === null || options.settled < Number(options.kept)) return;
  await env.queues.add({ stage: 'export', runId, data: { runId }, config });
}
