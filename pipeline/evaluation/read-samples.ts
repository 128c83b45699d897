import type { RefusalBasis, RefusalReason, RefusalStyle } from '../refusal/refusal-cue-data.ts';
import { refusalReason } from '../refusal/refusal-reason.ts';
import { refusalStyle } from '../refusal/refusal-style.ts';
import type { CheckpointEntry } from './evaluation-checkpoint.ts';

/** One finished sample as the summaries count it: refused or not, and how and why when refused. */
export interface ReadSample {
  refusal: boolean;
  style: RefusalStyle | null;
  reason: RefusalReason | null;
  basis: RefusalBasis | null;
}

/**
 * A model's finished samples by prompt id, each refusal with the style and reason its text
 * shows. Read here rather than when answered, so a change of cue lists needs no new calls.
 * Identical refusals are common, so each distinct text is read once.
 */
export function readSamples(entries: readonly CheckpointEntry[]): Map<string, ReadSample[]> {
  const readings = new Map<string, ReadSample>();
  const byId = new Map<string, ReadSample[]>();
  for (const entry of entries) {
    let sample: ReadSample = { refusal: false, style: null, reason: null, basis: null };
    if (entry.refusal) {
      const text = entry.response ?? '';
      sample = readings.get(text) ?? { refusal: true, style: refusalStyle(text), ...refusalReason(text) };
      readings.set(text, sample);
    }
    const list = byId.get(entry.id) ?? [];
    list.push(sample);
    byId.set(entry.id, list);
  }
  return byId;
}
