import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, isAbsolute, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { isUserError, UserError } from '../errors/user-error.ts';
import { Seed, SeedRow, type SeedSource } from '../schemas/seed.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { describeIssues } from './describe-issue.ts';
import { problemsError, type Problem } from './problems-error.ts';
import { INPUT_LIMITS } from '../schemas/input-limits.ts';
import { readLines } from './read-lines.ts';

const SEED_EXTENSIONS = new Set(['.jsonl', '.csv']);
const CSV_COLUMNS = new Set(['id', 'concept', 'category', 'notes']);

/**
 * Loads seeds from files and folders (JSONL or CSV). Bad rows stop the load with one
 * message naming every one of them (file, line and field), over all the files; ids
 * must be unique across files. Each seed says where it came from: the bundled folder, or the user's files.
 */
export async function loadSeeds(paths: string[]): Promise<Seed[]> {
  const files = (await Promise.all(paths.map(expand))).flat();
  const seeds: Seed[] = [];
  const origin = new Map<string, string>();
  const problems: UserError[] = [];
  for (const file of files) {
    const source = sourceOf(file);
    const loaded = await readSeedFile(file).catch((error: unknown) => {
      if (!isUserError(error)) throw error;
      problems.push(error);
      return { seeds: [], problems: [] };
    });
    const fileProblems = [...loaded.problems];
    for (const { seed, line } of loaded.seeds) {
      const earlier = origin.get(seed.id);
      if (earlier) fileProblems.push({ line, field: 'id', message: `duplicate seed id ${seed.id} (first in ${earlier})` });
      else origin.set(seed.id, `${file}:${line}`);
      seeds.push({ ...seed, source });
    }
    if (fileProblems.length > 0) problems.push(problemsError(file, fileProblems));
  }
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new UserError(problems.map((problem) => problem.message).join('\n'), problems[0]!.details);
  return seeds.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const BUNDLED_SEEDS = join(PROJECT_ROOT, 'seeds');

function sourceOf(file: string): SeedSource {
  const inside = relative(BUNDLED_SEEDS, resolve(file));
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? 'bundled' : 'file';
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

/** A seed file's good rows and the problems of its bad ones; a file that cannot be read as rows at all throws. */
async function readSeedFile(file: string): Promise<{ seeds: { seed: SeedRow; line: number }[]; problems: Problem[] }> {
  const extension = extname(file);
  if (!SEED_EXTENSIONS.has(extension)) throw new UserError(`${file}: seed files must be .jsonl or .csv`, { file });
  const lines = await readSeedLines(file);
  const rows = extension === '.csv' ? csvRows(file, lines.join('\n')) : jsonlRows(lines);
  if (rows.length === 0) throw new UserError(`${file}: the seed file is empty`, { file });
  const seeds: { seed: SeedRow; line: number }[] = [];
  const problems: Problem[] = [];
  for (const { value, line, problem } of rows) {
    if (problem) {
      problems.push({ line, message: problem });
      continue;
    }
    const parsed = SeedRow.safeParse(value);
    if (parsed.success) seeds.push({ seed: parsed.data, line });
    else problems.push(...describeIssues(parsed.error.issues).map(({ field, message }) => ({ line, field, message })));
  }
  return { seeds, problems };
}

/** Every line of a seed file, within the seed limits and strictly UTF-8; a leading byte-order mark is dropped. */
async function readSeedLines(file: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const { text } of readLines(file, { maxLineBytes: INPUT_LIMITS.seedLineBytes, maxRows: INPUT_LIMITS.seedRowsPerFile, what: 'seed file' })) lines.push(text);
  return lines;
}

interface Row {
  value: unknown;
  line: number;
  /** Why the line is no row at all (not JSON), reported with the other rows' problems. */
  problem?: string;
}

function jsonlRows(lines: string[]): Row[] {
  const rows: Row[] = [];
  lines.forEach((content, index) => {
    if (content.trim() === '') return;
    try {
      rows.push({ value: JSON.parse(content), line: index + 1 });
    } catch (error) {
      rows.push({ value: undefined, line: index + 1, problem: `not valid JSON (${(error as Error).message})` });
    }
  });
  return rows;
}

function csvRows(file: string, text: string): Row[] {
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
