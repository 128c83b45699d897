import type { Random } from '../random.ts';

/** A rewrite template: text with {slot} holes and [alternative|wordings], and the false-refusal pattern it demonstrates. */
export interface Template {
  readonly pattern: string;
  readonly text: string;
}

/** Values for the holes; a list means "pick one", a function draws a fresh wording each time. */
export type Slots = Record<string, string | readonly string[] | (() => string)>;

const INNERMOST_CHOICE = /\[([^\[\]]*)\]/g;

/** Resolves [a|b] choices, innermost first, so banks can nest alternatives inside alternatives. */
export function chooseWordings(text: string, random: Random): string {
  let result = text;
  while (result.includes('[')) {
    const next = result.replace(INNERMOST_CHOICE, (_, choices: string) => random.pick(choices.split('|')));
    if (next === result) break;
    result = next;
  }
  return result;
}

/**
 * Fills a template without touching its first letter: the result may be spliced into a
 * longer prompt. `rephrase` rewords the frame before the slots go in, so it never
 * touches a slot's value (the seed's topic stays as the seed says it).
 */
export function fillText(options: { text: string; slots: Slots; random: Random; rephrase?: (text: string) => string }): string {
  const chosen = chooseWordings(options.text, options.random);
  const varied = options.rephrase ? options.rephrase(chosen) : chosen;
  const filled = varied.replace(/\{(\w+)\}/g, (hole, name: string) => {
    const value = options.slots[name];
    if (value === undefined) return hole;
    if (typeof value === 'string') return value;
    return typeof value === 'function' ? value() : options.random.pick(value);
  });
  // Slots change the word after an article; "a ethics class" and "a HR manager" read as broken output.
  return filled
    .replace(/\b([Aa]) (?=[aA]|[eE](?!u)|[iI]|[oO](?!ne)|[uU](?!ni|s|r)|hon(?!ey)|hour|[FHLMNRSX][A-Z])/g, '$1n ')
    .replace(/\b([Aa])n (?=[b-df-gj-np-tv-z]|h(?!our|onest|eir))/g, '$1 ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
