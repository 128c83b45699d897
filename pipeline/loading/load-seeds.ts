import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { UserError } from '../errors/user-error.ts';
import { Seed } from '../schemas/seed.ts';
import { describeIssue } from './describe-issue.ts';
import { INPUT_LIMITS } from './input-limits.ts';
import { readLines } from './read-lines.ts';

const SEED_EXTENSIONS = new Set(['.jsonl', '.csv']);
const CSV_COLUMNS = new Set(['id', 'concept', 'category', 'notes']);

/**
 * Loads seeds from files and folders (JSONL or CSV). Any bad row stops the load
 * with a message naming the file, line and field; ids must be unique across files.
 */
export async function loadSeeds(paths: string[]): Promise<Seed[]> {
  const files = (await Promise.all(paths.map(expand))).flat();
  const seeds: Seed[] = [];
  const origin = new Map<string, string>();
  for (const file of files) {
    for (const { seed, line } of await loadSeedFile(file)) {
      const earlier = origin.get(seed.id);
      if (earlier) throw new UserError(`${file}:${line}: id: duplicate seed id ${seed.id} (first in ${earlier})`, { file, line, field: 'id' });
      origin.set(seed.id, `${file}:${line}`);
      seeds.push(seed);
    }
  }
  return seeds.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function expand(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UserError(`${path}: no such seed file or folder`, { file: path });
  }
  if (!info.isDirectory()) return [path];
  const entries = (await readdir(path)).filter((name) => SEED_EXTENSIONS.has(extname(name))).sort();
  if (entries.length === 0) throw new UserError(`${path}: the folder has no .jsonl or .csv seed files`, { file: path });
  return entries.map((name) => join(path, name));
}

export async function loadSeedFile(file: string): Promise<{ seed: Seed; line: number }[]> {
  const extension = extname(file);
  if (!SEED_EXTENSIONS.has(extension)) throw new UserError(`${file}: seed files must be .jsonl or .csv`, { file });
  const lines = await readSeedLines(file);
  const rows = extension === '.csv' ? csvRows(file, lines.join('\n')) : jsonlRows(file, lines);
  if (rows.length === 0) throw new UserError(`${file}: the seed file is empty`, { file });
  return rows.map(({ value, line }) => {
    const parsed = Seed.safeParse(value);
    if (!parsed.success) {
      const { field, message } = describeIssue(parsed.error.issues[0]!);
      throw new UserError(`${file}:${line}: ${field}: ${message}`, { file, line, field });
    }
    return { seed: parsed.data, line };
  });
}

/** Every line of a seed file, within the seed limits and strictly UTF-8; a leading byte-order mark is dropped. */
async function readSeedLines(file: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const { text } of readLines(file, { maxLineBytes: INPUT_LIMITS.seedLineBytes, maxRows: INPUT_LIMITS.seedRowsPerFile, what: 'seed file' })) lines.push(text);
  return lines;
}

function jsonlRows(file: string, lines: string[]): { value: unknown; line: number }[] {
  const rows: { value: unknown; line: number }[] = [];
  lines.forEach((content, index) => {
    if (content.trim() === '') return;
    try {
      rows.push({ value: JSON.parse(content), line: index + 1 });
    } catch (error) {
      throw new UserError(`${file}:${index + 1}: not valid JSON (${(error as Error).message})`, { file, line: index + 1 });
    }
  });
  return rows;
}

function csvRows(file: string, text: string): { value: unknown; line: number }[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, info: true, bom: true, max_record_size: INPUT_LIMITS.seedLineBytes });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UserError(`${file}${line ? `:${line}` : ''}: not valid CSV (${(error as Error).message})`, { file, line });
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const unknown = header.filter((column) => !CSV_COLUMNS.has(column));
  if (unknown.length > 0) throw new UserError(`${file}:1: ${unknown[0]}: unknown column (expected id, concept, category, notes)`, { file, line: 1, field: unknown[0] });
  return records.map(({ record, info }) => ({
    line: info.lines,
    // An empty notes cell means no notes, not an empty note.
    value: Object.fromEntries(Object.entries(record).filter(([key, value]) => !(key === 'notes' && value === ''))),
  }));
}
