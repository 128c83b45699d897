import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { readLines } from '../input/read-lines.ts';
import { INPUT_LIMITS } from '../schemas/input-limits.ts';
import type { ResponseCache } from '../cost/response-cache.ts';
import type { RecordedRequest } from './recorded-request.ts';

/** An exported request, as the import looks it up by custom_id. */
export const IndexEntry = z.object({
  custom_id: z.string().describe('The request key the answer is cached under.'),
  slot: z.string().describe('The role slot that asks it, e.g. judges[1].'),
  model: z.string().describe('The model the request was written for; an answer from another model is refused.'),
  structured: z.boolean().describe('Whether the answer is a JSON object (response_format sent) or plain text.'),
});
export type IndexEntry = z.infer<typeof IndexEntry>;

/** Inside the cache folder: the index belongs with the answers it is for, and a config names both. */
export const EXPORTS_FOLDER = 'batch-exports';

export function exportsDir(cacheDir: string): string {
  return join(cacheDir, EXPORTS_FOLDER);
}

/** Keeps what an import needs about each exported request, one file per export. */
export async function writeExportIndex(options: { cacheDir: string; stage: string; requests: readonly RecordedRequest[] }): Promise<string> {
  const dir = exportsDir(options.cacheDir);
  await mkdir(dir, { recursive: true });
  // Named in time order, and apart for two exports in the same millisecond.
  const file = join(dir, `${options.stage}-${Date.now()}-${randomUUID().slice(0, 8)}.jsonl`);
  const lines = options.requests.map((request) => JSON.stringify({ custom_id: request.line.custom_id, slot: request.slot, model: request.model, structured: request.structured } satisfies IndexEntry));
  await writeFile(file, lines.join('\n') + '\n');
  return file;
}

/** Every exported request of a cache folder by custom_id, with the index file it is in. */
export async function readExportIndex(cacheDir: string): Promise<Map<string, IndexEntry & { file: string }>> {
  const entries = new Map<string, IndexEntry & { file: string }>();
  for (const file of await indexFiles(cacheDir)) {
    for await (const { line, text } of readLines(file, { maxLineBytes: INPUT_LIMITS.dataLineBytes, maxRows: INPUT_LIMITS.dataRowsPerFile, what: 'batch export index' })) {
      if (text.trim() === '') continue;
      const parsed = IndexEntry.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`${file}:${line}: not a batch export index entry (the file was edited or is of another version)`);
      entries.set(parsed.data.custom_id, { ...parsed.data, file });
    }
  }
  return entries;
}

/**
 * Deletes the index files whose every request now has its answer in the cache, and says how
 * many exported requests still have none (they are exported again by the next export).
 */
export async function settleExportIndex(options: { cacheDir: string; cache: ResponseCache }): Promise<{ unanswered: number }> {
  const unanswered = new Set<string>();
  for (const file of await indexFiles(options.cacheDir)) {
    let open = 0;
    for await (const { text } of readLines(file, { maxLineBytes: INPUT_LIMITS.dataLineBytes, maxRows: INPUT_LIMITS.dataRowsPerFile, what: 'batch export index' })) {
      if (text.trim() === '') continue;
      const { custom_id: key } = JSON.parse(text) as IndexEntry;
      if ((await options.cache.get(key)) !== null) continue;
      open += 1;
      unanswered.add(key);
    }
    if (open === 0) await rm(file, { force: true });
  }
  return { unanswered: unanswered.size };
}

async function indexFiles(cacheDir: string): Promise<string[]> {
  const dir = exportsDir(cacheDir);
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names.filter((name) => name.endsWith('.jsonl')).sort().map((name) => join(dir, name));
}
