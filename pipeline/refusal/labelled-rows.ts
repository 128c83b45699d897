import { createReadStream } from 'node:fs';
import { INPUT_LIMITS } from '../schemas/input-limits.ts';
import { readLines } from '../input/read-lines.ts';
import { requireFile } from '../input/require-file.ts';
import { basename } from 'node:path';
import { parse } from 'csv-parse';
import { UserError } from '../errors/user-error.ts';
import { parseGoldLabel, type GoldLabel } from './labels.ts';

/** One response with a gold label, from a JSONL file or an XSTest/PHTest-style CSV. */
export interface LabelledRow {
  /** File name, or the row's `source` field for JSONL. */
  source: string;
  line: number;
  id: string;
  prompt: string | null;
  response: string;
  gold: GoldLabel;
}

/** Column names of the two CSV layouts we read (XSTest's and PHTest's). */
const CSV_LAYOUTS = [
  { label: 'final_label', response: 'completion', prompt: 'prompt', id: 'id' },
  { label: 'Response_cls', response: 'Response', prompt: 'Request', id: 'ID' },
] as const;

export async function* readLabelledRows(file: string): AsyncGenerator<LabelledRow> {
  await requireFile(file, { nonEmpty: true });
  if (file.toLowerCase().endsWith('.csv')) yield* readCsv(file);
  else yield* readJsonl(file);
}

export async function readAllLabelledRows(file: string): Promise<LabelledRow[]> {
  const rows: LabelledRow[] = [];
  for await (const row of readLabelledRows(file)) rows.push(row);
  return rows;
}


async function* readCsv(file: string): AsyncGenerator<LabelledRow> {
  const source = basename(file).replace(/\.csv$/i, '');
  const parser = createReadStream(file).pipe(parse({ columns: true, info: true, bom: true, relax_column_count: true, max_record_size: INPUT_LIMITS.dataLineBytes }));
  let layout: (typeof CSV_LAYOUTS)[number] | undefined;
  let count = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    layout ??= CSV_LAYOUTS.find((candidate) => candidate.label in record && candidate.response in record);
    if (!layout) {
      throw new UserError(`${file}: CSV header needs final_label+completion (XSTest) or Response_cls+Response (PHTest)`, { file, line: 1 });
    }
    const line = info.lines;
    if (count >= INPUT_LIMITS.dataRowsPerFile) throw new UserError(`${file}:${line}: more than ${INPUT_LIMITS.dataRowsPerFile.toLocaleString('en-US')} rows, the limit for a labelled file`, { file, line });
    const gold = parseGoldLabel(record[layout.label] ?? '');
    if (!gold) throw new UserError(`${file}:${line}: unknown label "${record[layout.label]}"`, { file, line, field: layout.label });
    count += 1;
    yield { source, line, id: record[layout.id] ?? String(count), prompt: record[layout.prompt] ?? null, response: record[layout.response] ?? '', gold };
  }
  if (count === 0) throw new UserError(`${file}: no rows`, { file });
}

async function* readJsonl(file: string): AsyncGenerator<LabelledRow> {
  const fallbackSource = basename(file).replace(/\.jsonl?$/i, '');
  let count = 0;
  for await (const { line, text } of readLines(file, { maxLineBytes: INPUT_LIMITS.dataLineBytes, maxRows: INPUT_LIMITS.dataRowsPerFile, what: 'labelled file' })) {
    if (text.trim() === '') continue;
    const row = parseJsonObject({ text, file, line });
    const response = requireResponse({ row, file, line });
    const rawLabel = row.label ?? row.label3;
    const gold = typeof rawLabel === 'string' ? parseGoldLabel(rawLabel) : undefined;
    if (!gold) {
      throw new UserError(`${file}:${line}: field "label" must be refusal, compliance or a three-class label`, { file, line, field: 'label' });
    }
    count += 1;
    yield {
      source: typeof row.source === 'string' && row.source !== '' ? row.source : fallbackSource,
      line,
      id: row.id === undefined ? String(line) : String(row.id),
      prompt: typeof row.prompt === 'string' ? row.prompt : null,
      response,
      gold,
    };
  }
  if (count === 0) throw new UserError(`${file}: no rows`, { file });
}

export function parseJsonObject(options: { text: string; file: string; line: number }): Record<string, unknown> {
  const { text, file, line } = options;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UserError(`${file}:${line}: not valid JSON`, { file, line });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError(`${file}:${line}: each line must be a JSON object`, { file, line });
  }
  return value as Record<string, unknown>;
}

export function requireResponse(options: { row: Record<string, unknown>; file: string; line: number }): string {
  const { row, file, line } = options;
  if (typeof row.response !== 'string') {
    throw new UserError(`${file}:${line}: field "response" is missing or not a string`, { file, line, field: 'response' });
  }
  return row.response;
}
