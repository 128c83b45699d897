import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EarlierIndex } from '../../pipeline/dedupe/earlier-index.ts';
import { findDuplicates } from '../../pipeline/dedupe/find-duplicates.ts';
import { syntheticCorpus } from '../../bench/dedupe/synthetic-corpus.ts';
import { loadVocabulary } from '../../bench/dedupe/vocabulary.ts';

describe('EarlierIndex', () => {
  it('saves and loads to the same index, and new prompts are deduped against it', async () => {
    const vocabulary = loadVocabulary();
    const corpus = [...syntheticCorpus({ seed: 8, variantShare: 0.3, vocabulary, count: 1200 })];
    const earlier = corpus.slice(0, 800);
    const fresh = corpus.slice(800);
    const index = await EarlierIndex.build({ items: earlier.slice(0, 500), source: 'v1.jsonl' });
    await index.add({ items: earlier.slice(500), source: 'benchmark.csv' });

    const directory = mkdtempSync(path.join(tmpdir(), 'scarecrow-index-'));
    try {
      await index.save(path.join(directory, 'dedupe-index.jsonl'));
      const loaded = await EarlierIndex.load(path.join(directory, 'dedupe-index.jsonl'));
      expect(loaded.size).toBe(800);
      expect(loaded.sources.map((source) => source.name)).toEqual(['v1.jsonl', 'benchmark.csv']);
      expect(Array.from(loaded.bandKeys)).toEqual(Array.from(index.bandKeys));

      const result = await findDuplicates({ items: fresh, threshold: 0.85, against: loaded });
      const against = result.removals.filter((removal) => removal.against !== null);
      expect(against.length).toBeGreaterThan(0);
      const earlierIds = new Map(earlier.map((item, position) => [item.id, position < 500 ? 'v1.jsonl' : 'benchmark.csv']));
      for (const removal of against) expect(earlierIds.get(removal.kept_id)).toBe(removal.against);

      loaded.removeSource('v1.jsonl');
      expect(loaded.size).toBe(300);
      expect(loaded.findExact('no such prompt')).toBe(-1);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
