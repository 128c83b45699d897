import { matchCueIn, type CueIndex } from './cue-matcher.ts';
import { createTokenStream, tokenize } from './tokens.ts';

/** How a refusal is put lives in its opening: only this many sentences are read, the first weighing most. */
const SENTENCE_WEIGHTS = [3, 2, 1];
/** Enough characters for three long sentences; the rest of an answer is not read. */
const HEAD_CHARS = 1500;
const NEWLINE = 10;

const tokens = createTokenStream(1024);
const match = { family: 0, id: 0 };

function isSentenceEnd(symbol: number): boolean {
  return symbol === 46 || symbol === 33 || symbol === 63 || symbol === NEWLINE;
}

/**
 * A score per cue family of `index` for a response's opening: each family counts once per
 * sentence it appears in, 3 for the first sentence, 2 for the second, 1 for the third. So a
 * long list of cues in one family does not outweigh another family's cue in the opening, and
 * what comes after the third sentence (the help a partial refusal goes on to give) is not read.
 * Sentences end as the classifier's do: at . ! ? or a line break once they hold a few tokens.
 */
export function cueScores(index: CueIndex, response: string): number[] {
  const scores = new Array<number>(index.names.length).fill(0);
  tokenize((response.length > HEAD_CHARS ? response.slice(0, HEAD_CHARS) : response).toLowerCase(), tokens);
  const { hashes, symbols, count } = tokens;
  let sentence = 0;
  let sentenceTokens = 0;
  let seen = new Set<number>();
  for (let position = 0; position < count && sentence < SENTENCE_WEIGHTS.length; position += 1) {
    const symbol = symbols[position];
    if (symbol === 0) {
      const length = matchCueIn(index, { hashes, count, position, match });
      if (length > 0) {
        if (!seen.has(match.family)) scores[match.family] += SENTENCE_WEIGHTS[sentence];
        seen.add(match.family);
        position += length - 1;
        sentenceTokens += length;
        continue;
      }
    }
    sentenceTokens += 1;
    if (sentenceTokens > 3 && isSentenceEnd(symbol)) {
      sentence += 1;
      sentenceTokens = 0;
      seen = new Set();
    }
  }
  return scores;
}

/** The index of the highest score, ties going to the earlier position in `order`; -1 when every score is 0. */
export function highestScore(scores: readonly number[], order: readonly number[]): number {
  let best = -1;
  for (const family of order) if (scores[family] > 0 && (best === -1 || scores[family] > scores[best])) best = family;
  return best;
}
