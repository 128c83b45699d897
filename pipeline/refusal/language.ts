import { readFileSync } from 'node:fs';

const WORDS = JSON.parse(readFileSync(new URL('./data/english-function-words.json', import.meta.url), 'utf8')) as { english: string[]; other: string[] };

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

/** Characters read; a language shows in the opening, and this keeps the check cheap beside the classifier. */
const SAMPLE_CHARS = 800;
/** Letters outside a-z (and the accented Latin ones) allowed among all letters: names, a quoted phrase. */
const MAX_FOREIGN_SCRIPT_SHARE = 0.2;
/** Another language's function words must be at least this many, and outnumber English ones. */
const MIN_OTHER_WORDS = 3;
/** No function word in either list is longer; longer words are not looked up. */
const LONGEST_FUNCTION_WORD = 8;

const LETTER = /\p{L}/u;

function isLatinLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
}

/** The text read: the opening, code blocks left out (code is no language's prose). */
function sampleOf(response: string): string {
  const head = response.slice(0, SAMPLE_CHARS * 2);
  const text = head.includes('```') ? head.replace(/```[\s\S]*?(?:```|$)/g, ' ') : head;
  return text.slice(0, SAMPLE_CHARS);
}

/**
 * Whether a response reads as English, the one language the classifier was trained on. Other
 * scripts are recognised by their letters; other Latin-alphabet languages by their function
 * words ("que", "est", "und") outnumbering English ones ("the", "is", "and"). So a list of
 * names, a table or code, which hold few function words of any language, still reads as English.
 * One pass over the characters, so it costs less than the classifier it guards.
 */
export function readsAsEnglish(response: string): boolean {
  const sample = sampleOf(response);
  let latin = 0;
  let other = 0;
  let english = 0;
  let foreign = 0;
  let length = 0;
  let hash = 0x811c9dc5;
  for (let index = 0; index <= sample.length; index += 1) {
    const code = index < sample.length ? sample.charCodeAt(index) : 32;
    if (isLatinLetter(code) || ((code === 39 || code === 0x2019) && length > 0)) {
      if (code !== 39 && code !== 0x2019) latin += 1;
      hash = Math.imul(hash ^ foldedCode(code), 0x01000193);
      length += 1;
      continue;
    }
    if (code > 0x24f && LETTER.test(sample[index])) other += 1;
    if (length > 0 && length <= LONGEST_FUNCTION_WORD) {
      if (ENGLISH.has(hash)) english += 1;
      else if (OTHER.has(hash)) foreign += 1;
    }
    length = 0;
    hash = 0x811c9dc5;
  }
  if (latin + other === 0) return true;
  if (other / (latin + other) > MAX_FOREIGN_SCRIPT_SHARE) return false;
  return foreign < MIN_OTHER_WORDS || foreign <= english;
}
