import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors/user-error.ts';
import { describeIssue } from '../input/describe-issue.ts';
import { INPUT_LIMITS } from '../schemas/input-limits.ts';
import { readLines } from '../input/read-lines.ts';
import { DatasetRecord } from '../schemas/candidate.ts';
import type { Manifest } from './manifest.ts';

export const DATASET_CONFIGS = ['all', 'hard', 'toxic'] as const;
export type DatasetConfigName = (typeof DATASET_CONFIGS)[number];

/** The parts of the manifest other commands rely on; the rest passes through unchecked. */
const ManifestShape = z
  .object({
    name: z.string(),
    created_at: z.string(),
    simulated: z.boolean(),
    counts: z.record(z.string(), z.number()),
    by_category: z.record(z.string(), z.record(z.string(), z.number())),
    usage: z.record(z.string(), z.object({ calls: z.number(), failedCalls: z.number(), promptTokens: z.number(), completionTokens: z.number(), costUsd: z.number().nullable() })),
    cost_usd: z.number().nullable(),
    extra: z.record(z.string(), z.unknown()).default({}),
  })
  .passthrough();

export interface Dataset {
  /** Absolute path of the dataset folder. */
  dir: string;
  manifest: Manifest;
  card: string;
  configs: Record<DatasetConfigName, DatasetRecord[]>;
}

/**
 * Reads a dataset folder written by `run`: the manifest, the card and the three
 * configs, every row checked against the record schema. Anything missing or malformed
 * is a UserError naming the file, and for rows the line and field.
 */
export async function readDataset(dir: string): Promise<Dataset> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info) throw new UserError(`${dir}: no such dataset folder (make one with \`scarecrow run\`)`, { file: dir });
  if (!info.isDirectory()) throw new UserError(`${dir}: not a folder; --dataset takes a dataset folder such as output/scarecrow-sim`, { file: dir });
  const manifest = await readManifest(root);
  const card = await readRequired(root, 'README.md');
  const configs = {} as Record<DatasetConfigName, DatasetRecord[]>;
  for (const name of DATASET_CONFIGS) configs[name] = await readRecords(root, `data/${name}.jsonl`);
  return { dir: root, manifest, card, configs };
}

async function readRequired(root: string, path: string): Promise<string> {
  const file = join(root, path);
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new UserError(`${file}: missing; ${root} is not a complete dataset folder (expected manifest.json, README.md and data/{all,hard,toxic}.jsonl)`, { file });
  }
}

async function readManifest(root: string): Promise<Manifest> {
  const file = join(root, 'manifest.json');
  const text = await readRequired(root, 'manifest.json');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file}: not valid JSON (${(error as Error).message})`, { file });
  }
  const parsed = ManifestShape.safeParse(value);
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error.issues[0]!);
    throw new UserError(`${file}: ${field}: ${message}`, { file, field });
  }
  return parsed.data as unknown as Manifest;
}

/** A data file's records, read line by line within the data-file limits (strict UTF-8, a line and row cap). */
async function readRecords(root: string, path: string): Promise<DatasetRecord[]> {
  const file = join(root, path);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) await readRequired(root, path);
  const records: DatasetRecord[] = [];
  for await (const { line, text } of readLines(file, { maxLineBytes: INPUT_LIMITS.dataLineBytes, maxRows: INPUT_LIMITS.dataRowsPerFile, what: 'dataset file' })) {
    if (text.trim() !== '') records.push(parseRecord({ file, line, text }));
  }
  return records;
}

function parseRecord(options: { file: string; line: number; text: string }): DatasetRecord {
  const { file, line } = options;
  let value: unknown;
  try {
    value = JSON.parse(options.text);
  } catch {
    throw new UserError(`${file}:${line}: not valid JSON`, { file, line });
  }
  const parsed = DatasetRecord.safeParse(value);
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error.issues[0]!);
    throw new UserError(`${file}:${line}: ${field}: ${message}`, { file, line, field });
  }
  return parsed.data;
}
