import { normalisePrompt } from '../text/normalise.ts';

/** Word tokens of the normalised prompt: what every diversity figure counts. */
export function promptTokens(prompt: string): string[] {
  const normalised = normalisePrompt(prompt);
  return normalised === '' ? [] : normalised.split(' ');
}

/** n-grams as strings joined by a space (tokens never contain spaces). */
export function ngrams(tokens: string[], n: number): string[] {
  const result: string[] = [];
  for (let start = 0; start + n <= tokens.length; start++) result.push(tokens.slice(start, start + n).join(' '));
  return result;
}
