import { readLines } from '../input/read-lines.ts';
import { problemsError, type Problem } from '../input/problems-error.ts';
import { requireFile } from '../input/require-file.ts';
import { INPUT_LIMITS } from '../schemas/input-limits.ts';
import type { ResponseCache } from '../cost/response-cache.ts';
import type { IndexEntry } from './export-index.ts';
import { readResultLine, type ReadResult } from './batch-result-line.ts';

export interface ImportSummary {
  /** Answers stored, per role slot. */
  imported: Record<string, number>;
  failed: { count: number; /** The first few, as `file:line: custom_id: reason`. */ first: string[] };
}

const FIRST_REASONS = 5;
const WRITES_AT_ONCE = 500;

/**
 * Stores the answers of batch output files in the response cache under their request keys.
 * Every file is read through once before anything is stored: one bad line (not JSON, an
 * unknown custom_id, an answer of another model, a custom_id answered twice) refuses the
 * whole import, naming file, line and field, with nothing stored. Lines the server failed
 * are counted and their first reasons kept, never stored: the next export asks them again.
 */
export async function importResults(options: { files: readonly string[]; exported: ReadonlyMap<string, IndexEntry>; cache: ResponseCache }): Promise<ImportSummary> {
  const { files, exported } = options;
  for (const file of files) await requireFile(file, { nonEmpty: true });
  const seen = new Map<string, string>();
  for (const file of files) {
    const problems: Problem[] = [];
    await eachLine(file, exported, (line, result) => {
      if (result.kind === 'problem') return void problems.push({ line, ...result.problem });
      const earlier = seen.get(result.customId);
      if (earlier) return void problems.push({ line, field: 'custom_id', message: `${result.customId} is answered already, at ${earlier}` });
      seen.set(result.customId, `${file}:${line}`);
    });
    if (problems.length > 0) throw problemsError(file, problems);
  }

  const summary: ImportSummary = { imported: {}, failed: { count: 0, first: [] } };
  // Writes go out a few hundred at a time: the embedded store commits those together, Redis pipelines them.
  const writes: Promise<void>[] = [];
  for (const file of files) {
    await eachLine(file, exported, async (line, result) => {
      if (result.kind === 'answer') {
        writes.push(options.cache.set(result.customId, result.answer));
        if (writes.length >= WRITES_AT_ONCE) await Promise.all(writes.splice(0));
        const slot = exported.get(result.customId)!.slot;
        summary.imported[slot] = (summary.imported[slot] ?? 0) + 1;
      } else if (result.kind === 'failed') {
        summary.failed.count += 1;
        if (summary.failed.first.length < FIRST_REASONS) summary.failed.first.push(`${file}:${line}: ${exported.get(result.customId)!.slot}: ${result.reason}`);
      }
    });
  }
  await Promise.all(writes);
  return summary;
}

async function eachLine(file: string, exported: ReadonlyMap<string, IndexEntry>, visit: (line: number, result: ReadResult) => void | Promise<void>): Promise<void> {
  for await (const { line, text } of readLines(file, { maxLineBytes: INPUT_LIMITS.dataLineBytes, maxRows: INPUT_LIMITS.dataRowsPerFile, what: 'batch output file' })) {
    if (text.trim() === '') continue;
    await visit(line, readResultLine(text, exported));
  }
}
