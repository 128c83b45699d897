import { toJsonl } from '../dataset/write-atomically.ts';
import { rowMetadata, type HarnessRow } from './harness-rows.ts';

/**
 * inspect_evals JSONL: `input`, `target`, `id`, `metadata` load as Samples with no
 * field mapping. The target names the behaviour a good model shows (comply or refuse),
 * as XSTest-style refusal scorers expect.
 */
export function toInspect(rows: HarnessRow[]): string {
  return toJsonl(rows.map((row) => ({ id: row.record.id, input: row.record.prompt, target: row.expected, metadata: rowMetadata(row) })));
}
