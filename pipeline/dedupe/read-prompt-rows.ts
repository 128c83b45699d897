import { UserError } from '../errors/user-error.ts';
import { INPUT_LIMITS } from '../schemas/input-limits.ts';
import { readLines } from '../input/read-lines.ts';
import type { DedupeItem } from './find-duplicates.ts';

export interface PromptRows {
  items: DedupeItem[];
  /** 1-based line number of each item, for the second (writing) pass. */
  lines: Int32Array;
}

/**
 * Reads a JSONL file keeping only each row's id, prompt and line number; the rest of the
 * row stays on disk and is copied through unchanged when survivors are written.
 */
export async function readPromptRows(file: string): Promise<PromptRows> {
  const items: DedupeItem[] = [];
  const lines: number[] = [];
  const firstLineOfId = new Map<string, number>();
  // Within the data-file limits: a runaway line or row count is refused, naming the line, before it costs memory.
  for await (const { line, text } of readLines(file, { maxLineBytes: INPUT_LIMITS.dataLineBytes, maxRows: INPUT_LIMITS.dataRowsPerFile, what: 'prompt file' })) {
    const lineNumber = line;
    if (text.trim() === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch {
      throw new UserError(`${file}:${lineNumber}: not valid JSON`, { file, line: lineNumber });
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new UserError(`${file}:${lineNumber}: expected a JSON object`, { file, line: lineNumber });
    }
    const { id, prompt } = row as Record<string, unknown>;
    if (typeof id !== 'string' || id === '') {
      throw new UserError(`${file}:${lineNumber}: missing "id" (a non-empty string)`, { file, line: lineNumber, field: 'id' });
    }
    if (typeof prompt !== 'string') {
      throw new UserError(`${file}:${lineNumber}: missing "prompt" (a string)`, { file, line: lineNumber, field: 'prompt' });
    }
    const earlier = firstLineOfId.get(id);
    if (earlier !== undefined) {
      throw new UserError(`${file}:${lineNumber}: duplicate id "${id}" (first on line ${earlier})`, {
        file,
        line: lineNumber,
        field: 'id',
      });
    }
    firstLineOfId.set(id, lineNumber);
    items.push({ id, prompt });
    lines.push(lineNumber);
  }
  return { items, lines: Int32Array.from(lines) };
}
