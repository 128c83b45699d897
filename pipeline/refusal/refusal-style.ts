import { buildCueIndex } from './cue-matcher.ts';
import { cueScores, highestScore } from './cue-scores.ts';
import { STYLE_CUES, type RefusalStyle } from './refusal-cue-data.ts';

const STYLE_NAMES = Object.keys(STYLE_CUES.cues) as RefusalStyle[];
const STYLE_INDEX = buildCueIndex(STYLE_CUES.cues as Record<string, readonly string[]>);
const ORDER = STYLE_CUES.precedence.map((style) => STYLE_NAMES.indexOf(style));

/**
 * The style of a refusal, from the style cues (data/refusal-styles.json) in its first three
 * sentences: the style whose cues weigh most, ties to the one listed first in `precedence`;
 * the default (a direct refusal) when none occurs. Only meaningful for a response that is a refusal.
 */
export function refusalStyle(response: string): RefusalStyle {
  const best = highestScore(cueScores(STYLE_INDEX, response), ORDER);
  return best === -1 ? STYLE_CUES.default : STYLE_NAMES[best]!;
}
