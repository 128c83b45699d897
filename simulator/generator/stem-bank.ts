import { loadSimulatorData } from '../simulator-data.ts';

/**
 * Harmless uses of scary words, keyed by the word's stem. A concept that contains the
 * stem gets homonym, figurative and safe-target rewrites built around the same word,
 * which is what makes an over-cautious model flinch.
 */
export interface StemEntry {
  readonly stem: string;
  readonly match: RegExp;
  readonly homonyms: readonly string[];
  readonly figurative: readonly string[];
  readonly safeTargets: readonly string[];
}

/** From data/stems.json: each entry's phrases all contain a word its pattern matches, so a rewrite keeps the seed's own word. */
export const STEM_BANK: readonly StemEntry[] = loadSimulatorData('stems').map(({ pattern, ...uses }) => ({ ...uses, match: new RegExp(`\\b${pattern}`, 'i') }));

/** The first bank entry whose stem appears in the text. */
export function findStem(text: string): StemEntry | null {
  return STEM_BANK.find((item) => item.match.test(text)) ?? null;
}
