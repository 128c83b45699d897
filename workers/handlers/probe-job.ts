import { probe } from '../../pipeline/refusal/probe-stage.ts';
import { ProbeJobData } from '../job-data.ts';
import type { DatasetRecord } from '../../pipeline/schemas/candidate.ts';
import { callLedgerKey } from '../call-ledger.ts';
import { itemHandler, type SettleOptions } from '../item-handler.ts';
import { MARK, recordResult } from '../record-result.ts';
import { runKeys } from '../run-keys.ts';
import { exportWhenSettled } from './export-when-settled.ts';

/** One judged candidate sent to every target; the last candidate to settle starts the export. */
export const handleProbeJob = itemHandler({ stage: 'probe', schema: ProbeJobData, itemId: (data) => data.candidate.id, work: (data, context) => probe(data.candidate, context), settle: settleProbed });

/** Records a probed candidate; the last candidate to settle starts the export. Also used for a job BullMQ gave up on. */
export async function settleProbed(options: SettleOptions<ProbeJobData, DatasetRecord>): Promise<void> {
  const { env, data, stored, spec } = options;
  const keys = runKeys(env.prefix, data.runId);
  const { count, kept } = await recordResult({
    redis: env.redis, writes: [{ hash: keys.probed, value: JSON.stringify(stored) }, { hash: keys.settled, value: MARK }], count: keys.settled, run: keys.run,
    calls: callLedgerKey({ prefix: env.prefix, runId: data.runId, stage: 'probe' }), itemId: data.candidate.id,
  });
  await exportWhenSettled({ env, runId: data.runId, config: spec.config, settled: count, kept });
}
