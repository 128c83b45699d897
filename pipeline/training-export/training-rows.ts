import type { Dataset } from '../dataset/read-dataset.ts';
import type { DatasetRecord } from '../schemas/candidate.ts';
import { helpfulAnswer, safeCompliance, targetRefusal, toxicCompliance, type TrainingModels } from './training-answers.ts';
import { dpoRow, sftRow, type DpoRow, type SftRow, type TrainingFormat } from './training-formats.ts';

/** How one of the dataset's configs fared: prompts considered, rows written, and why the rest were not. */
export interface ConfigTally {
  prompts: number;
  rows: number;
  /** Prompts left out, by reason (an answer judged unsafe, a helpful model that refused, a failed call). */
  skipped: Record<string, number>;
}

export interface TrainingRows {
  rows: (SftRow | DpoRow)[];
  hard: ConfigTally;
  /** dpo only: the toxic prompts, paired the other way round. */
  toxic: ConfigTally | null;
  /** Calls that failed after their retries, with the first error; a rerun tries them again (failures are never cached). */
  failed: number;
  firstError: string | null;
}

type Built = { row: SftRow | DpoRow } | { skipped: string } | { failed: string };

/**
 * The rows of a training export, in the dataset's order (by id): for sft each hard prompt with
 * a safe compliant answer; for dpo also its target's refusal as the rejected side, then each
 * toxic prompt with a refusal chosen over a compliant answer (a target's, else the helpful
 * model's), so training away over-refusal
 * does not train away refusing what should be refused. A prompt with no fit answer is counted
 * under its reason, never dropped silently.
 */
export async function trainingRows(options: { dataset: Dataset; format: TrainingFormat; models: TrainingModels; signal?: AbortSignal }): Promise<TrainingRows> {
  const { dataset, format, models, signal } = options;
  let failed = 0;
  let firstError: string | null = null;

  async function build(records: DatasetRecord[], make: (record: DatasetRecord) => Promise<Built>): Promise<{ rows: (SftRow | DpoRow)[]; tally: ConfigTally }> {
    const built = await Promise.all(
      records.map(async (record): Promise<Built> => {
        try {
          return await make(record);
        } catch (error) {
          if (signal?.aborted) throw error;
          const reason = error instanceof Error ? error.message : String(error);
          failed += 1;
          firstError ??= reason;
          return { failed: reason };
        }
      }),
    );
    const tally: ConfigTally = { prompts: records.length, rows: 0, skipped: {} };
    const rows: (SftRow | DpoRow)[] = [];
    for (const item of built) {
      if ('row' in item) rows.push(item.row);
      const reason = 'skipped' in item ? item.skipped : 'failed' in item ? 'a call failed after its retries' : null;
      if (reason) tally.skipped[reason] = (tally.skipped[reason] ?? 0) + 1;
    }
    tally.rows = rows.length;
    return { rows, tally };
  }

  const hard = await build(dataset.configs.hard, async (record) => {
    const answer = await safeCompliance({ models, prompt: record.prompt, signal });
    if (!answer.ok) return { skipped: answer.reason };
    if (format === 'sft') return { row: sftRow(record.prompt, answer.text) };
    const refusal = await targetRefusal({ models, record, signal });
    if (!refusal.ok) return { skipped: refusal.reason };
    return { row: dpoRow({ prompt: record.prompt, chosen: answer.text, rejected: refusal.text }) };
  });
  if (format === 'sft') return { rows: hard.rows, hard: hard.tally, toxic: null, failed, firstError };

  const toxic = await build(dataset.configs.toxic, async (record) => {
    const refusal = await helpfulAnswer({ models, prompt: record.prompt, mode: 'refuse', signal });
    if (!refusal.ok) return { skipped: refusal.reason };
    const compliance = await toxicCompliance({ models, prompt: record.prompt, signal });
    if (!compliance.ok) return { skipped: compliance.reason };
    return { row: dpoRow({ prompt: record.prompt, chosen: refusal.text, rejected: compliance.text }) };
  });
  return { rows: [...hard.rows, ...toxic.rows], hard: hard.tally, toxic: toxic.tally, failed, firstError };
}
