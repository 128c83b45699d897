import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { EarlierIndex } from '../dedupe/earlier-index.ts';
import { UserError } from '../errors/user-error.ts';
import { INPUT_LIMITS } from '../schemas/input-limits.ts';
import { resolveFromConfig, type LoadedConfig } from '../input/load-config.ts';
import { readLines } from '../input/read-lines.ts';

/** Reads `id` and `prompt` from a JSONL file of earlier data, within the data-file limits, naming the line of any bad row. */
export async function readPromptRows(file: string): Promise<{ id: string; prompt: string }[]> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new UserError(`${file}: cannot read the dataset to dedupe against`, { file });
  const rows: { id: string; prompt: string }[] = [];
  for await (const { line, text } of readLines(file, { maxLineBytes: INPUT_LIMITS.dataLineBytes, maxRows: INPUT_LIMITS.dataRowsPerFile, what: 'dataset to dedupe against' })) {
    if (text.trim() === '') continue;
    let row: { id?: unknown; prompt?: unknown };
    try {
      row = JSON.parse(text);
    } catch {
      throw new UserError(`${file}:${line}: not valid JSON`, { file, line });
    }
    for (const field of ['id', 'prompt'] as const) {
      if (typeof row?.[field] !== 'string' || row[field] === '') {
        throw new UserError(`${file}:${line}: ${field}: missing or not a string`, { file, line, field });
      }
    }
    rows.push({ id: row.id as string, prompt: row.prompt as string });
  }
  return rows;
}

/** The earlier datasets named in `dedupe.against`, as one index; undefined when none. */
export async function loadAgainstIndex(loaded: LoadedConfig): Promise<EarlierIndex | undefined> {
  const files = loaded.config.dedupe.against.map((path) => resolveFromConfig(loaded, path));
  if (files.length === 0) return undefined;
  const index = EarlierIndex.empty();
  for (const file of files) await index.add({ items: await readPromptRows(file), source: relative(process.cwd(), file) || file });
  return index;
}
