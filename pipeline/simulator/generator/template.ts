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

/** Fills a template without touching its first letter: the result may be spliced into a longer prompt. */
export function fillText(options: { text: string; slots: Slots; random: Random }): string {
  const varied = chooseWordings(options.text, options.random);
  const filled = varied.replace(/\{(\w+)\}/g, (hole, name: string) => {
    const value = options.slots[name];
    if (value === undefined) return hole;
    if (typeof value === 'string') return value;
    return typeof value === 'function' ? value() : options.random.pick(value);
  });
  // Slots change the word after an article; "a ethics class" reads as broken output.
  return filled.replace(/\b([Aa]) (?=a|e(?!u)|i|o(?!ne)|u(?!ni|s|r)|hon(?!ey)|hour)/g, '$1n ').replace(/\s{2,}/g, ' ').trim();
}

export function fillTemplate(options: { text: string; slots: Slots; random: Random }): string {
  const filled = fillText(options);
  // Templates often start with a slot; the prompt still starts with a capital.
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

export const templates = (pattern: string, texts: readonly string[]): Template[] => texts.map((text) => ({ pattern, text }));
