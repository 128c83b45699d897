import type { Job } from 'bullmq';
import type { z } from 'zod';
import type { StageContext } from '../pipeline/stages/stage-context.ts';
import type { JobEnvironment } from './job-environment.ts';
import { parseJobData } from './parse-job-data.ts';
import type { ItemStage } from './queue-names.ts';
import { failIfStoredFailure, runModelStage } from './run-model-stage.ts';
import type { RunSpec } from './run-spec.ts';
import { callLedgerKey } from './call-ledger.ts';
import type { StoredResult } from './stored-result.ts';

export interface SettleOptions<D, R> {
  env: JobEnvironment;
  data: D;
  stored: StoredResult<R>;
  spec: RunSpec;
}

/**
 * A job handler for one seed or candidate: parse the job, run the stage function,
 * settle its stored result (record it, open the next barrier), and end the job failed
 * when the item failed for good. The stages differ only in `work` and `settle`.
 */
export function itemHandler<D extends { runId: string }, R>(options: {
  stage: ItemStage;
  schema: z.ZodType<D>;
  /** The seed's or candidate's id, which its results and call ledger are stored under. */
  itemId: (data: D) => string;
  work: (data: D, context: StageContext) => Promise<R>;
  settle: (settle: SettleOptions<D, R>) => Promise<void>;
}): (job: Job, token: string | undefined, env: JobEnvironment) => Promise<void> {
  return async (job, token, env) => {
    const data = parseJobData(options.schema, job);
    const { spec, models } = await env.contexts.get(data.runId);
    const stored = await runModelStage({
      job, token, env, stage: options.stage, config: spec.config, models,
      ledger: { key: callLedgerKey({ prefix: env.prefix, runId: data.runId, stage: options.stage }), itemId: options.itemId(data) },
      work: (context) => options.work(data, context),
    });
    await options.settle({ env, data, stored, spec });
    failIfStoredFailure(stored);
  };
}
