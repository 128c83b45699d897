export const OPENING_WORDS = 5;

/**
 * Share of prompts whose opening (first five words, or the whole prompt if shorter) is
 * also the opening of another prompt: the "same stem, different ending" pattern.
 */
export function sharedOpeningShare(tokenised: string[][]): number {
  if (tokenised.length === 0) return 0;
  const counts = new Map<string, number>();
  const openings = tokenised.map((tokens) => tokens.slice(0, OPENING_WORDS).join(' '));
  for (const opening of openings) counts.set(opening, (counts.get(opening) ?? 0) + 1);
  return openings.filter((opening) => counts.get(opening)! > 1).length / openings.length;
}
