import type { Random } from '../random.ts';
import { PHRASE_GROUPS } from './paraphrase-groups.ts';

/**
 * Each occurrence of a group member may become any member of its group, so prompts built
 * from the same template share few word sequences, as prompts from a real generator do.
 */
const SWAP_CHANCE = 0.8;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest members first, so "How do I" wins over "How do".
const COMPILED = PHRASE_GROUPS.map((group) => ({
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
