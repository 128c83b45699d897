import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { UserError } from '../errors/user-error.ts';
import { INPUT_LIMITS } from '../schemas/input-limits.ts';
import { readLines } from '../input/read-lines.ts';
import type { DedupeItem } from './find-duplicates.ts';
import { readPromptRows } from './read-prompt-rows.ts';

const PROMPT_COLUMNS = ['prompt', 'request', 'text', 'instruction'];

/** SHA-256 of a file, so an unchanged earlier dataset is not re-read into the index. */
export async function fingerprintFile(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

/**
 * Prompts of an earlier dataset: JSONL rows with id and prompt, or a CSV (such as a
 * published benchmark) with a prompt column (prompt, request, text or instruction) and
 * an optional id column (row number otherwise).
 */
export async function readEarlierFile(file: string): Promise<DedupeItem[]> {
  if (!file.toLowerCase().endsWith('.csv')) return (await readPromptRows(file)).items;
  const lines: string[] = [];
  for await (const { text } of readLines(file, { maxLineBytes: INPUT_LIMITS.dataLineBytes, maxRows: INPUT_LIMITS.dataRowsPerFile, what: 'prompt file' })) lines.push(text);
  const records = parse(lines.join('\n'), { columns: true, skip_empty_lines: true, max_record_size: INPUT_LIMITS.dataLineBytes }) as Record<string, string>[];
  const columns = Object.keys(records[0] ?? {});
  const promptColumn = columns.find((column) => PROMPT_COLUMNS.includes(column.toLowerCase()));
  if (!promptColumn) {
    throw new UserError(`${file}: no prompt column (expected one of ${PROMPT_COLUMNS.join(', ')})`, { file, field: 'prompt' });
  }
  const idColumn = columns.find((column) => column.toLowerCase() === 'id');
  return records.map((record, row) => ({ id: idColumn ? String(record[idColumn]) : String(row + 1), prompt: record[promptColumn] ?? '' }));
}
