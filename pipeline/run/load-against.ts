import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { EarlierIndex } from '../dedupe/earlier-index.ts';
import { UserError } from '../errors/user-error.ts';
import { resolveFromConfig, type LoadedConfig } from '../loading/load-config.ts';

/** Reads `id` and `prompt` from a JSONL file of earlier data, naming the line of any bad row. */
export async function readPromptRows(file: string): Promise<{ id: string; prompt: string }[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError(`${file}: cannot read the dataset to dedupe against`, { file });
  }
  const rows: { id: string; prompt: string }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let row: { id?: unknown; prompt?: unknown };
    try {
      row = JSON.parse(line);
    } catch {
      throw new UserError(`${file}:${index + 1}: not valid JSON`, { file, line: index + 1 });
    }
    for (const field of ['id', 'prompt'] as const) {
      if (typeof row[field] !== 'string' || row[field] === '') {
        throw new UserError(`${file}:${index + 1}: ${field}: missing or not a string`, { file, line: index + 1, field });
      }
    }
    rows.push({ id: row.id as string, prompt: row.prompt as string });
  });
  return rows;
}

/** The earlier datasets named in `dedupe.against`, as one index; undefined when none. */
export async function loadAgainstIndex(loaded: LoadedConfig): Promise<EarlierIndex | undefined> {
  const files = loaded.config.dedupe.against.map((path) => resolveFromConfig(loaded, path));
  if (files.length === 0) return undefined;
  const index = EarlierIndex.empty();
  for (const file of files) index.add({ items: await readPromptRows(file), source: relative(process.cwd(), file) || file });
  return index;
}
