import { findDuplicates } from '../../pipeline/dedupe/find-duplicates.ts';
import { findDuplicatesExhaustively } from '../../pipeline/dedupe/exhaustive-duplicates.ts';
import { editSimilarity } from '../../pipeline/dedupe/edit-similarity.ts';
import { normalisePrompt } from '../../pipeline/text/normalise.ts';
import { syntheticCorpus } from './synthetic-corpus.ts';
import { loadVocabulary } from './vocabulary.ts';

export const CORPUS_SEED = 20240611;
export const VARIANT_SHARE = 0.2;

export interface CorpusFigures {
  size: number;
  variantShare: number;
  dedupeMs: number;
  /** RSS once the corpus is built, before the dedupe: what the prompts themselves take. */
  corpusRssBytes: number;
  peakRssBytes: number;
  candidatePairs: number;
  pairsVerified: number;
  removedExact: number;
  removedNear: number;
  /** Removals whose similarity, recomputed independently, is below the threshold (must be 0). */
  unverifiedRemovals: number;
  sampleFound: number;
  sampleExhaustive: number;
  sampleRecall: number;
}

/**
 * Dedupes a synthetic corpus and checks it. Recall: both methods run on the same sample
 * (a contiguous block from the middle of the corpus, so variants and their originals are
 * both in it); recall = prompts removed by both / prompts removed by exhaustive comparison.
 */
export async function measureCorpus(options: { size: number; threshold: number; sampleSize: number }): Promise<CorpusFigures> {
  const vocabulary = loadVocabulary();
  const items = Array.from(syntheticCorpus({ seed: CORPUS_SEED, variantShare: VARIANT_SHARE, vocabulary, count: options.size }));
  const corpusRssBytes = process.memoryUsage().rss;
  const started = performance.now();
  const result = await findDuplicates({ items, threshold: options.threshold });
  const dedupeMs = performance.now() - started;
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;

  const texts = new Map(items.map((item) => [item.id, item.prompt]));
  let unverifiedRemovals = 0;
  for (const removal of result.removals) {
    const similarity = editSimilarity(normalisePrompt(texts.get(removal.removed_id)!), normalisePrompt(texts.get(removal.kept_id)!));
    if (similarity < options.threshold || similarity !== removal.similarity) unverifiedRemovals++;
  }
  texts.clear();

  const start = Math.max(0, Math.floor(options.size / 2) - Math.floor(options.sampleSize / 2));
  const sample = items.slice(start, start + options.sampleSize);
  const fast = new Set((await findDuplicates({ items: sample, threshold: options.threshold })).removals.map((removal) => removal.removed_id));
  const exhaustive = findDuplicatesExhaustively({ items: sample, threshold: options.threshold }).removedIds;
  const sampleFound = exhaustive.filter((id) => fast.has(id)).length;
  return {
    size: options.size,
    variantShare: VARIANT_SHARE,
    dedupeMs,
    corpusRssBytes,
    peakRssBytes,
    candidatePairs: result.stats.candidatePairs,
    pairsVerified: result.stats.pairsVerified,
    removedExact: result.removals.filter((removal) => removal.kind === 'exact').length,
    removedNear: result.removals.filter((removal) => removal.kind === 'near').length,
    unverifiedRemovals,
    sampleFound,
    sampleExhaustive: exhaustive.length,
    sampleRecall: exhaustive.length === 0 ? 1 : sampleFound / exhaustive.length,
  };
}
