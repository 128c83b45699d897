import { readFileSync } from 'node:fs';

const WORDS = JSON.parse(readFileSync(new URL('./data/english-function-words.json', import.meta.url), 'utf8')) as { english: string[]; other: string[]; suffixes: string[] };

/** Bumped whenever what reads as English changes: a probe's verdicts depend on it, so a resumed run must not mix two. */
export const LANGUAGE_CHECK_VERSION = 'language-v2';

/** FNV-1a of a lower-cased word, curly apostrophes folded: words are matched by hash, so reading allocates nothing. */
function foldedCode(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code === 0x2019) return 39;
  if (code >= 0xc0 && code <= 0xde) return code + 32;
  return code;
}
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index += 1) hash = Math.imul(hash ^ foldedCode(word.charCodeAt(index)), 0x01000193);
  return hash;
}
const ENGLISH: ReadonlySet<number> = new Set(WORDS.english.map(wordHash));
const OTHER: ReadonlySet<number> = new Set(WORDS.other.map(wordHash));
const SUFFIXES = WORDS.suffixes;
/** A word's last three letters, folded, as one number: only a word whose tail some ending has is compared with the endings. */
const tailKey = (first: number, second: number, third: number) => (first << 16) | (second << 8) | third;
const SUFFIX_TAILS: ReadonlySet<number> = new Set(SUFFIXES.map((suffix) => tailKey(...([...suffix.slice(-3)].map((letter) => foldedCode(letter.charCodeAt(0))) as [number, number, number]))));

/** Characters read; a language shows in the opening, and this keeps the check cheap beside the classifier. */
const SAMPLE_CHARS = 800;
/** Letters outside a-z (and the accented Latin ones) allowed among all letters: names, a quoted phrase. */
const MAX_FOREIGN_SCRIPT_SHARE = 0.2;
/**
 * Evidence of another language needed before a response is not English: its function words count
 * one each, an ending no English word has ("-ung", "-ción") one, an accented letter half (English
 * has a few: café, naïve). Two is enough, as a short answer ("Leider nein.") has no more to give.
 */
const MIN_OTHER_EVIDENCE = 2;
/** Weight of another language's function word capitalised inside a sentence: a name's ("Los Angeles", "El Paso", "Le Monde"). */
const NAME_WORD_WEIGHT = 0.5;
/** Weight of an accented Latin letter as evidence. */
const MARK_WEIGHT = 0.5;
/** No function word in either list is longer; longer words are not looked up. */
const LONGEST_FUNCTION_WORD = 8;
/** Shorter words are not read for an ending: "lung" and "sung" are English. */
const SHORTEST_SUFFIXED_WORD = 6;
/** Endings count this much at most: a name repeated ("Samsung") is one word, not a language. */
const MAX_SUFFIX_EVIDENCE = 2;

const LETTER = /\p{L}/u;

function isLatinLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || isAccented(code);
}

function isAccented(code: number): boolean {
  return code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7;
}

/** The text read: the opening, code blocks left out (code is no language's prose). */
function sampleOf(response: string): string {
  const head = response.slice(0, SAMPLE_CHARS * 2);
  const text = head.includes('```') ? head.replace(/```[\s\S]*?(?:```|$)/g, ' ') : head;
  return text.slice(0, SAMPLE_CHARS);
}

function hasOtherSuffix(sample: string, end: number): boolean {
  for (const suffix of SUFFIXES) if (sample.startsWith(suffix, end - suffix.length)) return true;
  return false;
}

/** What a response's opening holds of English and of other languages. */
export interface LanguageEvidence {
  /** Latin letters, and letters of other scripts. */
  latin: number;
  otherScript: number;
  /** English function words ("the", "is", "and"). */
  english: number;
  /** Function words of other Latin-alphabet languages ("que", "est", "und"), endings no English word has, accented letters, weighted. */
  other: number;
}

/** One pass over the characters, so it costs less than the classifier it guards. */
export function languageEvidence(response: string): LanguageEvidence {
  const sample = sampleOf(response);
  let latin = 0;
  let otherScript = 0;
  let english = 0;
  let other = 0;
  let suffixes = 0;
  let length = 0;
  let hash = 0x811c9dc5;
  // Whether the word being read opens a sentence, and whether it is capitalised: a name, when it does not.
  let sentenceStart = true;
  let tail = 0;
  let opensSentence = true;
  let capitalised = false;
  for (let index = 0; index <= sample.length; index += 1) {
    const code = index < sample.length ? sample.charCodeAt(index) : 32;
    if (isLatinLetter(code) || ((code === 39 || code === 0x2019) && length > 0)) {
      if (length === 0) {
        opensSentence = sentenceStart;
        capitalised = (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde);
        sentenceStart = false;
      }
      if (code !== 39 && code !== 0x2019) latin += 1;
      tail = ((tail << 8) | (foldedCode(code) & 0xff)) & 0xffffff;
      if (isAccented(code)) other += MARK_WEIGHT;
      hash = Math.imul(hash ^ foldedCode(code), 0x01000193);
      length += 1;
      continue;
    }
    if (code > 0x24f && LETTER.test(sample[index]!)) otherScript += 1;
    if (code === 46 || code === 33 || code === 63 || code === 58 || code === 10 || code === 0xbf || code === 0xa1) sentenceStart = true;
    if (length > 0 && length <= LONGEST_FUNCTION_WORD) {
      if (ENGLISH.has(hash)) english += 1;
      else if (OTHER.has(hash)) other += capitalised && !opensSentence ? NAME_WORD_WEIGHT : 1;
    }
    if (length >= SHORTEST_SUFFIXED_WORD && suffixes < MAX_SUFFIX_EVIDENCE && SUFFIX_TAILS.has(tail) && hasOtherSuffix(sample, index)) suffixes += 1;
    length = 0;
    tail = 0;
    hash = 0x811c9dc5;
  }
  return { latin, otherScript, english, other: other + suffixes };
}

/**
 * Whether a response reads as English, the one language the classifier was trained on. Other
 * scripts are recognised by their letters; other Latin-alphabet languages by their evidence
 * (function words, endings, accents) reaching MIN_OTHER_EVIDENCE and outweighing English
 * function words. So a list of names, a table or code, which hold few function words of any
 * language, still reads as English, and so does English prose that names a place or two.
 */
export function readsAsEnglish(response: string): boolean {
  const { latin, otherScript, english, other } = languageEvidence(response);
  if (latin + otherScript === 0) return true;
  if (otherScript / (latin + otherScript) > MAX_FOREIGN_SCRIPT_SHARE) return false;
  return other < MIN_OTHER_EVIDENCE || other <= english;
}
