/**
 * Characters that read as "<" or "/" to a person or a model without being them, and
 * that no normalisation maps there (Unicode's confusables). Compatibility forms such as
 * full-width "＜" are folded by NFKD.
 */
const LOOKS_LIKE: Record<string, '<' | '/'> = {
  '\u2039': '<', // ‹ single left-pointing angle quotation mark
  '\u276E': '<', // ❮ heavy left-pointing angle quotation mark ornament
  '\u276C': '<', // ❬ medium left-pointing angle bracket ornament
  '\u02C2': '<', // ˂ modifier letter left arrowhead
  '\u1438': '<', // ᐸ canadian syllabics pa
  '\u3008': '<', // 〈 left angle bracket (U+2329 decomposes to it)
  '\u27E8': '<', // ⟨ mathematical left angle bracket
  '\u2044': '/', // ⁄ fraction slash
  '\u2215': '/', // ∕ division slash
  '\u29F8': '/', // ⧸ big solidus
  '\u2571': '/', // ╱ box drawings light diagonal
  '\u3033': '/', // 〳 vertical kana repeat mark upper half
};

/** HTML character references that can spell a tag or hide inside one. Decoded repeatedly, so "&amp;lt;" is "<" too. */
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(zerowidthspace|newline|nobreak|lsaquo|nbsp|lang|zwnj|zwj|amp|sol|tab|lrm|rlm|shy|lt|gt));?/gi;
const NAMED: Record<string, string> = {
  zerowidthspace: '\u200B', newline: '\n', nobreak: '\u2060', lsaquo: '\u2039', nbsp: '\u00A0', lang: '\u27E8',
  zwnj: '\u200C', zwj: '\u200D', amp: '&', sol: '/', tab: '\t', lrm: '\u200E', rlm: '\u200F', shy: '\u00AD', lt: '<', gt: '>',
};

const MAX_DECODING_ROUNDS = 16;

/** Invisible characters (zero-width, bidi controls, joiners, BOM, soft hyphen, tag characters) and combining marks. */
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\p{Cf}\p{M}]$/u;

/** Any letter outside ASCII, as one UTF-16 unit, so each unit of the view is one character. */
const OTHER_LETTER = '\u00E4';

export interface FoldedView {
  /**
   * One UTF-16 unit per visible character: "<" and "/" for their look-alikes, " " for any
   * space, ASCII letters in lower case, OTHER_LETTER for other letters.
   */
  text: string;
  /** Where each unit of `text` came from in the original: [start, end). */
  spans: [number, number][];
}

interface Unit {
  char: string;
  start: number;
  end: number;
}

/**
 * `text` as a reader takes it in: invisible characters dropped, compatibility and
 * look-alike forms folded, character references decoded (until none is left), case
 * ignored. Tag-like sequences are searched for in this view, and each of its units
 * points back to the original characters it came from.
 */
export function foldedView(text: string): FoldedView {
  let units: Unit[] = [];
  for (let index = 0; index < text.length; ) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      // ASCII, nearly every character of every prompt: nothing to fold but case and spaces.
      units.push({ char: ASCII_FOLDED[code], start: index, end: index + 1 });
      index += 1;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(index)!);
    if (!INVISIBLE.test(char)) units.push({ char: fold(char), start: index, end: index + char.length });
    index += char.length;
  }
  // A reference split by invisible characters is whole by now. Each round undoes one layer of
  // encoding; no reader undoes more than a few, and a bound keeps a crafted input from costing rounds per character.
  for (let decoded = true, round = 0; decoded && round < MAX_DECODING_ROUNDS; round += 1) {
    decoded = false;
    const joined = units.map((unit) => unit.char).join('');
    const next: Unit[] = [];
    let from = 0;
    for (const match of joined.matchAll(ENTITY)) {
      next.push(...units.slice(from, match.index));
      from = match.index + match[0].length;
      decoded = true;
      const char = decodeEntity(match);
      if (!INVISIBLE.test(char)) next.push({ char: fold(char), start: units[match.index].start, end: units[from - 1].end });
    }
    units = decoded ? [...next, ...units.slice(from)] : units;
  }
  return { text: units.map((unit) => unit.char).join(''), spans: units.map((unit) => [unit.start, unit.end]) };
}

function decodeEntity(match: RegExpMatchArray): string {
  const [, decimal, hex, name] = match;
  if (name) return NAMED[name.toLowerCase()];
  const code = decimal ? Number(decimal) : parseInt(hex, 16);
  return code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
}

const ASCII_FOLDED = Array.from({ length: 0x80 }, (_, code) => fold(String.fromCharCode(code)));

function fold(char: string): string {
  const base = String.fromCodePoint(char.normalize('NFKD').codePointAt(0) ?? 0xfffd);
  if (LOOKS_LIKE[base]) return LOOKS_LIKE[base];
  if (/^\s$/u.test(base)) return ' ';
  if (/^[A-Za-z]$/.test(base)) return base.toLowerCase();
  if (/^\p{L}$/u.test(base)) return OTHER_LETTER;
  return base.length === 1 ? base : '\uFFFD';
}
