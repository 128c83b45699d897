import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { CacheCounts } from '../../pipeline/cost/cache-counts.ts';
import { roleIdentity } from '../../pipeline/cost/cache-models.ts';
import { createCachedModel } from '../../pipeline/cost/cached-model.ts';
import { LmdbResponseCache } from '../../pipeline/cost/lmdb-response-cache.ts';
import { requestKey } from '../../pipeline/cost/request-key.ts';
import { ScriptedModel } from '../support/scripted-model.ts';
import { useTempDir } from '../support/temp-dir.ts';

const temp = useTempDir();

async function openCache(ttlMs = 60_000, dir?: string) {
  const cache = LmdbResponseCache.open({ dir: dir ?? (await temp.make()), ttlMs });
  onTestFinished(() => cache.close());
  return cache;
}

const messages = [{ role: 'user' as const, content: 'how do I kill a Python process?' }];
const identity = { endpoint: 'http://gpu-box:8000/v1', model: 'judge-a' };

describe('the request key', () => {
  it('is the same for the same request, whatever the attempt or signal', () => {
    const key = requestKey(identity, { messages, temperature: 0.2, seed: 1 });
    expect(requestKey(identity, { messages, temperature: 0.2, seed: 1, attempt: 3, signal: new AbortController().signal })).toBe(key);
  });

  it('changes with everything that decides the answer', () => {
    const base = { messages, temperature: 0.2, seed: 1, maxTokens: 64 };
    const keys = new Set([
      requestKey(identity, base),
      requestKey({ ...identity, endpoint: 'http://other:8000/v1' }, base),
      requestKey({ ...identity, model: 'judge-b' }, base),
      requestKey({ ...identity, slot: 'judges[1]' }, base),
      requestKey(identity, { ...base, messages: [{ role: 'user', content: 'how do I kill a Java process?' }] }),
      requestKey(identity, { ...base, temperature: 0.7 }),
      requestKey(identity, { ...base, seed: 2 }),
      requestKey(identity, { ...base, maxTokens: 65 }),
      requestKey(identity, { ...base, schema: z.object({ label: z.string() }), name: 'verdict' }),
      requestKey(identity, { ...base, schema: z.object({ label: z.number() }), name: 'verdict' }),
    ]);
    expect(keys.size).toBe(10);
  });

  it('takes the role temperature when a call sets none', () => {
    expect(requestKey({ ...identity, temperature: 0.3 }, { messages })).toBe(requestKey(identity, { messages, temperature: 0.3 }));
  });

  it('names an endpoint without credentials or query', () => {
    const named = roleIdentity({ model: 'm', baseURL: 'https://user:secret@api.example.com/v1?key=sk-abc', maxConcurrency: 1, maxAttempts: 1 }, 'sim');
    expect(named.endpoint).toBe('https://api.example.com/v1');
    expect(roleIdentity({ model: 'm', maxConcurrency: 1, maxAttempts: 1 }, 'built-in simulator v1 seed 0').endpoint).toBe('built-in simulator v1 seed 0');
  });
});

describe('the embedded response cache', () => {
  it('keeps answers across reopening, and counts, prunes and clears them', async () => {
    const dir = await temp.make();
    const first = LmdbResponseCache.open({ dir, ttlMs: 60_000 });
    await first.set('a', { text: 'answer', usage: { promptTokens: 3, completionTokens: 4 } });
    await first.set('b', { object: { label: 'benign' }, usage: { promptTokens: 1, completionTokens: 2 } });
    await first.close();
    const cache = await openCache(60_000, dir);
    expect(await cache.get('a')).toEqual({ text: 'answer', usage: { promptTokens: 3, completionTokens: 4 } });
    expect(await cache.get('missing')).toBeNull();
    const stats = await cache.stats();
    expect(stats).toMatchObject({ entries: 2, expired: 0 });
    expect(stats.bytes).toBeGreaterThan(0);
    expect(await cache.prune()).toBe(0);
    expect(await cache.clear()).toBe(2);
    expect(await cache.get('b')).toBeNull();
  });

  it('treats answers past their time to live as absent, and prune deletes them', async () => {
    // A time to live long enough that 'new' stays fresh through the checks below on a busy machine.
    const cache = await openCache(600);
    await cache.set('old', { text: 'x', usage: { promptTokens: 1, completionTokens: 1 } });
    await sleep(650);
    await cache.set('new', { text: 'y', usage: { promptTokens: 1, completionTokens: 1 } });
    expect(await cache.get('old')).toBeNull();
    expect(await cache.stats()).toMatchObject({ entries: 2, expired: 1 });
    expect(await cache.prune()).toBe(1);
    expect(await cache.stats()).toMatchObject({ entries: 1, expired: 0 });
    expect((await cache.get('new'))?.text).toBe('y');
  });
});

describe('a cached model', () => {
  const Verdict = z.object({ label: z.enum(['benign', 'harmful']) });

  it('answers a request it has seen from the cache, without a call, and marks the answer cached', async () => {
    const scripted = new ScriptedModel('judge-a', [{ label: 'benign' }, 'a text']);
    const counts = new CacheCounts();
    const model = createCachedModel({ model: scripted, cache: await openCache(), identity, counter: counts, usageRole: 'judge:judge-a' });
    const first = await model.generateObject({ messages, schema: Verdict, name: 'verdict' });
    const again = await model.generateObject({ messages, schema: Verdict, name: 'verdict', attempt: 2 });
    expect(first.cached).toBeUndefined();
    expect(again).toEqual({ object: { label: 'benign' }, usage: first.usage, cached: true });
    expect((await model.generateText({ messages })).text).toBe('a text');
    expect(scripted.calls).toHaveLength(2);
    expect(counts.figures()).toEqual({ hits: 1, misses: 2, by_role: { 'judge:judge-a': { hits: 1, misses: 2 } } });
  });

  it('makes one call for the same request asked twice at once: the second waits for the first', async () => {
    const scripted = new ScriptedModel('judge-a', ['one answer', 'a second answer']);
    // Slow enough that both requests are asked before the first is answered.
    const slow = { id: scripted.id, generateText: async (call: Parameters<ScriptedModel['generateText']>[0]) => (await sleep(30), scripted.generateText(call)), generateObject: scripted.generateObject.bind(scripted) };
    const counts = new CacheCounts();
    const model = createCachedModel({ model: slow, cache: await openCache(), identity, counter: counts, usageRole: 'judge:judge-a' });
    const [first, second] = await Promise.all([model.generateText({ messages }), model.generateText({ messages })]);
    expect(first.text).toBe('one answer');
    expect(second).toMatchObject({ text: 'one answer', cached: true });
    expect(scripted.calls).toHaveLength(1);
    expect(counts.figures()).toMatchObject({ hits: 1, misses: 1 });
  });

  it('keeps no failure: a call that failed is made again', async () => {
    const scripted = new ScriptedModel('judge-a', [new Error('500'), 'fine']);
    const model = createCachedModel({ model: scripted, cache: await openCache(), identity, counter: new CacheCounts(), usageRole: 'judge:judge-a' });
    await expect(model.generateText({ messages })).rejects.toThrow('500');
    expect((await model.generateText({ messages })).text).toBe('fine');
    expect(scripted.calls).toHaveLength(2);
  });

  it('counts one miss for a call a queue job retries, as in-process, where the retries sit below the cache', async () => {
    const scripted = new ScriptedModel('judge-a', [new Error('500'), 'fine']);
    const counts = new CacheCounts();
    const model = createCachedModel({ model: scripted, cache: await openCache(), identity, counter: counts, usageRole: 'judge:judge-a' });
    await expect(model.generateText({ messages, attempt: 1 })).rejects.toThrow('500');
    expect((await model.generateText({ messages, attempt: 2 })).text).toBe('fine');
    expect(counts.figures()).toMatchObject({ hits: 0, misses: 1 });
  });

  it('asks again when a kept answer no longer fits the schema of the same name and shape', async () => {
    const cache = await openCache();
    const key = requestKey(identity, { messages, schema: Verdict, name: 'verdict' });
    await cache.set(key, { object: { label: 'unsure' }, usage: { promptTokens: 1, completionTokens: 1 } });
    const scripted = new ScriptedModel('judge-a', [{ label: 'harmful' }]);
    const model = createCachedModel({ model: scripted, cache, identity, counter: new CacheCounts(), usageRole: 'judge:judge-a' });
    expect((await model.generateObject({ messages, schema: Verdict, name: 'verdict' })).object).toEqual({ label: 'harmful' });
    expect(scripted.calls).toHaveLength(1);
  });
});
