import { matchCue } from './cue-matcher.ts';
import { combineHash, hashString, mixHash } from './hashing.ts';
import { createSentenceShape, emitShapeFeatures, noteCue, resetSentenceShape } from './sentence-shape.ts';
import { createTokenStream, tokenize } from './tokens.ts';

/** Shape of the hashed feature space; stored in the artifact so training and inference agree. */
export interface FeatureConfig {
  /** log2 of the number of hash buckets. */
  bits: number;
  /** Characters read from the start of the response; refusals live there, and it bounds the cost. */
  headChars: number;
  /** Scale of the word and word-pair features against the cue and shape features. */
  wordScale: number;
  /** Whether words outside the vocabulary get their own features (topic words; they transfer badly). */
  rareWords: boolean;
  /** Value of a cue feature; above 1 lets cues outweigh many weak word features under the same L2. */
  cueScale: number;
  /** Value of a sentence-shape feature (see sentence-shape.ts); 0 leaves them out. */
  shapeScale: number;
}

/** A feature config plus the frequent-word list; word pairs outside it are read as "some word". */
export interface FeatureSpace {
  config: FeatureConfig;
  vocabulary: ReadonlySet<number> | null;
}

/** Sparse feature vector written into reusable buffers, so classifying allocates almost nothing. */
export interface FeatureVector {
  indices: Int32Array;
  values: Float32Array;
  length: number;
}

const TOKEN_CAPACITY = 4096;
// Per token: a word, a pair and at most five cue features; plus a few per response.
const CAPACITY = TOKEN_CAPACITY * 7 + 32;
const NS = {
  word: hashString('any'),
  pair: hashString('any-bigram'),
  cueFamily: [hashString('cue-family0'), hashString('cue-family1'), hashString('cue-family2')],
  cuePhrase: [hashString('cue-phrase0'), hashString('cue-phrase1'), hashString('cue-phrase2')],
  cueOpener: hashString('cue-opener'),
  cueSequence: hashString('cue-sequence'),
  cueByLength: hashString('cue-by-length'),
  start: [hashString('start1'), hashString('start2'), hashString('start3')],
  startByLength: hashString('start-by-length'),
  length: hashString('length'),
  lines: hashString('lines'),
  listItems: hashString('list-items'),
  restTokens: hashString('rest-tokens'),
  bias: hashString('bias'),
};
// Signed, like the Int32Array it is compared with.
const UNKNOWN_WORD = hashString('<word>') | 0;
const NEWLINE = 10;
const QUESTION = 63;
const BACKTICK = 96;
const tokens = createTokenStream(TOKEN_CAPACITY);
const generalised = new Int32Array(TOKEN_CAPACITY);
const cueMatch = { family: 0, id: 0 };
const shape = createSentenceShape();

export function createFeatureVector(): FeatureVector {
  return { indices: new Int32Array(CAPACITY), values: new Float32Array(CAPACITY), length: 0 };
}

function bucketOf(value: number): number {
  return Math.min(12, Math.floor(Math.log2(value + 1)));
}

function isSentenceEnd(symbol: number): boolean {
  return symbol === 46 || symbol === 33 || symbol === 63 || symbol === NEWLINE;
}

/**
 * Hashed features of a response's head:
 * - words, and pairs of frequent words, anywhere (scaled by 1/sqrt(length));
 * - refusal, redirection and compliance cue phrases by family and by place (first
 *   sentence, second, later), whether one opens the response, which family comes first
 *   and which next ("I can't ..." then "however, here is ...");
 * - the opening one to three words, and coarse shape (length, lines, list items).
 * Word features by sentence were tried and dropped: they memorise a model's topics and
 * transfer worse to unseen models. The prompt is not used: it is often absent.
 */
export function extractFeatures(options: { response: string; space: FeatureSpace; into: FeatureVector }): void {
  const { response, space, into } = options;
  const { config, vocabulary } = space;
  const mask = (1 << config.bits) - 1;
  const { indices, values } = into;
  let size = 0;
  const add = (hash: number, value: number): void => {
    indices[size] = mixHash(hash) & mask;
    values[size] = value;
    size += 1;
  };

  tokenize((response.length > config.headChars ? response.slice(0, config.headChars) : response).toLowerCase(), tokens);
  const { hashes, symbols, count } = tokens;
  for (let index = 0; index < count; index += 1) {
    const token = hashes[index];
    generalised[index] = vocabulary !== null && symbols[index] === 0 && !vocabulary.has(token) ? UNKNOWN_WORD : token;
  }
  const wordWeight = config.wordScale / Math.sqrt(count + 1);
  const lengthBucket = bucketOf(response.length);

  let zone = 0;
  let previous = 0x12345;
  let newlines = 0;
  let listItems = 0;
  let restTokens = 0;
  let cueSkip = 0;
  let firstCue = -1;
  let secondCue = -1;
  let sentence = 0;
  let sentenceTokens = 0;
  resetSentenceShape(shape);
  for (let index = 0; index < count; index += 1) {
    const symbol = symbols[index];
    const word = generalised[index];
    if (config.rareWords || word !== UNKNOWN_WORD) add(combineHash(NS.word, hashes[index]), wordWeight);
    add(combineHash(NS.pair, combineHash(previous, word)), wordWeight);
    if (zone === 2) restTokens += 1;
    if (cueSkip > 0) cueSkip -= 1;
    else if (symbol === 0) {
      const length = matchCue({ hashes, count, position: index, match: cueMatch });
      if (length > 0) {
        cueSkip = length - 1;
        noteCue(shape, { family: cueMatch.family, sentence });
        add(combineHash(NS.cueFamily[zone], cueMatch.family), config.cueScale);
        add(combineHash(NS.cuePhrase[zone], cueMatch.id), config.cueScale);
        if (index <= 2) add(combineHash(NS.cueOpener, cueMatch.family), config.cueScale);
        if (firstCue < 0) {
          firstCue = cueMatch.family;
          add(combineHash(NS.cueByLength, combineHash(firstCue * 16 + zone, lengthBucket)), config.cueScale);
        } else if (secondCue < 0 && cueMatch.family !== firstCue) {
          secondCue = cueMatch.family;
          add(combineHash(NS.cueSequence, firstCue * 16 + secondCue), config.cueScale);
        }
      }
    }
    if (symbol === NEWLINE) newlines += 1;
    else if (index > 0 && symbols[index - 1] === NEWLINE && (symbol === 45 || symbol === 42 || (symbol === 0 && index + 1 < count && symbols[index + 1] === 46))) {
      listItems += 1;
      if (shape.firstDecline >= 0) shape.itemsAfterDecline += 1;
    } else if (symbol === QUESTION) shape.questionMarks += 1;
    else if (symbol === BACKTICK) shape.codeFences += 1;
    sentenceTokens += 1;
    if (sentenceTokens > 3 && isSentenceEnd(symbol)) {
      sentence += 1;
      sentenceTokens = 0;
    }
    // A sentence ends at . ! ? or a line break once it holds a few tokens, so "1." does not open a zone.
    if (zone < 2 && index >= 3 && isSentenceEnd(symbol)) zone += 1;
    previous = word;
  }

  const start1 = count > 0 ? generalised[0] : 0;
  const start2 = count > 1 ? combineHash(start1, generalised[1]) : start1;
  const start3 = count > 2 ? combineHash(start2, generalised[2]) : start2;
  add(combineHash(NS.start[0], start1), 1);
  add(combineHash(NS.start[1], start2), 1);
  add(combineHash(NS.start[2], start3), 1);
  add(combineHash(NS.startByLength, combineHash(start2, lengthBucket)), 1);
  add(combineHash(NS.length, lengthBucket), 1);
  add(combineHash(NS.lines, bucketOf(newlines)), 1);
  add(combineHash(NS.listItems, bucketOf(listItems)), 1);
  add(combineHash(NS.restTokens, bucketOf(restTokens)), 1);
  add(NS.bias, 1);
  shape.sentences = sentence + (sentenceTokens > 0 ? 1 : 0);
  if (config.shapeScale > 0) {
    const lengthClass = response.length < 300 ? 0 : response.length < 800 ? 1 : 2;
    emitShapeFeatures({ shape, lengthClass, add, scale: config.shapeScale });
  }
  into.length = size;
}

/**
 * The `size` words found in most training responses (document frequency, ties by hash),
 * as token hashes. Word pairs keep these words and blur the rest, so they learn how a
 * response is phrased rather than what it is about.
 */
export function buildVocabulary(options: { responses: readonly string[]; config: FeatureConfig; size: number }): number[] {
  const { responses, config, size } = options;
  return vocabularyOfWords({ words: responses.map((response) => responseWords(response, config)), size });
}

/** The distinct word hashes of a response's head, in order of first use: what buildVocabulary counts. */
export function responseWords(response: string, config: FeatureConfig): Int32Array {
  tokenize(response.slice(0, config.headChars).toLowerCase(), tokens);
  const seen = new Set<number>();
  for (let index = 0; index < tokens.count; index += 1) {
    if (tokens.symbols[index] === 0) seen.add(tokens.hashes[index]);
  }
  return Int32Array.from(seen);
}

/** buildVocabulary from each response's responseWords. */
export function vocabularyOfWords(options: { words: readonly Int32Array[]; size: number }): number[] {
  const frequency = new Map<number, number>();
  for (const words of options.words) {
    for (const hash of words) frequency.set(hash, (frequency.get(hash) ?? 0) + 1);
  }
  return [...frequency.entries()]
    .sort((left, right) => right[1] - left[1] || left[0] - right[0])
    .slice(0, options.size)
    .map(([hash]) => hash)
    .sort((left, right) => left - right);
}
