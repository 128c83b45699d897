import { INTENT_CUES } from '../lexicon.ts';

/**
 * What makes a wording of a concept still name it: its first content word and most of
 * the others. Words that only ask for evasion ("without getting caught") do not count,
 * since benign rewrites leave them out on purpose.
 */
const STOP_WORDS = new Set(
  'a an the to of for and or in on at with into from about by as so that which who while until without their them they it its his her my your our one oneself one\'s someone someone\'s somebody person people other others own up out off every each'.split(' '),
);

/** A crude stem, enough to match "forging" with "forge" and "photos" with "photo". */
export function stemOf(word: string): string {
  return word.toLowerCase().replace(/'s$/, '').replace(/(?:ing|ed|es|s|e)$/, '').replace(/([b-df-hj-np-tv-z])\1$/, '$1');
}

export function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9'-]+/)
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

/** The concept without its evasion wording. */
export function withoutEvasion(concept: string): string {
  let text = concept;
  for (const cue of INTENT_CUES) text = text.replace(new RegExp(`${cue.pattern.source}\\w*`, 'gi'), ' ');
  return text.replace(/\s{2,}/g, ' ').trim();
}

/** Whether `text` keeps the concept's first content word and at least 60% of its content words. */
export function coversTopic(options: { text: string; concept: string }): boolean {
  const words = contentWords(withoutEvasion(options.concept));
  if (words.length === 0) return true;
  const present = new Set(contentWords(options.text).map(stemOf));
  const covered = words.filter((word) => present.has(stemOf(word)));
  return present.has(stemOf(words[0])) && covered.length >= Math.ceil(0.6 * words.length);
}
