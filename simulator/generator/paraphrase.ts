import type { Random } from '../random.ts';
import { loadSimulatorData } from '../simulator-data.ts';

/**
 * Each occurrence of a group member may become any member of its group, so prompts built
 * from the same template share few word sequences, as prompts from a real generator do.
 * Applied to a frame before its slots are filled, so the seed's topic is never rephrased.
 */
const SWAP_CHANCE = 0.8;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest members first, so "How do I" wins over "How do".
const COMPILED = loadSimulatorData('phrases').paraphraseGroups.map((group) => ({
  group,
  pattern: new RegExp(`(?<![\\w'])(?:${[...group].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\w'])`, 'g'),
}));

export function paraphrase(text: string, random: Random): string {
  let result = text;
  for (const { group, pattern } of COMPILED) {
    result = result.replace(pattern, (match) => (random.chance(SWAP_CHANCE) ? random.pick(group) : match));
  }
  return result;
}
