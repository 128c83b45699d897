import { generate } from '../../pipeline/generation/generate-stage.ts';
import { GenerateJobData } from '../job-data.ts';
import type { GenerateOutput } from '../../pipeline/generation/generate-stage.ts';
import { callLedgerKey } from '../call-ledger.ts';
import { itemHandler, type SettleOptions } from '../item-handler.ts';
import { recordResult } from '../record-result.ts';
import { runKeys } from '../run-keys.ts';

/** One seed through the generator; the last seed to finish opens the dedupe barrier. */
export const handleGenerateJob = itemHandler({ stage: 'generate', schema: GenerateJobData, itemId: (data) => data.seed.id, work: (data, context) => generate(data.seed, context), settle: settleGenerated });

/** Records a seed's outcome; the last seed to settle opens the dedupe barrier. Also used for a job BullMQ gave up on. */
export async function settleGenerated(options: SettleOptions<GenerateJobData, GenerateOutput>): Promise<void> {
  const { env, data, stored, spec } = options;
  const keys = runKeys(env.prefix, data.runId);
  const calls = callLedgerKey({ prefix: env.prefix, runId: data.runId, stage: 'generate' });
  const { count: done } = await recordResult({ redis: env.redis, writes: [{ hash: keys.generated, value: JSON.stringify(stored) }], count: keys.generated, run: keys.run, calls, itemId: data.seed.id });
  if (done >= spec.seeds.length) await env.queues.add({ stage: 'dedupe', runId: data.runId, data: { runId: data.runId }, config: spec.config });
}
