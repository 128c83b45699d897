import { CUE_FAMILY_NAMES } from './cue-matcher.ts';
import type { SentenceShape } from './sentence-shape.ts';

/**
 * Named numeric features of a response for the boosted trees. The first two slots hold the
 * linear heads' logits (filled after the linear pass); the rest say where each cue family
 * first appears and how often, and how the response is built (length, lists, code,
 * questions). Trees read interactions a linear score cannot: "declines in sentence 2, then
 * a long list" versus "declines in sentence 1 and stops".
 */
export const DENSE_FEATURE_NAMES: readonly string[] = [
  'linear-refusal',
  'linear-partial',
  'log-chars',
  'sentences',
  'newlines',
  'list-items',
  'items-after-decline',
  'code-fences',
  'question-marks',
  'ends-with-question',
  'first-decline-sentence',
  'opener-family',
  ...CUE_FAMILY_NAMES.map((name) => `first-sentence-of-${name}`),
  ...CUE_FAMILY_NAMES.map((name) => `count-of-${name}`),
];

export const DENSE_FEATURE_COUNT = DENSE_FEATURE_NAMES.length;
const FAMILY_OFFSET = 12;

export function fillDenseFeatures(options: { shape: SentenceShape; chars: number; newlines: number; listItems: number; endsWithQuestion: boolean; into: Float32Array }): void {
  const { shape, into } = options;
  into[2] = Math.log2(options.chars + 1);
  into[3] = shape.sentences;
  into[4] = options.newlines;
  into[5] = options.listItems;
  into[6] = shape.itemsAfterDecline;
  into[7] = shape.codeFences;
  into[8] = shape.questionMarks;
  into[9] = options.endsWithQuestion ? 1 : 0;
  into[10] = shape.firstDecline < 0 ? 99 : shape.firstDecline;
  into[11] = shape.openerFamily;
  const families = shape.familyCounts.length;
  for (let family = 0; family < families; family += 1) {
    into[FAMILY_OFFSET + family] = shape.familyFirst[family];
    into[FAMILY_OFFSET + families + family] = shape.familyCounts[family];
  }
}
