import type { Random } from '../random.ts';

/** Word swaps that keep a prompt's meaning: what a generator produces when it repeats itself. */
const SWAPS: ReadonlyArray<readonly [string, string]> = [
  ['explain', 'describe'],
  ['quickest', 'fastest'],
  ['best', 'top'],
  ['tips', 'advice'],
  ['main', 'key'],
  ['usually', 'typically'],
  ['actually', 'really'],
  ['happened', 'took place'],
  ['dangerous', 'risky'],
  ['prevent', 'stop'],
  ['spot', 'notice'],
  ['detect', 'identify'],
  ['kids', 'children'],
  ['help', 'assist'],
  ['measures', 'steps'],
  ['common', 'widespread'],
  ['classic', 'well-known'],
  ['need', 'want'],
  ['really', 'truly'],
  ['serious', 'major'],
];

const FILLERS = ['So,', 'Hi!', 'Hey,', 'Okay,', 'Hello,'];

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
    const rest = /^I\b/.test(result) ? result : result.charAt(0).toLowerCase() + result.slice(1);
    result = `${random.pick(FILLERS)} ${rest}`;
  }
  return result;
}
