import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
  const file = join(dir, `${options.stage}-${Date.now()}-${process.pid}.jsonl`);
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
export async function settleExportIndex(options: { cacheDir: string; cache: ResponseCache; entries: Map<string, IndexEntry & { file: string }> }): Promise<{ unanswered: number }> {
  const open = new Map<string, number>();
  for (const entry of options.entries.values()) {
    const answered = (await options.cache.get(entry.custom_id)) !== null;
    open.set(entry.file, (open.get(entry.file) ?? 0) + (answered ? 0 : 1));
  }
  let unanswered = 0;
  for (const [file, count] of open) {
    if (count === 0) await rm(file, { force: true });
    unanswered += count;
  }
  return { unanswered };
}

async function indexFiles(cacheDir: string): Promise<string[]> {
  const dir = exportsDir(cacheDir);
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names.filter((name) => name.endsWith('.jsonl')).sort().map((name) => join(dir, name));
}
