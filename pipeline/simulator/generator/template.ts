import type { Random } from '../random.ts';

/** A rewrite template: text with {slot} holes and [alternative|wordings], and the false-refusal pattern it demonstrates. */
export interface Template {
  readonly pattern: string;
  readonly text: string;
}

/** Values for the holes; a list means "pick one". */
export type Slots = Record<string, string | readonly string[]>;

export function fillTemplate(options: { text: string; slots: Slots; random: Random }): string {
  // [a|b|c] picks one wording, so one template yields many surface forms.
  const varied = options.text.replace(/\[([^\[\]]*)\]/g, (_, choices: string) => options.random.pick(choices.split('|')));
  const filled = varied.replace(/\{(\w+)\}/g, (hole, name: string) => {
    const value = options.slots[name];
    if (value === undefined) return hole;
    return typeof value === 'string' ? value : options.random.pick(value);
  });
  // Slots change the word after an article; "a ethics class" reads as broken output.
  const articled = filled.replace(/\b([Aa]) (?=a|e(?!u)|i|o(?!ne)|u(?!ni|s|r)|hon|hour)/g, '$1n ');
  // Templates often start with a slot; the prompt still starts with a capital.
  return articled.charAt(0).toUpperCase() + articled.slice(1);
}

export const templates = (pattern: string, texts: readonly string[]): Template[] => texts.map((text) => ({ pattern, text }));
