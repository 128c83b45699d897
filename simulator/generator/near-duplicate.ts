import type { Random } from '../random.ts';
import { loadSimulatorData } from '../simulator-data.ts';

const phrases = loadSimulatorData('phrases');
/** Word swaps that keep a prompt's meaning: what a generator produces when it repeats itself. */
const SWAPS = phrases.nearDuplicateSwaps;
const FILLERS = phrases.nearDuplicateFillers;

/** A copy of `prompt` with one or two words changed. */
export function nearDuplicate(prompt: string, random: Random): string {
  let result = prompt;
  let changes = 0;
  for (const [a, b] of random.sample(SWAPS, SWAPS.length)) {
    if (changes === 2) break;
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const pattern = new RegExp(`\\b${from}\\b`, 'i');
      if (pattern.test(result)) {
        result = result.replace(pattern, (word) => (word[0] === word[0].toUpperCase() ? to[0].toUpperCase() + to.slice(1) : to));
        changes++;
        break;
      }
    }
  }
  if (changes === 0) {
    // Each filler is a sentence of its own, so the prompt after it keeps its capital.
    result = `${random.pick(FILLERS)} ${result}`;
  }
  return result;
}
