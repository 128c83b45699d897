import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { importResults } from '../../pipeline/batch-files/import-results.ts';
import type { IndexEntry } from '../../pipeline/batch-files/export-index.ts';
import { LmdbResponseCache } from '../../pipeline/cost/lmdb-response-cache.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const exported = new Map<string, IndexEntry>(['a', 'b'].map((key) => [key, { custom_id: key, slot: 'targets[0]', model: 'my-model', structured: false }]));
const answer = (customId: string, content: string) =>
  JSON.stringify({ custom_id: customId, response: { status_code: 200, body: { model: 'my-model', choices: [{ message: { content }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 2 } } }, error: null });

async function setUp(files: Record<string, string>) {
  const dir = await temp.make(files);
  const cache = LmdbResponseCache.open({ dir: join(dir, 'cache'), ttlMs: 60_000 });
  onTestFinished(() => cache.close());
  return { dir, cache };
}

describe('importing batch output files', () => {
  it('stores each answer under its custom_id, the key a run looks it up by', async () => {
    const { dir, cache } = await setUp({ 'one.jsonl': `${answer('a', 'first')}\n\n`, 'two.jsonl': answer('b', 'second') });
    const summary = await importResults({ files: [join(dir, 'one.jsonl'), join(dir, 'two.jsonl')], exported, cache });
    expect(summary).toEqual({ imported: { 'targets[0]': 2 }, failed: { count: 0, first: [] } });
    expect(await cache.get('a')).toEqual({ text: 'first', usage: { promptTokens: 3, completionTokens: 2 } });
  });

  it('stores nothing when any file has a bad line, even a later one, or answers a request twice', async () => {
    const { dir, cache } = await setUp({ 'good.jsonl': answer('a', 'first'), 'again.jsonl': answer('a', 'other') });
    const files = [join(dir, 'good.jsonl'), join(dir, 'again.jsonl')];
    await expect(importResults({ files, exported, cache })).rejects.toThrow(`${files[1]}:1: custom_id: a is answered already, at ${files[0]}:1`);
    await expect(importResults({ files: [files[0]!, join(dir, 'missing.jsonl')], exported, cache })).rejects.toThrow('missing.jsonl: no such file');
    expect(await cache.get('a')).toBeNull();
  });
});
