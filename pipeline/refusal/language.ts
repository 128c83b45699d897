import { readFileSync } from 'node:fs';

const WORDS = JSON.parse(readFileSync(new URL('./data/english-function-words.json', import.meta.url), 'utf8')) as { english: string[]; other: string[] };
const ENGLISH: ReadonlySet<string> = new Set(WORDS.english);
const OTHER: ReadonlySet<string> = new Set(WORDS.other);

/** Characters read; a language shows in the opening as well as anywhere. */
const SAMPLE_CHARS = 1500;
/** Letters outside a-z (and the accented Latin ones) allowed among all letters: names, a quoted phrase. */
const MAX_FOREIGN_SCRIPT_SHARE = 0.2;
/** Another language's function words must be at least this many, and outnumber English ones. */
const MIN_OTHER_WORDS = 3;

const CODE_BLOCK = /```[\s\S]*?(?:```|$)/g;
const WORD = /[\p{L}]+(?:['\u2019][\p{L}]+)?/gu;
const LETTER = /\p{L}/u;

/**
 * Whether a response reads as English, the one language the classifier was trained on. Other
 * scripts are recognised by their letters; other Latin-alphabet languages by their function
 * words ("que", "est", "und") outnumbering English ones ("the", "is", "and"). So a list of
 * names, a table or code, which hold few function words of any language, still reads as English.
 */
export function readsAsEnglish(response: string): boolean {
  const sample = response.slice(0, SAMPLE_CHARS).replace(CODE_BLOCK, ' ').toLowerCase();
  let latin = 0;
  let other = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    if ((code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f)) latin += 1;
    else if (code > 0x24f && LETTER.test(sample[index])) other += 1;
  }
  if (latin + other === 0) return true;
  if (other / (latin + other) > MAX_FOREIGN_SCRIPT_SHARE) return false;
  let english = 0;
  let foreign = 0;
  for (const [word] of sample.matchAll(WORD)) {
    const folded = word.replace('\u2019', "'");
    if (ENGLISH.has(folded)) english += 1;
    else if (OTHER.has(folded)) foreign += 1;
  }
  return foreign < MIN_OTHER_WORDS || foreign <= english;
}
