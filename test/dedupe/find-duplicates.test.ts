import { describe, expect, it } from 'vitest';
import { syntheticCorpus } from '../../bench/dedupe/synthetic-corpus.ts';
import { loadVocabulary } from '../../bench/dedupe/vocabulary.ts';

const vocabulary = loadVocabulary();
import { findDuplicates } from '../../pipeline/dedupe/find-duplicates.ts';
import { findDuplicatesExhaustively } from '../../pipeline/dedupe/exhaustive-duplicates.ts';
import { editSimilarity } from '../../pipeline/dedupe/edit-similarity.ts';
import { normalisePrompt } from '../../pipeline/text/normalise.ts';
import { seededRandom } from '../../pipeline/dedupe/minhash.ts';

function shuffled<T>(list: T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('findDuplicates', async () => {
  it('keeps the smallest id of each group and records why the others went', async () => {
    const result = await findDuplicates({
      threshold: 0.85,
      items: [
        { id: 'c', prompt: 'How do I kill a Python process that hangs?' },
        { id: 'a', prompt: 'how do i KILL a python process, that hangs' },
        { id: 'b', prompt: 'How do I kill the Python process that hangs?' },
        { id: 'd', prompt: 'What is the capital of France?' },
      ],
    });
    expect(result.keptIds).toEqual(['a', 'd']);
    const byId = Object.fromEntries(result.removals.map((removal) => [removal.removed_id, removal]));
    expect(byId.c).toEqual({ removed_id: 'c', kept_id: 'a', similarity: 1, kind: 'exact', against: null });
    expect(byId.b.kept_id).toBe('a');
    expect(byId.b.kind).toBe('near');
    const expected = editSimilarity(
      normalisePrompt('How do I kill the Python process that hangs?'),
      normalisePrompt('how do i kill a python process that hangs'),
    );
    expect(byId.b.similarity).toBeCloseTo(expected, 12);
  });

  it('compares only with kept prompts (greedy chains do not cascade)', async () => {
    // b is near a, c is near b but not near a: a keeps, b goes, c stays.
    const a = 'aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd';
    const b = 'aaaaaaaaaa bbbbbbbbbb cccccccccc ddddxxxxxx';
    const c = 'aaaaaaaaaa bbbbbbbbbb ccccyyyyyy ddddxxxxxx';
    const result = await findDuplicates({ threshold: 0.85, items: [{ id: 'c', prompt: c }, { id: 'b', prompt: b }, { id: 'a', prompt: a }] });
    expect(editSimilarity(b, c)).toBeGreaterThanOrEqual(0.85);
    expect(editSimilarity(a, c)).toBeLessThan(0.85);
    expect(result.keptIds.sort()).toEqual(['a', 'c']);
  });

  it('gives the same survivors whatever the input order', async () => {
    const items = [...syntheticCorpus({ seed: 3, variantShare: 0.3, vocabulary, count: 1500 })];
    const first = await findDuplicates({ items, threshold: 0.85 });
    const second = await findDuplicates({ items: shuffled(items, 99), threshold: 0.85 });
    expect(first.removals.length).toBeGreaterThan(100);
    expect([...second.keptIds].sort()).toEqual([...first.keptIds].sort());
    expect(second.removals).toEqual(first.removals);
  });

  it('finds what exhaustive comparison finds on 2,000 synthetic prompts (recall >= 0.99), never more', async () => {
    const items = [...syntheticCorpus({ seed: 5, variantShare: 0.25, vocabulary, count: 2000 })];
    const fast = await findDuplicates({ items, threshold: 0.85 });
    const slow = findDuplicatesExhaustively({ items, threshold: 0.85 });
    const fastRemoved = new Set(fast.removals.map((removal) => removal.removed_id));
    const found = slow.removedIds.filter((id) => fastRemoved.has(id)).length;
    expect(slow.removedIds.length).toBeGreaterThan(200);
    expect(found / slow.removedIds.length).toBeGreaterThanOrEqual(0.99);
    const texts = new Map(items.map((item) => [item.id, normalisePrompt(item.prompt)]));
    for (const removal of fast.removals) {
      expect(removal.similarity).toBeGreaterThanOrEqual(0.85);
      expect(editSimilarity(texts.get(removal.removed_id)!, texts.get(removal.kept_id)!)).toBe(removal.similarity);
      expect(fast.keptIds).toContain(removal.kept_id);
    }
  });

  it('rejects duplicate ids and thresholds outside (0, 1]', async () => {
    await expect(findDuplicates({ threshold: 0.9, items: [{ id: 'x', prompt: 'a' }, { id: 'x', prompt: 'b' }] })).rejects.toThrow(/duplicate id "x"/);
    await expect(findDuplicates({ threshold: 0, items: [] })).rejects.toThrow(/threshold/);
    await expect(findDuplicates({ threshold: 1.5, items: [] })).rejects.toThrow(/threshold/);
  });
});
