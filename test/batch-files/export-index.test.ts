import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { exportsDir, readExportIndex, settleExportIndex, writeExportIndex } from '../../pipeline/batch-files/export-index.ts';
import type { RecordedRequest } from '../../pipeline/batch-files/recorded-request.ts';
import { LmdbResponseCache } from '../../pipeline/cost/lmdb-response-cache.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();
const request = (key: string, slot = 'judges[0]'): RecordedRequest => ({ line: { custom_id: key, method: 'POST', url: '/v1/chat/completions', body: { model: 'm' } }, slot, model: 'm', structured: true });
const usage = { promptTokens: 1, completionTokens: 1 };

describe('the export index', () => {
  it('finds every exported request by custom_id, and is deleted once each export is answered', async () => {
    const cacheDir = await temp.make();
    const cache = LmdbResponseCache.open({ dir: cacheDir, ttlMs: 60_000 });
    onTestFinished(() => cache.close());
    await writeExportIndex({ cacheDir, stage: 'judge', requests: [request('a'), request('b')] });
    await writeExportIndex({ cacheDir, stage: 'judge', requests: [request('b'), request('c', 'judges[1]')] });
    const entries = await readExportIndex(cacheDir);
    expect([...entries.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(entries.get('c')).toMatchObject({ slot: 'judges[1]', model: 'm', structured: true });

    await cache.set('a', { object: {}, usage });
    await cache.set('b', { object: {}, usage });
    expect(await settleExportIndex({ cacheDir, cache })).toEqual({ unanswered: 1 });
    expect(await readdir(exportsDir(cacheDir))).toHaveLength(1);
    await cache.set('c', { object: {}, usage });
    expect(await settleExportIndex({ cacheDir, cache })).toEqual({ unanswered: 0 });
    expect(await readdir(exportsDir(cacheDir))).toEqual([]);
    expect((await readExportIndex(join(cacheDir, 'elsewhere'))).size).toBe(0);
  });
});
