import type { Job } from 'bullmq';
import { probe } from '../../pipeline/stages/probe.ts';
import { ProbeJobData } from '../job-data.ts';
import type { RunSpec } from '../run-spec.ts';
import type { StoredResult } from '../stored-result.ts';
import type { DatasetRecord } from '../../pipeline/schemas/candidate.ts';
import type { JobEnvironment } from '../job-environment.ts';
import { parseJobData } from '../parse-job-data.ts';
import { recordResult } from '../record-result.ts';
import { runKeys } from '../run-keys.ts';
import { failIfStoredFailure, runModelStage } from '../run-model-stage.ts';
import { modelAttemptsFor } from '../run-spec.ts';
import { exportWhenSettled } from './export-when-settled.ts';

/** One judged candidate sent to every target; the last candidate to settle starts the export. */
export async function handleProbeJob(job: Job, token: string | undefined, env: JobEnvironment): Promise<void> {
  const data = parseJobData(ProbeJobData, job);
  const { spec, models } = await env.contexts.get(data.runId);
  const stored = await runModelStage({
    job, token, env, stage: 'probe', config: spec.config, models,
    modelAttempts: modelAttemptsFor(spec.config, 'probe'),
    work: (context) => probe(data.candidate, context),
  });
  await settleProbed({ env, data, stored, spec });
  failIfStoredFailure(stored);
}

/** Records a probed candidate; the last candidate to settle starts the export. Also used for a job BullMQ gave up on. */
export async function settleProbed(options: { env: JobEnvironment; data: ProbeJobData; stored: StoredResult<DatasetRecord>; spec: RunSpec }): Promise<void> {
  const { env, data, stored, spec } = options;
  const keys = runKeys(env.prefix, data.runId);
  const { count, kept } = await recordResult({ redis: env.redis, results: keys.probed, mark: keys.settled, count: keys.settled, run: keys.run, itemId: data.candidate.id, stored });
  await exportWhenSettled({ env, runId: data.runId, config: spec.config, settled: count, kept });
}
