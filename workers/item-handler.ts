import type { Job } from 'bullmq';
import type { ItemStageDeclaration } from '../pipeline/stages/stage-graph.ts';
import { callLedgerKey } from './call-ledger.ts';
import { itemJobData } from './job-data.ts';
import type { JobEnvironment } from './job-environment.ts';
import { parseJobData } from './parse-job-data.ts';
import type { ItemStage } from './queue-names.ts';
import { failIfStoredFailure, runModelStage } from './run-model-stage.ts';
import { settleItem } from './settle-item.ts';

/**
 * The job handler of an item stage of the graph: parse the job, run the stage's function
 * on its seed or candidate, settle the stored result (record it, route it on, open the
 * next barrier), and end the job failed when the item failed for good.
 */
export function itemHandler(stage: ItemStageDeclaration): (job: Job, token: string | undefined, env: JobEnvironment) => Promise<void> {
  const schema = itemJobData(stage);
  const name = stage.name as ItemStage;
  return async (job, token, env) => {
    const data = parseJobData(schema, job);
    const item = data[stage.over];
    const { spec, models } = await env.contexts.get(data.runId);
    const stored = await runModelStage({
      job, token, env, stage: name, config: spec.config, models,
      ledger: { key: callLedgerKey({ prefix: env.prefix, runId: data.runId, stage: name }), itemId: stage.itemId(item) },
      work: (context) => stage.run(item, context),
    });
    await settleItem({ env, stage, data, stored, spec });
    failIfStoredFailure(stored);
  };
}
