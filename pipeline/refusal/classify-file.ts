import { createWriteStream } from 'node:fs';
import { rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { UserError } from '../errors/user-error.ts';
import { classifyRefusal, isConfident } from './classify.ts';
import { CASCADE_THRESHOLD } from './metrics.ts';
import { INPUT_LIMITS } from '../schemas/input-limits.ts';
import { readLines } from '../input/read-lines.ts';
import { requireFile } from '../input/require-file.ts';
import { parseJsonObject, requireResponse } from './labelled-rows.ts';
import { refusalReason } from './refusal-reason.ts';
import { refusalStyle } from './refusal-style.ts';

/**
 * Classifies every row of a JSONL file (`response`, optional `prompt`) and writes the rows
 * back with `label`, `label3`, `confidence` and `confident` added: whether the probe's
 * cascade would let the classifier decide alone at `threshold` (else a refusal judge would;
 * probe.classifierConfidence's default when omitted); and, for a refusal, its `style`,
 * `reason` ("wont" or "cant") and `basis` (null for an answer). Streams line by line with write
 * backpressure, so file size does not matter (a line past the data-file limit is refused); writes a temp file and renames it at the
 * end, so a failure leaves no partial output.
 */
export async function classifyJsonlFile(options: { input: string; output: string; threshold?: number; signal?: AbortSignal }): Promise<{ rows: number; confident: number }> {
  const threshold = options.threshold ?? CASCADE_THRESHOLD;
  const { input, output } = options;
  await requireFile(input, { nonEmpty: true });
  const directory = await stat(dirname(output)).catch(() => undefined);
  if (!directory?.isDirectory()) throw new UserError(`--out ${output}: directory ${dirname(output)} does not exist`, { field: 'out' });
  const temporary = `${output}.${randomUUID()}.tmp`;
  const out = createWriteStream(temporary, 'utf8');
  // Line by line within the data-file limits; the reader lets signal handlers in between stretches of lines, so Ctrl-C acts at once.
  const lines = readLines(input, { maxLineBytes: INPUT_LIMITS.dataLineBytes, maxRows: INPUT_LIMITS.dataRowsPerFile, what: 'file to classify' });
  let rows = 0;
  let confident = 0;
  try {
    await once(out, 'open');
    for await (const { line, text } of lines) {
      options.signal?.throwIfAborted();
      if (text.trim() === '') continue;
      const row = parseJsonObject({ text, file: input, line });
      const response = requireResponse({ row, file: input, line });
      const prompt = typeof row.prompt === 'string' ? row.prompt : null;
      const result = classifyRefusal({ response, prompt });
      const sure = isConfident(result, threshold);
      // How and why it refuses, for a refusal; an answer has neither.
      const manner = result.label === 'refusal' ? { style: refusalStyle(response), ...refusalReason(response) } : { style: null, reason: null, basis: null };
      const record = { ...row, label: result.label, label3: result.label3, confidence: Math.round(result.confidence * 10_000) / 10_000, confident: sure, ...manner };
      rows += 1;
      if (sure) confident += 1;
      if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
    }
    if (rows === 0) throw new UserError(`${input}: no rows (only blank lines)`, { file: input });
    out.end();
    await once(out, 'finish');
    await rename(temporary, output);
    return { rows, confident };
  } catch (error) {
    await lines.return(undefined);
    // A write may still be in flight; its error after destroy() is expected and ignored.
    out.on('error', () => undefined);
    out.destroy();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
