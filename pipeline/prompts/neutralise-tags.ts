import { foldedView } from './folded-view.ts';

/**
 * What a tag opener becomes: a visible character that no normalisation or look-alike
 * table reads as "<", so the text keeps its shape and cannot speak as markup.
 */
export const NEUTRALISED_OPENER = '[';

/** A quick test before the full reading: text with none of these (or their full-width forms) cannot hold a tag opener. */
const MAY_OPEN = /[<&\uFE60\uFF06\u2039\u276E\u276C\u02C2\u1438\u3008\u2329\u27E8\u226E\uFE64\uFF1C]/;

/**
 * `text` with the opener of every tag-like sequence replaced by NEUTRALISED_OPENER,
 * however it is spelt: any case, invisible characters or newlines inside, full-width or
 * look-alike brackets, character references (`&lt;`, `&#x3c;`, `&amp;lt;`). Tag-like is
 * "<" then a letter, with an optional "/" (any tag at all, as an HTML reader sees one),
 * or "<" then one of `names` with spaces anywhere around the "/". Text with no such
 * sequence comes back unchanged, byte for byte.
 */
export function neutraliseTags(text: string, names: readonly string[]): string {
  if (!MAY_OPEN.test(text)) return text;
  const view = foldedView(text);
  const tagLike = new RegExp(`<(?:/?[a-z\\u00E4]| */? *(?:${names.join('|')})(?![a-z\\u00E4]))`, 'g');
  const openers = [...view.text.matchAll(tagLike)].map((match) => view.spans[match.index]);
  if (openers.length === 0) return text;
  let result = '';
  let from = 0;
  for (const [start, end] of openers) {
    result += text.slice(from, start) + NEUTRALISED_OPENER;
    from = end;
  }
  return result + text.slice(from);
}
